// Portfolio value for portfolio_snapshots: cash, money in open bets, their value marked at the
// current fair price, and realized profit. Money is Decimal, rounded to the cent only at the end.
import { Decimal } from "decimal.js";

export interface OpenPosition {
  /** Cash paid (stake, or Kalshi contracts × price + fee). */
  stake: Decimal;
  /** Gross return if it wins (stake × odds; Kalshi contracts × $1). */
  payout: Decimal;
  /**
   * Current fair probability that it wins (e.g. de-vigged current odds, or the Kalshi mid
   * price); the position is worth payout × this now.
   */
  fairProbability: number;
}

export interface SettledPosition {
  stake: Decimal;
  /** Net profit (placed_bets.result). */
  result: Decimal;
}

export interface PortfolioInput {
  cash: Decimal;
  open: readonly OpenPosition[];
  settled: readonly SettledPosition[];
}

/** The money columns of a portfolio_snapshots row, DECIMAL(10,2). */
export interface PortfolioValuation {
  totalValue: Decimal;
  cashBalance: Decimal;
  investedAmount: Decimal;
  unrealizedPnl: Decimal;
  realizedPnl: Decimal;
}

const cents = (d: Decimal) => d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
const sum = (xs: readonly Decimal[]) => xs.reduce((s, x) => s.plus(x), new Decimal(0));

/** Marked value of an open position: payout × fair probability. */
export function markToFair(position: OpenPosition): Decimal {
  const p = position.fairProbability;
  if (!Number.isFinite(p) || p < 0 || p > 1) throw new Error(`fair probability must be in [0, 1], got ${p}`);
  if (position.stake.isNegative() || position.payout.lt(position.stake)) {
    throw new Error(
      `an open position needs stake ≥ 0 and payout ≥ stake (got ${position.stake}, ${position.payout})`,
    );
  }
  return position.payout.times(new Decimal(p));
}

/**
 * Values a portfolio: invested = Σ open stakes; unrealized = Σ (marked value − stake); realized =
 * Σ settled results; total = cash + invested + unrealized.
 */
export function valuePortfolio(input: PortfolioInput): PortfolioValuation {
  const invested = sum(input.open.map((p) => p.stake));
  const marked = sum(input.open.map(markToFair));
  const unrealized = marked.minus(invested);
  const realized = sum(input.settled.map((s) => s.result));
  return {
    totalValue: cents(input.cash.plus(marked)),
    cashBalance: cents(input.cash),
    investedAmount: cents(invested),
    unrealizedPnl: cents(unrealized),
    realizedPnl: cents(realized),
  };
}

/**
 * Cash from a starting balance and a bet ledger: every stake leaves cash when placed; a settled
 * bet returns stake + result (0 back on a loss, the stake on a void).
 */
export function cashBalance(
  startingCash: Decimal,
  bets: ReadonlyArray<{ stake: Decimal; result: Decimal | null }>,
): Decimal {
  return bets.reduce((cash, b) => {
    const out = cash.minus(b.stake);
    return b.result === null ? out : out.plus(b.stake).plus(b.result);
  }, startingCash);
}
