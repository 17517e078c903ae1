// Results of a run of bets: yield, ROI, maximum drawdown, closing-line value. Money is Decimal.
import { Decimal } from "decimal.js";
import { type DevigMethod, devig } from "../odds/devig.ts";
import { edge } from "../staking/value.ts";

export interface SettledBetResult {
  stake: Decimal;
  /** Net profit: stake × (odds − 1) on a win, −stake on a loss, 0 on a void. */
  result: Decimal;
}

const ZERO = new Decimal(0);

/** Yield: total profit / total staked (turnover). Null with nothing staked. */
export function betYield(bets: readonly SettledBetResult[]): Decimal | null {
  const staked = bets.reduce((s, b) => s.plus(b.stake), ZERO);
  if (staked.isZero()) return null;
  return bets.reduce((s, b) => s.plus(b.result), ZERO).div(staked);
}

/**
 * ROI on bankroll: total profit / starting bankroll (penaltyblog's definition). Peers also call
 * yield "ROI"; Edgeline keeps the two names apart.
 */
export function returnOnBankroll(bets: readonly SettledBetResult[], startingBankroll: Decimal): Decimal {
  if (startingBankroll.lte(0)) throw new Error(`starting bankroll must be > 0, got ${startingBankroll}`);
  return bets.reduce((s, b) => s.plus(b.result), ZERO).div(startingBankroll);
}

export interface Drawdown {
  /** Largest (peak − trough) / peak, 0..1. */
  maxDrawdown: Decimal;
  /** Indices into the equity curve of that peak and trough (−1 when there was no drawdown). */
  peakIndex: number;
  troughIndex: number;
}

/** Maximum drawdown of an equity curve (bankroll after each step, starting value first). */
export function maxDrawdown(equity: readonly Decimal[]): Drawdown {
  let peak = -1;
  let best: Drawdown = { maxDrawdown: ZERO, peakIndex: -1, troughIndex: -1 };
  for (const [i, value] of equity.entries()) {
    if (peak < 0 || value.gt(equity[peak]!)) peak = i;
    const top = equity[peak]!;
    if (top.lte(0)) continue;
    const dd = top.minus(value).div(top);
    if (dd.gt(best.maxDrawdown)) best = { maxDrawdown: dd, peakIndex: peak, troughIndex: i };
  }
  return best;
}

/** The equity curve of a run of settled bets from a starting bankroll (start first). */
export function equityCurve(start: Decimal, bets: readonly SettledBetResult[]): Decimal[] {
  const curve = [start];
  for (const b of bets) curve.push(curve[curve.length - 1]!.plus(b.result));
  return curve;
}

/**
 * Closing-line value of a bet: bet odds / fair closing odds − 1, where the fair closing odds are
 * 1 / (de-vigged closing probability of the outcome backed). 2.40 against a fair close of 2.25 is
 * +6.67%.
 */
export function closingLineValue(
  betOdds: number,
  closingOdds: readonly number[],
  outcomeIndex: number,
  method: DevigMethod = "multiplicative",
): number {
  const fair = devig(closingOdds, method).probabilities[outcomeIndex];
  if (fair === undefined)
    throw new Error(`outcome ${outcomeIndex} is not among the ${closingOdds.length} closing prices`);
  // CLV is the bet's edge against the fair closing probability: the one edge formula, p × odds − 1.
  return edge(fair, betOdds);
}
