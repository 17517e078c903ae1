// elo_ratings: history rows keyed by (sport, entity_id, valid_from). Writing a day's rows closes
// the entity's open row and inserts the new one in the same upsert, because the Elo replay emits
// both (the closed row with its valid_to set, and the new open row).
import { Decimal } from "decimal.js";
import type { EloHistoryRow } from "../elo/index.ts";
import type { Queryable } from "./queryable.ts";
import { ratingInForceSql } from "./rating-in-force.ts";

/**
 * Upserts history rows of one sport in one statement; `names` gives entity_name by id (the id
 * itself when unknown). Unchanged rows are left alone. Returns rows inserted or changed.
 */
export async function upsertEloRows(
  db: Queryable,
  sport: string,
  rows: readonly EloHistoryRow[],
  names: ReadonlyMap<string, string>,
): Promise<number> {
  if (rows.length === 0) return 0;
  const result = await db.query(
    `INSERT INTO elo_ratings AS e (sport, entity_id, entity_name, rating, valid_from, valid_to, games_played)
     SELECT $1, * FROM unnest($2::varchar[], $3::varchar[], $4::numeric[], $5::date[], $6::date[], $7::int[])
     ON CONFLICT (sport, entity_id, valid_from) DO UPDATE SET
       entity_name = excluded.entity_name, rating = excluded.rating, valid_to = excluded.valid_to,
       games_played = excluded.games_played
     WHERE (e.entity_name, e.rating, e.valid_to, e.games_played)
       IS DISTINCT FROM (excluded.entity_name, excluded.rating, excluded.valid_to, excluded.games_played)`,
    [
      sport,
      rows.map((r) => r.entityId),
      rows.map((r) => names.get(r.entityId) ?? r.entityId),
      rows.map((r) => r.rating.toFixed(2)),
      rows.map((r) => r.validFrom),
      rows.map((r) => r.validTo),
      rows.map((r) => r.gamesPlayed),
    ],
  );
  return result.rowCount ?? 0;
}

/**
 * Deletes rows of a sport starting on or after `from`, and reopens the rows they closed: used when
 * a rebuild replaces history from a day on (e.g. a corrected score). Returns rows deleted.
 */
export async function deleteEloRowsFrom(db: Queryable, sport: string, from: string): Promise<number> {
  const deleted = await db.query("DELETE FROM elo_ratings WHERE sport = $1 AND valid_from >= $2", [
    sport,
    from,
  ]);
  await db.query("UPDATE elo_ratings SET valid_to = NULL WHERE sport = $1 AND valid_to >= $2", [sport, from]);
  return deleted.rowCount ?? 0;
}

/** Every row of a sport, by entity then valid_from (the shape `mergeHistoryRows` returns). */
export async function eloRows(db: Queryable, sport: string): Promise<EloHistoryRow[]> {
  const { rows } = await db.query(
    `SELECT entity_id, rating::text, valid_from::text, valid_to::text, games_played
       FROM elo_ratings WHERE sport = $1 ORDER BY entity_id COLLATE "C", valid_from`,
    [sport],
  );
  return rows.map((r) => ({
    entityId: r.entity_id,
    rating: new Decimal(r.rating),
    validFrom: r.valid_from,
    validTo: r.valid_to,
    gamesPlayed: r.games_played ?? 0,
  }));
}

/**
 * The latest day a stored row of a sport starts (the day after its newest rated game), or
 * undefined when the sport has none.
 */
export async function latestRatedDay(db: Queryable, sport: string): Promise<string | undefined> {
  const { rows } = await db.query("SELECT max(valid_from)::text AS day FROM elo_ratings WHERE sport = $1", [
    sport,
  ]);
  return (rows[0]?.day as string | null) ?? undefined;
}

/** A rating in force on a day, with the day its row starts (so a reader can prove it is pre-game). */
export interface RatingInForce {
  rating: Decimal;
  /** YYYY-MM-DD. */
  validFrom: string;
}

/**
 * The rating each entity of a sport had at the start of `date` (the row covering that day). A
 * row's results take effect the day after the game (elo/history.ts), so for a game on `date`
 * this is its pre-game rating.
 */
export async function ratingsOn(
  db: Queryable,
  sport: string,
  date: string,
): Promise<Map<string, RatingInForce>> {
  const { rows } = await db.query(
    `SELECT entity_id, rating::text, valid_from::text FROM elo_ratings
      WHERE sport = $1 AND ${ratingInForceSql("elo_ratings", "$2::date")}`,
    [sport, date],
  );
  return new Map(
    rows.map((r) => [r.entity_id as string, { rating: new Decimal(r.rating), validFrom: r.valid_from }]),
  );
}

/**
 * Makes the stored history of a sport equal `expected` (a replay's full history) by writing only
 * the difference: rows that changed or are new are upserted, rows the replay no longer produces
 * are deleted. An incremental day and a full rebuild therefore end in the same rows, and a rerun
 * writes nothing. Returns rows written (upserted + deleted).
 */
export async function syncEloHistory(
  db: Queryable,
  sport: string,
  expected: readonly EloHistoryRow[],
  names: ReadonlyMap<string, string>,
): Promise<number> {
  const key = (r: EloHistoryRow) => `${r.entityId}\u0000${r.validFrom}`;
  const stored = new Map((await eloRows(db, sport)).map((r) => [key(r), r]));
  const changed = expected.filter((r) => {
    const s = stored.get(key(r));
    if (s === undefined) return true;
    return !s.rating.equals(r.rating) || s.validTo !== r.validTo || s.gamesPlayed !== r.gamesPlayed;
  });
  const wanted = new Set(expected.map(key));
  const obsolete = [...stored.values()].filter((r) => !wanted.has(key(r)));
  let written = 0;
  if (obsolete.length > 0) {
    const result = await db.query(
      `DELETE FROM elo_ratings e USING unnest($2::varchar[], $3::date[]) AS t(entity_id, valid_from)
        WHERE e.sport = $1 AND e.entity_id = t.entity_id AND e.valid_from = t.valid_from`,
      [sport, obsolete.map((r) => r.entityId), obsolete.map((r) => r.validFrom)],
    );
    written += result.rowCount ?? 0;
  }
  written += await upsertEloRows(db, sport, changed, names);
  return written;
}
