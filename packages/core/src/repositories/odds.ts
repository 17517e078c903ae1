// game_odds: the fetch_markets write path. Odds ids are deterministic (see sources/odds-record.ts),
// so a rerun updates the one row per (book, game, market, outcome) instead of adding one.
import { Decimal } from "decimal.js";
import type { OddsRecord } from "../sources/odds-record.ts";
import { numeric, type Queryable } from "./queryable.ts";

function columns(odds: readonly OddsRecord[]) {
  return [
    odds.map((o) => o.oddsId),
    odds.map((o) => o.gameId),
    odds.map((o) => o.bookmaker),
    odds.map((o) => o.marketName),
    odds.map((o) => o.outcomeName),
    odds.map((o) => numeric(o.price)),
    odds.map((o) => numeric(o.line)),
    odds.map((o) => o.lastUpdate?.toISOString() ?? null),
    odds.map((o) => o.isPregame),
    odds.map((o) => o.externalId),
  ];
}

/**
 * Upserts odds in one `INSERT ... SELECT FROM unnest ... ON CONFLICT` statement; unchanged rows are
 * left alone. Duplicated ids within the batch keep the last one (ON CONFLICT cannot touch a row
 * twice in one statement). Returns rows inserted or changed.
 */
export async function upsertOdds(db: Queryable, odds: readonly OddsRecord[]): Promise<number> {
  if (odds.length === 0) return 0;
  const unique = [...new Map(odds.map((o) => [o.oddsId, o])).values()];
  const result = await db.query(
    `INSERT INTO game_odds AS o (odds_id, game_id, bookmaker, market_name, outcome_name, price, line,
       last_update, is_pregame, external_id)
     SELECT * FROM unnest($1::varchar[], $2::varchar[], $3::varchar[], $4::varchar[], $5::varchar[],
       $6::numeric[], $7::numeric[], $8::timestamptz[], $9::boolean[], $10::varchar[])
     ON CONFLICT (odds_id) DO UPDATE SET
       game_id = excluded.game_id, bookmaker = excluded.bookmaker, market_name = excluded.market_name,
       outcome_name = excluded.outcome_name, price = excluded.price, line = excluded.line,
       last_update = excluded.last_update, is_pregame = excluded.is_pregame,
       external_id = excluded.external_id, loaded_at = now()
     WHERE (o.game_id, o.bookmaker, o.market_name, o.outcome_name, o.price, o.line, o.last_update,
            o.is_pregame, o.external_id)
       IS DISTINCT FROM (excluded.game_id, excluded.bookmaker, excluded.market_name,
            excluded.outcome_name, excluded.price::numeric(10,4), excluded.line::numeric(10,4),
            excluded.last_update, excluded.is_pregame, excluded.external_id)`,
    columns(unique),
  );
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
