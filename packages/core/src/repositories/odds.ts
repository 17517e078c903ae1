// game_odds: the fetch_markets write path. Odds ids are deterministic (see sources/odds-record.ts),
// so a rerun updates the one row per (book, game, market, outcome) instead of adding one.
import { pipeline } from "node:stream/promises";
import type { OddsRecord } from "@edgeline/sdk";
import { Decimal } from "decimal.js";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { numeric, type Queryable, withTransaction } from "./queryable.ts";

const COLUMNS =
  "odds_id, game_id, bookmaker, market_name, outcome_name, price, line, last_update, is_pregame, external_id";
/** The compared columns, as a row, of game_odds alias `a` (loaded_at is bookkeeping, not data). */
const DATA = (a: string) =>
  `(${a}.game_id, ${a}.bookmaker, ${a}.market_name, ${a}.outcome_name, ${a}.price, ${a}.line,
    ${a}.last_update, ${a}.is_pregame, ${a}.external_id)`;

const NEEDS_ESCAPE = /[\\\t\n\r]/;

/**
 * One COPY text-format field. Text COPY is only binary-safe with its escapes: a backslash, tab,
 * newline or carriage return inside a value would otherwise end the field or the row, or turn
 * into an escape (a literal `\\N` would read as NULL).
 */
export function copyField(value: string | null): string {
  if (value === null) return "\\N";
  if (!NEEDS_ESCAPE.test(value)) return value; // the common case, without building a new string
  return value.replace(/[\\\t\n\r]/g, (c) =>
    c === "\\" ? "\\\\" : c === "\t" ? "\\t" : c === "\n" ? "\\n" : "\\r",
  );
}

/**
 * A function writing game_odds rows as COPY text lines, in COLUMNS order. It remembers the ISO
 * text of each timestamp: a fetch stamps all its rows with one observation time, and
 * `toISOString` was the costliest part of encoding a row.
 */
export function oddsCopyEncoder(): (o: OddsRecord) => string {
  const iso = new Map<number, string>();
  const time = (d: Date | null) => {
    if (d === null) return null;
    let text = iso.get(d.getTime());
    if (text === undefined) {
      text = d.toISOString();
      iso.set(d.getTime(), text);
    }
    return text;
  };
  return (o) =>
    `${[
      copyField(o.oddsId),
      copyField(o.gameId),
      copyField(o.bookmaker),
      copyField(o.marketName),
      copyField(o.outcomeName),
      copyField(numeric(o.price)),
      copyField(numeric(o.line)),
      copyField(time(o.lastUpdate)),
      o.isPregame ? "t" : "f",
      copyField(o.externalId),
    ].join("\t")}\n`;
}

/** Lines per COPY chunk: large enough that per-write overhead vanishes, small enough to stream. */
const COPY_CHUNK_ROWS = 5000;

/**
 * Upserts odds. The rows are COPYed into a temporary table shaped like game_odds (so prices round
 * to DECIMAL(10,4) on the way in, exactly as they would in game_odds), then one
 * `INSERT ... SELECT ... ON CONFLICT DO UPDATE` writes the ones that differ from the stored row:
 * unchanged rows are skipped before the write (no row lock, no dead tuple, `loaded_at` kept),
 * and the `WHERE ... IS DISTINCT FROM` on the update guards the same under concurrency. COPY
 * parses rows several times faster than `unnest` of text arrays; see bench/ingest.ts for figures.
 * Duplicated ids within the batch keep the last one (ON CONFLICT cannot touch a row twice in one
 * statement). `db` is a pool (a transaction of its own is opened) or the client of an open
 * transaction (the temporary table lives until its commit). Returns rows inserted or changed.
 */
export async function upsertOdds(db: pg.Pool | pg.PoolClient, odds: readonly OddsRecord[]): Promise<number> {
  if (odds.length === 0) return 0;
  if (!("release" in db)) return withTransaction(db, (client) => upsertOdds(client, odds));
  const unique = [...new Map(odds.map((o) => [o.oddsId, o])).values()];
  await db.query("CREATE TEMP TABLE game_odds_incoming (LIKE game_odds INCLUDING DEFAULTS) ON COMMIT DROP");
  const copy = db.query(copyFrom(`COPY game_odds_incoming (${COLUMNS}) FROM STDIN`));
  const line = oddsCopyEncoder();
  await pipeline(function* () {
    for (let i = 0; i < unique.length; i += COPY_CHUNK_ROWS) {
      yield unique
        .slice(i, i + COPY_CHUNK_ROWS)
        .map(line)
        .join("");
    }
  }, copy);
  const result = await db.query(
    `INSERT INTO game_odds AS o (${COLUMNS})
     SELECT ${COLUMNS} FROM game_odds_incoming t
      WHERE NOT EXISTS (SELECT 1 FROM game_odds s
                         WHERE s.odds_id = t.odds_id AND ${DATA("s")} IS NOT DISTINCT FROM ${DATA("t")})
     ON CONFLICT (odds_id) DO UPDATE SET
       game_id = excluded.game_id, bookmaker = excluded.bookmaker, market_name = excluded.market_name,
       outcome_name = excluded.outcome_name, price = excluded.price, line = excluded.line,
       last_update = excluded.last_update, is_pregame = excluded.is_pregame,
       external_id = excluded.external_id, loaded_at = now()
     WHERE ${DATA("o")} IS DISTINCT FROM ${DATA("excluded")}`,
  );
  // Dropped now rather than at commit, so a second upsert in the same transaction can create it.
  await db.query("DROP TABLE game_odds_incoming");
  return result.rowCount ?? 0;
}

/** A game_odds row as the recommendation step reads it. */
export interface OddsRow {
  oddsId: string;
  gameId: string;
  bookmaker: string;
  marketName: string;
  outcomeName: string | null;
  price: Decimal;
  line: Decimal | null;
  lastUpdate: Date | null;
  externalId: string | null;
}

/**
 * The odds rows of the given games, ordered by id: pre-game rows only (what a recommendation may
 * use), or with `inPlay` every row, each a book's latest quote (what a position is marked at).
 */
export async function oddsForGames(
  db: Queryable,
  gameIds: readonly string[],
  options: { inPlay?: boolean } = {},
): Promise<OddsRow[]> {
  if (gameIds.length === 0) return [];
  const { rows } = await db.query(
    `SELECT odds_id, game_id, bookmaker, market_name, outcome_name, price::text, line::text, last_update, external_id
       FROM game_odds WHERE game_id = ANY($1::varchar[]) AND ($2 OR is_pregame IS NOT FALSE) ORDER BY odds_id`,
    [gameIds, options.inPlay ?? false],
  );
  return rows.map((r) => ({
    oddsId: r.odds_id,
    gameId: r.game_id,
    bookmaker: r.bookmaker,
    marketName: r.market_name,
    outcomeName: r.outcome_name,
    price: new Decimal(r.price),
    line: r.line === null ? null : new Decimal(r.line),
    lastUpdate: r.last_update,
    externalId: r.external_id,
  }));
}
