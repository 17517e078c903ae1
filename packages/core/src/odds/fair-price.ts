// The current fair probability of each outcome of one market, from whatever books quote it now:
// what an open position is marked at (portfolio valuation). Each book is de-vigged on its own and
// the books averaged (consensus.ts); a book is used only when its quotes form a complete,
// over-round market, since de-vigging anything else (a missing outcome, an arbitrage) is not
// removing a margin but inventing one.
import { consensusProbabilities } from "./consensus.ts";
import type { DevigMethod } from "./devig.ts";

/** One book's current decimal odds on one outcome of the market. */
export interface OutcomeQuote {
  bookmaker: string;
  outcome: string;
  odds: number;
}

/**
 * Fair probability per outcome (outcomes as the quotes name them), or an empty map when no book
 * quotes every outcome seen with a booksum of at least 1. A book quoting one outcome twice keeps
 * its longer price (the lower implied probability), so the result does not depend on row order.
 */
export function fairProbabilities(
  quotes: readonly OutcomeQuote[],
  method: DevigMethod = "multiplicative",
): Map<string, number> {
  const outcomes = [...new Set(quotes.map((q) => q.outcome))].sort();
  if (outcomes.length < 2) return new Map();
  const books = new Map<string, Map<string, number>>();
  for (const q of quotes) {
    if (!Number.isFinite(q.odds) || q.odds <= 1) continue;
    const book = books.get(q.bookmaker) ?? new Map<string, number>();
    book.set(q.outcome, Math.max(book.get(q.outcome) ?? 0, q.odds));
    books.set(q.bookmaker, book);
  }
  const complete = [...books.entries()]
    .filter(([, prices]) => outcomes.every((o) => prices.has(o)))
    .map(([bookmaker, prices]) => ({ bookmaker, odds: outcomes.map((o) => prices.get(o)!) }))
    .filter((b) => b.odds.reduce((s, o) => s + 1 / o, 0) >= 1)
    .sort((a, b) => (a.bookmaker < b.bookmaker ? -1 : a.bookmaker > b.bookmaker ? 1 : 0));
  if (complete.length === 0) return new Map();
  const { probabilities } = consensusProbabilities(complete, { method });
  return new Map(outcomes.map((o, i) => [o, probabilities[i]!]));
}
