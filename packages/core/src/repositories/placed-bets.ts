// placed_bets. bet_id is deterministic (see brokers/bet-id.ts), so a second placement of the same
// recommendation is a no-op here, whatever the broker did.

import type { BetStatusUpdate, PlacedBetRow } from "@edgeline/sdk";
import { Decimal } from "decimal.js";
import { numeric, type Queryable } from "./queryable.ts";

/** Inserts bets in one statement; an existing bet_id is left as it is. Returns rows inserted. */
export async function insertBets(db: Queryable, bets: readonly PlacedBetRow[]): Promise<number> {
  if (bets.length === 0) return 0;
  const result = await db.query(
    `INSERT INTO placed_bets (bet_id, game_id, market_id, bookmaker, outcome, stake, odds,
       potential_payout, status, result, placed_time_utc, market_title, market_close_time_utc, opening_odds,
       market_name, line)
     SELECT * FROM unnest($1::varchar[], $2::varchar[], $3::varchar[], $4::varchar[], $5::varchar[],
       $6::numeric[], $7::numeric[], $8::numeric[], $9::varchar[], $10::numeric[], $11::timestamptz[],
       $12::varchar[], $13::timestamptz[], $14::numeric[], $15::varchar[], $16::numeric[])
     ON CONFLICT (bet_id) DO NOTHING`,
    [
      bets.map((b) => b.betId),
      bets.map((b) => b.gameId),
      bets.map((b) => b.marketId),
      bets.map((b) => b.bookmaker),
      bets.map((b) => b.outcome),
      bets.map((b) => b.stake.toFixed(2)),
      bets.map((b) => numeric(b.odds)),
      bets.map((b) => b.potentialPayout?.toFixed(2) ?? null),
      bets.map((b) => b.status),
      bets.map((b) => b.result?.toFixed(2) ?? null),
      bets.map((b) => b.placedTimeUtc?.toISOString() ?? null),
      bets.map((b) => b.marketTitle),
      bets.map((b) => b.marketCloseTimeUtc?.toISOString() ?? null),
      bets.map((b) => numeric(b.openingOdds)),
      bets.map((b) => b.marketName ?? null),
      bets.map((b) => numeric(b.line ?? null)),
    ],
  );
  return result.rowCount ?? 0;
}

/** Writes synced statuses and results in one statement; unchanged rows are not touched. */
export async function updateBetStatuses(db: Queryable, updates: readonly BetStatusUpdate[]): Promise<number> {
  if (updates.length === 0) return 0;
  const result = await db.query(
    `UPDATE placed_bets b SET status = t.status, result = t.result
       FROM unnest($1::varchar[], $2::varchar[], $3::numeric[]) AS t(bet_id, status, result)
      WHERE b.bet_id = t.bet_id
        AND (b.status, b.result) IS DISTINCT FROM (t.status, t.result::numeric(10,2))`,
    [
      updates.map((u) => u.betId),
      updates.map((u) => u.status),
      updates.map((u) => u.result?.toFixed(2) ?? null),
    ],
  );
  return result.rowCount ?? 0;
}

const SELECT = `SELECT bet_id, game_id, market_id, bookmaker, outcome, stake::text, odds::text,
  potential_payout::text, status, result::text, placed_time_utc, market_title, market_close_time_utc,
  opening_odds::text, market_name, line::text FROM placed_bets`;

const dec = (v: string | null) => (v === null ? null : new Decimal(v));

function toRow(r: Record<string, unknown>): PlacedBetRow {
  return {
    betId: r.bet_id as string,
    gameId: r.game_id as string | null,
    marketId: r.market_id as string,
    bookmaker: r.bookmaker as string,
    outcome: r.outcome as string,
    stake: new Decimal(r.stake as string),
    odds: new Decimal(r.odds as string),
    potentialPayout: dec(r.potential_payout as string | null),
    status: (r.status as string | null) ?? "pending",
    result: dec(r.result as string | null),
    placedTimeUtc: r.placed_time_utc as Date | null,
    marketTitle: r.market_title as string | null,
    marketCloseTimeUtc: r.market_close_time_utc as Date | null,
    openingOdds: dec(r.opening_odds as string | null),
    // Only spread and total bets carry these: a moneyline row reads as it always did.
    ...(r.market_name === null ? {} : { marketName: r.market_name as string }),
    ...(r.line === null ? {} : { line: new Decimal(r.line as string) }),
  };
}

/** Bets still pending, optionally of one bookmaker, in bet_id order. */
export async function pendingBets(db: Queryable, bookmaker?: string): Promise<PlacedBetRow[]> {
  const { rows } = await db.query(
    `${SELECT} WHERE status = 'pending' AND ($1::varchar IS NULL OR bookmaker = $1) ORDER BY bet_id`,
    [bookmaker ?? null],
  );
  return rows.map(toRow);
}

/** Every bet, in bet_id order (portfolio valuation reads them all; the table stays small). */
export async function allBets(db: Queryable): Promise<PlacedBetRow[]> {
  const { rows } = await db.query(`${SELECT} ORDER BY bet_id`);
  return rows.map(toRow);
}
