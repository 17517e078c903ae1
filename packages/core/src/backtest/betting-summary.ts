// What a run of bets did, with each figure defined where it is computed (and printed with its
// definition): bets, turnover, profit, yield, ROI on bankroll, maximum drawdown, the longest losing
// run and a bootstrap 95% interval of the yield. Money is Decimal; the bootstrap, a statistic of
// the bets, is float.
import { seededRandom } from "@edgeline/sdk";
import { Decimal } from "decimal.js";
import { maxDrawdown } from "../evaluation/betting-metrics.ts";

export interface SettledBet {
  stake: Decimal;
  result: Decimal;
}

export interface BettingSummary {
  /** Bets placed (voids included). */
  bets: number;
  /** Total staked. */
  turnover: string;
  /** Total net result: winnings minus losing stakes. */
  profit: string;
  /** Profit / turnover; null without bets. */
  yield: number | null;
  /** The 2.5% and 97.5% percentiles of the yield over bootstrap resamples of the bets; null with fewer than 2. */
  yieldInterval: [number, number] | null;
  /** Profit / starting bankroll. */
  roi: number;
  startingBankroll: string;
  endingBankroll: string;
  /** Largest fall of the end-of-day bankroll from its running peak, as a share of the peak. */
  maxDrawdown: number;
  /** Most consecutive losing bets in settlement order (pushes and voids neither extend nor break a run). */
  longestLosingRun: number;
}

export const BETTING_DEFINITIONS: Readonly<Record<string, string>> = {
  bets: "bets placed, voids included",
  turnover: "total staked",
  profit: "total net result (winnings minus losing stakes)",
  yield: "profit / turnover",
  yieldInterval:
    "2.5% and 97.5% percentiles of the yield over 2,000 bootstrap resamples of the bets (seeded)",
  roi: "ROI on bankroll: profit / starting bankroll",
  maxDrawdown: "largest fall of the end-of-day bankroll from its running peak, as a share of that peak",
  longestLosingRun: "most consecutive losing bets in settlement order (pushes and voids skipped)",
};

/** Percentile interval of the yield over resamples of the bets with replacement; deterministic per seed. */
export function bootstrapYieldInterval(
  bets: readonly SettledBet[],
  options: { resamples?: number; seed?: string } = {},
): [number, number] | null {
  if (bets.length < 2) return null;
  const stakes = Float64Array.from(bets, (b) => b.stake.toNumber());
  const results = Float64Array.from(bets, (b) => b.result.toNumber());
  const random = seededRandom(options.seed ?? "backtest-yield");
  const n = bets.length;
  const yields: number[] = [];
  for (let r = 0; r < (options.resamples ?? 2000); r++) {
    let staked = 0;
    let won = 0;
    for (let k = 0; k < n; k++) {
      const j = Math.floor(random.next() * n);
      staked += stakes[j]!;
      won += results[j]!;
    }
    if (staked > 0) yields.push(won / staked);
  }
  if (yields.length === 0) return null;
  yields.sort((a, b) => a - b);
  const at = (q: number) =>
    yields[Math.min(yields.length - 1, Math.max(0, Math.round(q * (yields.length - 1))))]!;
  return [at(0.025), at(0.975)];
}

/** Most consecutive bets with a negative result; a zero result (push, void) is skipped. */
export function longestLosingRun(bets: readonly SettledBet[]): number {
  let best = 0;
  let run = 0;
  for (const b of bets) {
    if (b.result.isNegative()) best = Math.max(best, ++run);
    else if (b.result.gt(0)) run = 0;
  }
  return best;
}

/**
 * The summary of bets in settlement order, with the end-of-day bankrolls (`equity`, starting
 * bankroll not included) for the drawdown.
 */
export function bettingSummary(
  bets: readonly SettledBet[],
  startingBankroll: Decimal,
  equity: readonly Decimal[],
  seed?: string,
): BettingSummary {
  const turnover = bets.reduce((s, b) => s.plus(b.stake), new Decimal(0));
  const profit = bets.reduce((s, b) => s.plus(b.result), new Decimal(0));
  const ending = startingBankroll.plus(profit);
  return {
    bets: bets.length,
    turnover: turnover.toFixed(2),
    profit: profit.toFixed(2),
    yield: turnover.isZero() ? null : profit.div(turnover).toNumber(),
    yieldInterval: bootstrapYieldInterval(bets, seed === undefined ? {} : { seed }),
    roi: profit.div(startingBankroll).toNumber(),
    startingBankroll: startingBankroll.toFixed(2),
    endingBankroll: ending.toFixed(2),
    maxDrawdown: maxDrawdown([startingBankroll, ...equity]).maxDrawdown.toNumber(),
    longestLosingRun: longestLosingRun(bets),
  };
}
