// Settling one bet from the final state of its game. `result` is the net profit, as
// placed_bets.result stores it: stake × (odds − 1) on a win, −stake on a loss, 0 on a void.
import type { GameStatus, TieRule } from "@edgeline/sdk";
import { Decimal } from "decimal.js";
import { gradeSpread, gradeTotal, type LineGrade } from "./lines.ts";

export type Side = "home" | "away";

/** What was backed. Lines are from the backed side's point of view (home −3.5 means home must win by 4+). */
export type BetMarket =
  /**
   * 2-way moneyline: a tie (where the sport allows one) settles by the venue's rule (`onTie`,
   * default void, as sportsbooks do). 3-way: the draw is its own outcome.
   */
  | { kind: "moneyline"; ways: 2; selection: Side; onTie?: TieRule }
  | { kind: "moneyline"; ways: 3; selection: Side | "draw" }
  /** Handicap on the backed side; whole lines can push (void); quarter lines split the stake in two. */
  | { kind: "spread"; selection: Side; line: number }
  | { kind: "total"; selection: "over" | "under"; line: number };

export interface GameOutcome {
  status: GameStatus;
  homeScore: number | null;
  awayScore: number | null;
  /** When the game was (or is) due to start. */
  scheduledStart: Date;
}

export interface BetToSettle {
  stake: Decimal;
  /** Decimal odds the bet was struck at. */
  odds: Decimal;
  /**
   * Gross payout on a win, if the venue fixed it (an exchange: contracts × $1). When given, a win
   * returns payout − stake exactly, rather than stake × (odds − 1) from 4-dp odds.
   */
  potentialPayout?: Decimal;
  market: BetMarket;
}

export interface SettlementPolicy {
  /** A postponed or cancelled game voids its bets once this many hours have passed since its scheduled start. */
  voidAfterHours: number;
}

export const DEFAULT_SETTLEMENT_POLICY: Readonly<SettlementPolicy> = { voidAfterHours: 48 };

/** `tied`: a tie paid at a share of the payout (the venue's rule); its result may be either sign. */
export type SettlementStatus = "won" | "lost" | "void" | "half-won" | "half-lost" | "tied" | "pending";

export interface Settlement {
  status: SettlementStatus;
  /** Net profit to the cent (half-up); null while pending. */
  result: Decimal | null;
  reason: string;
}

function grade(market: BetMarket, home: number, away: number): LineGrade {
  const diff = home - away; // home's margin
  switch (market.kind) {
    case "moneyline":
      if (market.ways === 2) return diff === 0 ? 0 : diff > 0 === (market.selection === "home") ? 1 : -1;
      if (market.selection === "draw") return diff === 0 ? 1 : -1;
      return diff !== 0 && diff > 0 === (market.selection === "home") ? 1 : -1;
    case "spread":
      return gradeSpread(market.selection === "home" ? diff : -diff, market.line);
    case "total":
      return gradeTotal(home + away, market.selection, market.line);
  }
}

const STATUS: Record<string, SettlementStatus> = {
  "1": "won",
  "0.5": "half-won",
  "0": "void",
  "-0.5": "half-lost",
  "-1": "lost",
};

/** To the cent, half up; plus(0) turns −0 into 0. */
const cents = (x: Decimal) => x.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).plus(0);

function validate(bet: BetToSettle): void {
  if (!bet.stake.isFinite() || bet.stake.isNegative()) throw new Error(`stake must be ≥ 0, got ${bet.stake}`);
  if (!bet.odds.isFinite() || bet.odds.lte(1))
    throw new Error(`odds must be decimal odds above 1, got ${bet.odds}`);
  if (bet.potentialPayout?.lt(bet.stake)) {
    throw new Error(`potential payout ${bet.potentialPayout} is below the stake ${bet.stake}`);
  }
}

/** Settles a bet: pending until the game is final, or void once a postponement has outlasted the policy's wait. */
export function settleBet(
  bet: BetToSettle,
  game: GameOutcome,
  now: Date,
  policy: SettlementPolicy = DEFAULT_SETTLEMENT_POLICY,
): Settlement {
  validate(bet);
  if (game.status === "Postponed" || game.status === "Cancelled") {
    const waited = (now.getTime() - game.scheduledStart.getTime()) / 3_600_000;
    if (waited >= policy.voidAfterHours) {
      return {
        status: "void",
        result: new Decimal(0),
        reason: `${game.status}, ${policy.voidAfterHours} h passed`,
      };
    }
    return {
      status: "pending",
      result: null,
      reason: `${game.status}; void after ${policy.voidAfterHours} h`,
    };
  }
  if (game.status !== "Final") return { status: "pending", result: null, reason: `game is ${game.status}` };
  if (game.homeScore === null || game.awayScore === null) {
    throw new Error("a final game needs both scores to settle its bets");
  }
  const winProfit = bet.potentialPayout
    ? bet.potentialPayout.minus(bet.stake)
    : bet.stake.times(bet.odds.minus(1));
  const tied = game.homeScore === game.awayScore;
  if (tied && bet.market.kind === "moneyline" && bet.market.ways === 2 && bet.market.onTie) {
    const rule = bet.market.onTie;
    const reason = `final ${game.homeScore}–${game.awayScore}: a tie, ${rule.kind}`;
    if (rule.kind === "lose") return { status: "lost", result: cents(bet.stake.neg()), reason };
    if (rule.kind === "payout-fraction") {
      const payout = winProfit.plus(bet.stake).times(rule.fraction);
      return { status: "tied", result: cents(payout.minus(bet.stake)), reason };
    }
  }
  const g = grade(bet.market, game.homeScore, game.awayScore);
  const result = g > 0 ? winProfit.times(g) : bet.stake.times(g);
  return {
    status: STATUS[String(g)]!,
    result: cents(result),
    reason: `final ${game.homeScore}–${game.awayScore}`,
  };
}
