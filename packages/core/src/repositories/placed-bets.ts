// placed_bets. bet_id is deterministic (see records/bet-id.ts), so a second placement of the same
// recommendation is a no-op here, whatever the broker did. Every status a bet takes, its first
// included, is kept in bet_status_changes by the same statement that writes it.

import type { BetStatusUpdate, PlacedBetRow } from "@edgeline/sdk";
import { Decimal } from "decimal.js";
import { numeric, type Queryable } from "./queryable.ts";

/** paper: simulated, no money moved; live: an order at the venue, or a bet a person placed. */
export type TradingMode = "paper" | "live";

/** A placed_bets row as the host keeps it: the broker's row and where and how it was executed. */
export interface PlacedBetRecord extends PlacedBetRow {
  tradingMode?: TradingMode;
  /** The venue plugin ("kalshi", "manual"); null for rows written before venues were kept. */
  venue?: string | null;
  recommendationId?: number | null;
  minOdds?: Decimal | null;
  closingOdds?: Decimal | null;
  closingProbability?: Decimal | null;
  clv?: Decimal | null;
  clvConsensus?: Decimal | null;
}

/**
 * Inserts bets in one statement, with each one's first status in its history (`reason`, at
 * `at`); an existing bet_id is left as it is. Returns rows inserted.
 */
export async function insertBets(
  db: Queryable,
  bets: readonly PlacedBetRecord[],
  history: { at?: Date; reasons?: readonly string[] } = {},
): Promise<number> {
  if (bets.length === 0) return 0;
  const result = await db.query(
    `WITH t AS (
       SELECT * FROM unnest($1::varchar[], $2::varchar[], $3::varchar[], $4::varchar[], $5::varchar[],
         $6::numeric[], $7::numeric[], $8::numeric[], $9::varchar[], $10::numeric[], $11::timestamptz[],
         $12::varchar[], $13::timestamptz[], $14::numeric[], $15::varchar[], $16::numeric[],
         $17::varchar[], $18::varchar[], $19::int[], $20::int[], $21::numeric[], $22::numeric[], $23::varchar[])
         AS t(bet_id, game_id, market_id, bookmaker, outcome, stake, odds, potential_payout, status, result,
              placed_time_utc, market_title, market_close_time_utc, opening_odds, market_name, line,
              trading_mode, venue, recommendation_id, contracts, fees, min_odds, reason)
     ), ins AS (
       INSERT INTO placed_bets (bet_id, game_id, market_id, bookmaker, outcome, stake, odds,
         potential_payout, status, result, placed_time_utc, market_title, market_close_time_utc, opening_odds,
         market_name, line, trading_mode, venue, recommendation_id, contracts, fees, min_odds)
       SELECT bet_id, game_id, market_id, bookmaker, outcome, stake, odds, potential_payout, status, result,
              placed_time_utc, market_title, market_close_time_utc, opening_odds, market_name, line,
              trading_mode, venue, recommendation_id, contracts, fees, min_odds FROM t
       ON CONFLICT DO NOTHING
       RETURNING bet_id, status
     ), hist AS (
       INSERT INTO bet_status_changes (bet_id, from_status, to_status, changed_at, reason)
       SELECT ins.bet_id, NULL, coalesce(ins.status, 'pending'), $24::timestamptz, t.reason
         FROM ins JOIN t USING (bet_id)
       RETURNING 1
     )
     SELECT count(*)::int AS n FROM ins`,
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
      bets.map((b) => b.tradingMode ?? "paper"),
      bets.map((b) => b.venue ?? null),
      bets.map((b) => b.recommendationId ?? null),
      bets.map((b) => b.contracts ?? null),
      bets.map((b) => b.fees?.toFixed(2) ?? null),
      bets.map((b) => numeric(b.minOdds ?? null)),
      bets.map((_b, i) => history.reasons?.[i] ?? "placed"),
      (history.at ?? new Date()).toISOString(),
    ],
  );
  return Number(result.rows[0]?.n ?? 0);
}

/** A synced status with the status it was read in: the change applies only if the bet is still in it. */
export interface StatusChange extends BetStatusUpdate {
  from: string;
}

