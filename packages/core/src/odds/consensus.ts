// A market's consensus fair probability: each bookmaker de-vigged on its own, then averaged.
// De-vigging first removes each book's own margin; averaging distributions keeps Σp = 1.
import { type DevigMethod, devig } from "./devig.ts";

export interface BookQuote {
  bookmaker: string;
  /** Decimal odds, one per outcome, in the same outcome order for every book. */
  odds: readonly number[];
}

export interface Consensus {
  /** Mean (or renormalised median) of the books' fair probabilities, per outcome. */
  probabilities: number[];
  /** Books used. */
  books: number;
  /** Each book's fair probabilities, for audit. */
  perBook: Array<{ bookmaker: string; probabilities: number[]; margin: number }>;
}

/** Consensus fair probabilities across bookmakers (at least one), by `method` and `average`. */
export function consensusProbabilities(
  quotes: readonly BookQuote[],
  options: { method?: DevigMethod; average?: "mean" | "median" } = {},
): Consensus {
  if (quotes.length === 0) throw new Error("A consensus needs at least one bookmaker's odds");
  const n = quotes[0]!.odds.length;
  const perBook = quotes.map((q) => {
    if (q.odds.length !== n) {
      throw new Error(
        `Bookmaker "${q.bookmaker}" quotes ${q.odds.length} outcomes, expected ${n} like the first`,
      );
    }
    try {
      const r = devig(q.odds, options.method);
      return { bookmaker: q.bookmaker, probabilities: r.probabilities, margin: r.margin };
    } catch (err) {
      throw new Error(`Bookmaker "${q.bookmaker}": ${(err as Error).message}`);
    }
  });
  const columns = Array.from({ length: n }, (_, i) => perBook.map((b) => b.probabilities[i]!));
  let probabilities: number[];
  if ((options.average ?? "mean") === "mean") {
    probabilities = columns.map((c) => c.reduce((s, x) => s + x, 0) / c.length);
  } else {
    const medians = columns.map(median);
    const total = medians.reduce((s, x) => s + x, 0);
    probabilities = medians.map((m) => m / total);
  }
  return { probabilities, books: quotes.length, perBook };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}
