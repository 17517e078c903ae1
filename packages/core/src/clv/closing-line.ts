// Closing-line value of one bet: its price against its own book's closing price of the same
// outcome (and line), and against the de-vigged closing consensus of the market. The one
// definition live bets (placed_bets.clv, clv_consensus) and backtests (backtest/clv.ts) share.
import type { MarketName } from "@edgeline/sdk";
import {
  type BetSelection,
  consensusWinProbability,
  type LineSelection,
  type MarketConsensus,
  type MoneylineOutcome,
  marketConsensus,
  marketOf,
  type OddsQuote,
} from "../recommendation/quotes.ts";

const ORDER: Record<2 | 3, MoneylineOutcome[]> = { 2: ["home", "away"], 3: ["home", "draw", "away"] };

/** price taken / the same book's closing price − 1. */
export const sameBookClv = (price: number, close: number): number => price / close - 1;

/** p_close × price taken − 1: the edge the market's final word gives the bet. */
export const consensusClv = (closingProbability: number, price: number): number =>
  closingProbability * price - 1;

/** The consensus probability that a bet on `selection` (at `line` for spreads and totals) wins, or undefined. */
export function consensusProbabilityOf(
  c: MarketConsensus,
  bet: { market: MarketName; selection: BetSelection; line: number | null },
  ways: 2 | 3,
): number | undefined {
  if (bet.market === "moneyline") {
    const k = ORDER[ways].indexOf(bet.selection as MoneylineOutcome);
    return k < 0 ? undefined : c.moneyline?.[k];
  }
  if (bet.line === null) return undefined;
  return consensusWinProbability(c, bet.market, bet.selection as LineSelection, bet.line);
}

export interface BetForClosingLine {
  bookmaker: string;
  market: MarketName;
  selection: BetSelection;
  line: number | null;
  /** Gross decimal odds taken. */
  price: number;
}

export interface ClosingLine {
  /** The bet's own book's last price of its outcome before the start (null: none at its line). */
  closingOdds: number | null;
  /** The de-vigged closing consensus probability of the bet's outcome (null: no complete market). */
  closingProbability: number | null;
  clv: number | null;
  clvConsensus: number | null;
}

/** The bet's closing line from the game's closing quotes (one per book, market and outcome). */
export function betClosingLine(
  bet: BetForClosingLine,
  closes: readonly OddsQuote[],
  ways: 2 | 3,
): ClosingLine {
  const own = closes.find(
    (q) =>
      q.bookmaker === bet.bookmaker &&
      marketOf(q) === bet.market &&
      q.outcome === bet.selection &&
      (bet.market === "moneyline" || q.line === bet.line),
  );
  const p = consensusProbabilityOf(marketConsensus(closes, ways), bet, ways);
  return {
    closingOdds: own ? own.price : null,
    closingProbability: p ?? null,
    clv: own ? sameBookClv(bet.price, own.price) : null,
    clvConsensus: p === undefined ? null : consensusClv(p, bet.price),
  };
}