/**
 * Writes synced statuses, results and fills in one statement, each change with its history row
 * (from, to, `at`, why; a fill that shrinks a still-pending bet is a row too). A bet whose status moved since it was read (a person confirmed it
 * meanwhile) is left alone: the next sync sees it. Unchanged rows are not touched. Returns rows changed.
 */
export async function updateBetStatuses(
  db: Queryable,
  updates: readonly StatusChange[],
  at: Date = new Date(),
): Promise<number> {
  if (updates.length === 0) return 0;
  const result = await db.query(
    `WITH t AS (
       SELECT * FROM unnest($1::varchar[], $2::varchar[], $3::numeric[], $4::varchar[], $5::varchar[],
         $6::numeric[], $7::int[], $8::numeric[], $9::numeric[], $11::numeric[])
         AS t(bet_id, status, result, from_status, reason, stake, contracts, fees, potential_payout, odds)
     ), upd AS (
       UPDATE placed_bets b SET status = t.status, result = t.result,
              stake = coalesce(t.stake, b.stake), contracts = coalesce(t.contracts, b.contracts),
              fees = coalesce(t.fees, b.fees), potential_payout = coalesce(t.potential_payout, b.potential_payout),
              odds = coalesce(t.odds, b.odds)
         FROM t
        WHERE b.bet_id = t.bet_id AND coalesce(b.status, 'pending') = t.from_status
          AND (b.status, b.result, b.stake, b.contracts, b.fees, b.potential_payout, b.odds) IS DISTINCT FROM
              (t.status, t.result::numeric(10,2), coalesce(t.stake, b.stake), coalesce(t.contracts, b.contracts),
               coalesce(t.fees, b.fees), coalesce(t.potential_payout, b.potential_payout), coalesce(t.odds, b.odds))
       RETURNING b.bet_id
     ), hist AS (
       INSERT INTO bet_status_changes (bet_id, from_status, to_status, changed_at, reason)
       SELECT t.bet_id, t.from_status, t.status, $10::timestamptz, t.reason
         FROM upd JOIN t USING (bet_id) WHERE t.from_status IS DISTINCT FROM t.status OR t.stake IS NOT NULL
       RETURNING 1
     )
     SELECT count(*)::int AS n FROM upd`,
    [
      updates.map((u) => u.betId),
      updates.map((u) => u.status),
      updates.map((u) => u.result?.toFixed(2) ?? null),
      updates.map((u) => u.from),
      updates.map((u) => u.reason ?? `synced: ${u.status}`),
      updates.map((u) => u.fill?.stake.toFixed(2) ?? null),
      updates.map((u) => u.fill?.contracts ?? null),
      updates.map((u) => u.fill?.fee?.toFixed(2) ?? null),
      updates.map((u) => u.fill?.potentialPayout?.toFixed(2) ?? null),
      at.toISOString(),
      updates.map((u) => u.fill?.odds?.toFixed(4) ?? null),
    ],
  );
  return Number(result.rows[0]?.n ?? 0);
}

const SELECT = `SELECT bet_id, game_id, market_id, bookmaker, outcome, stake::text, odds::text,
  potential_payout::text, status, result::text, placed_time_utc, market_title, market_close_time_utc,
  opening_odds::text, market_name, line::text, trading_mode, venue, recommendation_id, contracts,
  fees::text, min_odds::text, closing_odds::text, closing_probability::text, clv::text, clv_consensus::text
  FROM placed_bets`;

const dec = (v: unknown) => (v === null || v === undefined ? null : new Decimal(v as string));

export function toBetRecord(r: Record<string, unknown>): PlacedBetRecord {
  return {
    betId: r.bet_id as string,
    gameId: r.game_id as string | null,
    marketId: r.market_id as string,
    bookmaker: r.bookmaker as string,
    outcome: r.outcome as string,
    stake: new Decimal(r.stake as string),
    odds: new Decimal(r.odds as string),
    potentialPayout: dec(r.potential_payout),
    status: (r.status as string | null) ?? "pending",
    result: dec(r.result),
    placedTimeUtc: r.placed_time_utc as Date | null,
    marketTitle: r.market_title as string | null,
    marketCloseTimeUtc: r.market_close_time_utc as Date | null,
    openingOdds: dec(r.opening_odds),
    // Only spread and total bets carry these: a moneyline row reads as it always did.
    ...(r.market_name === null ? {} : { marketName: r.market_name as string }),
    ...(r.line === null ? {} : { line: new Decimal(r.line as string) }),
    ...(r.contracts === null ? {} : { contracts: r.contracts as number }),
    ...(r.fees === null ? {} : { fees: new Decimal(r.fees as string) }),
    tradingMode: r.trading_mode as TradingMode,
    venue: r.venue as string | null,
    recommendationId: r.recommendation_id as number | null,
    minOdds: dec(r.min_odds),
    closingOdds: dec(r.closing_odds),
    closingProbability: dec(r.closing_probability),
    clv: dec(r.clv),
    clvConsensus: dec(r.clv_consensus),
  };
}

