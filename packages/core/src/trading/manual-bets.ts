// Decisions a person takes on manual bets (books without an API), shared by the CLI (`edgeline
// bets confirm|cancel`) and GraphQL (`recordManualBet`, `cancelManualBet`). Each runs in one
// transaction under the sport's lock, the lock place_bets writes under, so a person and the
// pipeline never both act on one recommendation: a rejected or already executed recommendation is
// refused, a bet is confirmed only while it awaits, and one recommendation has one bet.
import { betId as makeBetId, SPORTSBOOK_RULES } from "@edgeline/sdk";
import type { Decimal } from "decimal.js";
import type pg from "pg";
import { AWAITING, CANCELLED } from "../brokers/bet-status.ts";
import { lockSport } from "../pipeline/step.ts";
import { recordStatusChange } from "../repositories/bet-status-changes.ts";
import { betById, insertBets, type PlacedBetRecord } from "../repositories/placed-bets.ts";
import { withTransaction } from "../repositories/queryable.ts";

/** A decision refused: `kind` says how (the API answers 404, 409 or 400), `field` names the input. */
export class ManualBetError extends Error {
  override name = "ManualBetError";
  constructor(
    readonly kind: "not_found" | "conflict" | "invalid",
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

export interface Obtained {
  /** Decimal odds obtained at the book. */
  odds: Decimal;
  stake: Decimal;
  at: Date;
}

async function lockedBet(client: pg.PoolClient, betId: string): Promise<PlacedBetRecord> {
  const sport = await client.query(
    "SELECT g.sport FROM placed_bets b LEFT JOIN unified_games g ON g.game_id = b.game_id WHERE b.bet_id = $1",
    [betId],
  );
  if (sport.rows.length === 0) throw new ManualBetError("not_found", "betId", `no bet ${betId}`);
  if (sport.rows[0].sport) await lockSport(client, sport.rows[0].sport);
  return (await betById(client, betId, true))!;
}

async function confirmLocked(client: pg.PoolClient, bet: PlacedBetRecord, got: Obtained): Promise<string> {
  if (bet.status !== AWAITING)
    throw new ManualBetError(
      "conflict",
      "betId",
      `bet ${bet.betId} is ${bet.status}; only a bet awaiting confirmation can be confirmed`,
    );
  const payout = SPORTSBOOK_RULES.payout({ stake: got.stake }, got.odds);
  await client.query(
    `UPDATE placed_bets SET odds = $2, stake = $3, potential_payout = $4, status = 'pending', placed_time_utc = $5
      WHERE bet_id = $1`,
    [bet.betId, got.odds.toFixed(4), got.stake.toFixed(2), payout.toFixed(2), got.at.toISOString()],
  );
  const below =
    bet.minOdds && got.odds.lt(bet.minOdds)
      ? ` (below the minimum acceptable ${bet.minOdds.toFixed(4)})`
      : "";
  await recordStatusChange(client, {
    betId: bet.betId,
    fromStatus: AWAITING,
    toStatus: "pending",
    changedAt: got.at,
    reason: `confirmed by hand: ${got.stake.toFixed(2)} at ${got.odds.toFixed(4)}${below}`,
  });
  return bet.betId;
}

/** Confirms what a person obtained for an awaiting bet; it becomes pending. Returns the bet id. */
export async function confirmManualBet(pool: pg.Pool, betId: string, got: Obtained): Promise<string> {
  return withTransaction(pool, async (client) => confirmLocked(client, await lockedBet(client, betId), got));
}

/** Drops an awaiting bet (the person did not place it). */
export async function cancelManualBet(
  pool: pg.Pool,
  betId: string,
  at: Date,
  reason?: string,
): Promise<void> {
  await withTransaction(pool, async (client) => {
    const bet = await lockedBet(client, betId);
    if (bet.status !== AWAITING)
      throw new ManualBetError(
        "conflict",
        "betId",
        `bet ${betId} is ${bet.status}; only a bet awaiting confirmation can be cancelled`,
      );
    await client.query("UPDATE placed_bets SET status = $2 WHERE bet_id = $1", [betId, CANCELLED]);
    await recordStatusChange(client, {
      betId,
      fromStatus: AWAITING,
      toStatus: CANCELLED,
      changedAt: at,
      reason: reason ? `cancelled by hand: ${reason}` : "cancelled by hand",
    });
  });
}

export interface ManualBetForRecommendation extends Obtained {
  recommendationId: number;
  /** When given, must be the recommendation's game. */
  gameId?: string | null;
  bookmaker: string;
  marketId: string;
  outcome: string;
  marketTitle?: string | null;
  /** The book's ticket id for a new bet. */
  betId?: string | null;
}

/**
 * A bet a person placed on a recommendation: confirms the recommendation's awaiting bet if
 * place_bets queued one, else records a new live manual bet and marks the recommendation
 * executed. Refused when the recommendation does not exist, is on another game, or is not active
 * (rejected, expired, suspect, or executed with no bet awaiting). Returns the bet id.
 */
export async function recordManualBetForRecommendation(
  pool: pg.Pool,
  input: ManualBetForRecommendation,
): Promise<string> {
  return withTransaction(pool, async (client) => {
    const id = input.recommendationId;
    const head = await client.query("SELECT sport FROM bet_recommendations WHERE recommendation_id = $1", [
      id,
    ]);
    if (head.rows.length === 0)
      throw new ManualBetError("not_found", "recommendationId", `no recommendation ${id}`);
    await lockSport(client, head.rows[0].sport);
    const { rows } = await client.query(
      `SELECT r.status, r.game_id, g.game_date::text AS game_date, b.bet_id, b.status AS bet_status
         FROM bet_recommendations r LEFT JOIN unified_games g ON g.game_id = r.game_id
         LEFT JOIN placed_bets b ON b.recommendation_id = r.recommendation_id
        WHERE r.recommendation_id = $1 FOR UPDATE OF r`,
      [id],
    );
    const rec = rows[0];
    if (input.gameId && rec.game_id !== input.gameId)
      throw new ManualBetError(
        "invalid",
        "gameId",
        `recommendation ${id} is on game ${rec.game_id}, not ${input.gameId}`,
      );
    if (rec.bet_id && rec.bet_status === AWAITING)
      return confirmLocked(client, (await betById(client, rec.bet_id, true))!, input);
    if (rec.status !== "active")
      throw new ManualBetError(
        "conflict",
        "recommendationId",
        `recommendation ${id} is ${rec.status ?? "not active"}${rec.bet_id ? ` (bet ${rec.bet_id})` : ""}; a bet can be recorded only on an active one`,
      );
    const betId =
      input.betId ??
      makeBetId({
        bookmaker: input.bookmaker,
        gameId: rec.game_id,
        marketId: input.marketId,
        outcome: input.outcome,
        date: rec.game_date ?? input.at.toISOString().slice(0, 10),
      });
    const inserted = await insertBets(
      client,
      [
        {
          betId,
          gameId: rec.game_id,
          marketId: input.marketId,
          bookmaker: input.bookmaker,
          outcome: input.outcome,
          stake: input.stake,
          odds: input.odds,
          potentialPayout: SPORTSBOOK_RULES.payout({ stake: input.stake }, input.odds),
          status: "pending",
          result: null,
          placedTimeUtc: input.at,
          marketTitle: input.marketTitle ?? null,
          marketCloseTimeUtc: null,
          openingOdds: input.odds,
          tradingMode: "live",
          venue: "manual",
          recommendationId: id,
        },
      ],
      { at: input.at, reasons: [`recorded by hand: ${input.stake.toFixed(2)} at ${input.odds.toFixed(4)}`] },
    );
    if (inserted === 0) throw new ManualBetError("conflict", "betId", `Bet ${betId} is already recorded`);
    await client.query(
      "UPDATE bet_recommendations SET status = 'executed' WHERE recommendation_id = $1 AND status = 'active'",
      [id],
    );
    return betId;
  });
}
