// external_forecasts: other models' pre-game forecasts (FiveThirtyEight's), kept to compare
// Edgeline's against. One row per (game, forecaster); a re-import writes only what differs.
import type { Queryable } from "./queryable.ts";

export interface ExternalForecastInput {
  gameId: string;
  /** Who forecast it: "fivethirtyeight-elo", "fivethirtyeight-carmelo", "fivethirtyeight-raptor". */
  source: string;
  homeWinProbability: number;
  awayWinProbability: number;
  overtimeProbability: number | null;
  homeRating: number | null;
  awayRating: number | null;
}

/** What an upsert changed: rows inserted, rows updated and the cells those updates changed. */
export interface ForecastCounts {
  inserted: number;
  updated: number;
  cells: number;
}

const VALUES = [
  "home_win_probability",
  "away_win_probability",
  "overtime_probability",
  "home_rating",
  "away_rating",
];

/**
 * Inserts new forecasts and updates changed ones, in one statement; unchanged rows are not touched.
 * Callers serialise per sport (writeHistory holds the sport's lock), which makes update-then-insert safe.
 */
export async function upsertForecasts(
  db: Queryable,
  forecasts: readonly ExternalForecastInput[],
): Promise<ForecastCounts> {
  if (forecasts.length === 0) return { inserted: 0, updated: 0, cells: 0 };
  const unique = [...new Map(forecasts.map((f) => [`${f.gameId}\u0000${f.source}`, f])).values()];
  const cols = (a: string) => VALUES.map((c) => `${a}.${c}`).join(", ");
  const { rows } = await db.query<{ updated: string; cells: string; inserted: string }>(
    `WITH t AS (
       SELECT * FROM unnest($1::varchar[], $2::varchar[], $3::float8[], $4::float8[], $5::float8[],
                            $6::float8[], $7::float8[])
         AS t(game_id, source, ${VALUES.join(", ")})
     ), updated AS (
       -- o is the row as it was: the cells changed are counted against it.
       UPDATE external_forecasts f SET ${VALUES.map((c) => `${c} = t.${c}`).join(", ")}, loaded_at = now()
         FROM t, external_forecasts o
        WHERE f.game_id = t.game_id AND f.source = t.source AND o.game_id = t.game_id AND o.source = t.source
          AND (${cols("o")}) IS DISTINCT FROM (${cols("t")})
       RETURNING ${VALUES.map((c) => `(o.${c} IS DISTINCT FROM t.${c})::int`).join(" + ")} AS cells
     ), inserted AS (
       INSERT INTO external_forecasts (game_id, source, ${VALUES.join(", ")})
       SELECT * FROM t
        WHERE NOT EXISTS (SELECT 1 FROM external_forecasts f WHERE f.game_id = t.game_id AND f.source = t.source)
       RETURNING 1
     )
     SELECT (SELECT count(*) FROM updated) AS updated, (SELECT coalesce(sum(cells), 0) FROM updated) AS cells,
            (SELECT count(*) FROM inserted) AS inserted`,
    [
      unique.map((f) => f.gameId),
      unique.map((f) => f.source),
      unique.map((f) => f.homeWinProbability),
      unique.map((f) => f.awayWinProbability),
      unique.map((f) => f.overtimeProbability),
      unique.map((f) => f.homeRating),
      unique.map((f) => f.awayRating),
    ],
  );
  const r = rows[0]!;
  return { inserted: Number(r.inserted), updated: Number(r.updated), cells: Number(r.cells) };
}