/** Bets still open (pending, or awaiting a person), optionally of one bookmaker, in bet_id order. */
export async function pendingBets(db: Queryable, bookmaker?: string): Promise<PlacedBetRecord[]> {
  const { rows } = await db.query(
    `${SELECT} WHERE coalesce(status, 'pending') IN ('pending', 'awaiting')
       AND ($1::varchar IS NULL OR bookmaker = $1) ORDER BY bet_id`,
    [bookmaker ?? null],
  );
  return rows.map(toBetRecord);
}

/** Every bet, in bet_id order (portfolio valuation reads them all; the table stays small). */
export async function allBets(db: Queryable): Promise<PlacedBetRecord[]> {
  const { rows } = await db.query(`${SELECT} ORDER BY bet_id`);
  return rows.map(toBetRecord);
}

/** One bet, locked for the rest of the transaction when `lock`; undefined when there is none. */
export async function betById(
  db: Queryable,
  betId: string,
  lock = false,
): Promise<PlacedBetRecord | undefined> {
  const { rows } = await db.query(`${SELECT} WHERE bet_id = $1${lock ? " FOR UPDATE" : ""}`, [betId]);
  return rows[0] ? toBetRecord(rows[0]) : undefined;
}

/** A bet's closing line, as bet sync records it once its game has started. */
export interface ClosingLineRow {
  betId: string;
  closingOdds: Decimal | null;
  closingProbability: Decimal | null;
  clv: Decimal | null;
  clvConsensus: Decimal | null;
  closedAt: Date;
}

/** Committed bets whose game has started by `now` and whose closing line is not recorded yet. */
export async function betsAwaitingClose(
  db: Queryable,
  now: Date,
): Promise<Array<PlacedBetRecord & { sport: string }>> {
  const { rows } = await db.query(
    `SELECT p.*, g.sport FROM (${SELECT}) p JOIN placed_bets b USING (bet_id)
       JOIN unified_games g ON g.game_id = b.game_id
      WHERE b.closed_at IS NULL AND g.commence_time <= $1
        AND coalesce(b.status, 'pending') NOT IN ('awaiting', 'cancelled', 'expired')
      ORDER BY p.bet_id`,
    [now.toISOString()],
  );
  return rows.map((r) => ({ ...toBetRecord(r), sport: r.sport as string }));
}

/** Records closing lines once (a bet already closed keeps its values). Returns rows changed. */
export async function recordClosingLines(db: Queryable, lines: readonly ClosingLineRow[]): Promise<number> {
  if (lines.length === 0) return 0;
  const result = await db.query(
    `UPDATE placed_bets b SET closing_odds = t.closing_odds, closing_probability = t.closing_probability,
            clv = t.clv, clv_consensus = t.clv_consensus, closed_at = t.closed_at
       FROM unnest($1::varchar[], $2::numeric[], $3::numeric[], $4::numeric[], $5::numeric[], $6::timestamptz[])
         AS t(bet_id, closing_odds, closing_probability, clv, clv_consensus, closed_at)
      WHERE b.bet_id = t.bet_id AND b.closed_at IS NULL`,
    [
      lines.map((l) => l.betId),
      lines.map((l) => numeric(l.closingOdds)),
      lines.map((l) => l.closingProbability?.toDecimalPlaces(4).toFixed(4) ?? null),
      lines.map((l) => l.clv?.toDecimalPlaces(4).toFixed(4) ?? null),
      lines.map((l) => l.clvConsensus?.toDecimalPlaces(4).toFixed(4) ?? null),
      lines.map((l) => l.closedAt.toISOString()),
    ],
  );
  return result.rowCount ?? 0;
}
