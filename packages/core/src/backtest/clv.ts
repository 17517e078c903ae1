// Closing-line value of a backtest's bets, two ways: against the same book's closing price of the
// same outcome (did the price we took beat the price the book ended on?) and against the
// de-vigged closing consensus (p_close × our price − 1, the edge the market's final word gives
// the bet). The price history keeps a quote only when the price changed, so a bet taken before
// the close whose quote has no later one held its price to the start: CLV 0, measured (leaving
// those out would average only the prices that moved). A bet taken at the close has no movement
// to measure against its own book, and a line bet whose book moved the line has no price to
// compare: both are counted, not averaged in.
import { consensusClv, consensusProbabilityOf, sameBookClv } from "../clv/closing-line.ts";
import type { BacktestBet } from "./engine.ts";
import { closingInstant, type PreparedHistory } from "./history.ts";

export interface ClvSummary {
  sameBook: {
    /** Bets with a later closing price of their book at their line, or whose price held to the start. */
    measured: number;
    /** Bets struck at their book's last price before the start. */
    atClose: number;
    /** Line bets whose book closed at another line. */
    lineMoved: number;
    /** Mean of price / closing price − 1; null when none is measured. */
    average: number | null;
    /** Share of measured bets whose price beat the close (strictly longer odds). */
    beatShare: number | null;
    note?: string;
  };
  consensus: {
    /** Bets whose market the consensus books quoted in full at the close (at their line). */
    measured: number;
    /** Mean of p_close × price − 1. */
    average: number | null;
    /** Share of measured bets with a positive CLV. */
    positiveShare: number | null;
    note?: string;
  };
}

export const CLV_DEFINITIONS: Readonly<Record<string, string>> = {
  sameBook:
    "price taken / the same book's last price of the outcome before the start − 1 (same line); 0 for a price that held to the start",
  beatShare: "share of those bets whose price was longer than that close",
  consensus: "de-vigged closing consensus probability × price taken − 1",
};

const mean = (xs: readonly number[]) => (xs.length === 0 ? null : xs.reduce((s, x) => s + x, 0) / xs.length);

export function closingLineValues(
  h: PreparedHistory,
  bets: readonly BacktestBet[],
  consensusBooks: (bookmaker: string) => boolean,
): ClvSummary {
  const index = new Map(h.history.games.map((g, i) => [g.gameId, i]));
  const same: number[] = [];
  let beat = 0;
  let atClose = 0;
  let lineMoved = 0;
  const consensus: number[] = [];
  for (const bet of bets) {
    const i = index.get(bet.gameId)!;
    const price = bet.price.toNumber();
    let close: (typeof h.quotesByGame)[number][number] | undefined;
    for (const q of h.quotesByGame[i]!) {
      if (
        q.bookmaker === bet.bookmaker &&
        (q.market ?? "moneyline") === bet.market &&
        q.outcome === bet.selection
      )
        close = q; // oldest first: the last one seen is the close
    }
    const lineMoves = close !== undefined && bet.line !== null && close.line !== bet.line;
    if (close && close.lastUpdate > bet.quotedAt) {
      // Measured on the quote's time, not the decision's: an opening bet may be decided only once
      // the last book's first price is out, yet it took the earlier price.
      if (lineMoves) lineMoved++;
      else {
        same.push(sameBookClv(price, close.price));
        if (price > close.price) beat++;
      }
    } else if (close && bet.decidedAt < closingInstant(h.history.games[i]!)) {
      if (lineMoves) lineMoved++;
      else same.push(0); // no later quote: the price held to the start
    } else atClose++;
    const c = h.closing(i, consensusBooks);
    const p = consensusProbabilityOf(c, bet, h.history.ways);
    if (p !== undefined) consensus.push(consensusClv(p, price));
  }
  const out: ClvSummary = {
    sameBook: {
      measured: same.length,
      atClose,
      lineMoved,
      average: mean(same),
      beatShare: same.length === 0 ? null : beat / same.length,
    },
    consensus: {
      measured: consensus.length,
      average: mean(consensus),
      positiveShare: consensus.length === 0 ? null : consensus.filter((x) => x > 0).length / consensus.length,
    },
  };
  if (same.length === 0 && bets.length > 0) {
    out.sameBook.note =
      atClose === bets.length
        ? "not measurable: every bet was taken at its book's closing price (the data has no earlier prices, or the strategy bets the close)"
        : "not measurable: no bet's book closed at the bet's line";
  }
  if (consensus.length === 0 && bets.length > 0)
    out.consensus.note =
      "not measurable: no closing consensus (no book quoted the whole market at the close)";
  return out;
}
