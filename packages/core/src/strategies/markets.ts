// What the bundled strategies read off a game's quotes: its markets (the moneyline, each spread
// and total line), each book's complete quote of a market, and the best price of every outcome
// across the venues a run allows (line shopping). Written against the public strategy contract
// only, as a third party's strategy would be.
import type { StrategyContext, StrategyQuote, StrategySelection } from "@edgeline/sdk";

/** One market of one game: the moneyline, or a spread or total at one line (the home side's / the points). */
export interface MarketKey {
  market: StrategyQuote["market"];
  /** Spreads: the home side's handicap; totals: the points; null for the moneyline. */
  line: number | null;
}

const MONEYLINE: Record<2 | 3, StrategySelection[]> = { 2: ["home", "away"], 3: ["home", "draw", "away"] };

/** The outcomes of a market, in the order de-vigging and arbitrage sets use. */
export function outcomesOf(market: StrategyQuote["market"], ways: 2 | 3): StrategySelection[] {
  if (market === "moneyline") return MONEYLINE[ways];
  return market === "spread" ? ["home", "away"] : ["over", "under"];
}

/** The market key of a quote: an away spread quote at +1.5 is the home −1.5 market. */
export function marketKeyOf(q: StrategyQuote): MarketKey {
  if (q.market === "moneyline") return { market: "moneyline", line: null };
  if (q.market === "spread")
    return { market: "spread", line: q.selection === "away" ? -q.line! + 0 : q.line! };
  return { market: "total", line: q.line! };
}

/** The line a selection is quoted at in a market: the away side of a spread carries the opposite handicap. */
export function lineOf(key: MarketKey, selection: StrategySelection): number | null {
  if (key.line === null) return null;
  return key.market === "spread" && selection === "away" ? -key.line + 0 : key.line;
}

/** One book's quotes of one market, by selection. */
export type BookQuotes = ReadonlyMap<StrategySelection, StrategyQuote>;

export const keyText = (k: MarketKey) => `${k.market}:${k.line ?? ""}`;

/** The game's quotes grouped by market, then by book, then by selection (line quotes without a line are dropped). */
export function marketsOf(
  quotes: readonly StrategyQuote[],
): Map<string, { key: MarketKey; books: Map<string, Map<StrategySelection, StrategyQuote>> }> {
  const out = new Map<
    string,
    { key: MarketKey; books: Map<string, Map<StrategySelection, StrategyQuote>> }
  >();
  for (const q of quotes) {
    if (q.market !== "moneyline" && (q.line === null || !Number.isFinite(q.line))) continue;
    const key = marketKeyOf(q);
    const text = keyText(key);
    const entry = out.get(text) ?? { key, books: new Map() };
    const book = entry.books.get(q.bookmaker) ?? new Map<StrategySelection, StrategyQuote>();
    book.set(q.selection, q);
    entry.books.set(q.bookmaker, book);
    out.set(text, entry);
  }
  return out;
}

/** A book's complete quote of a market (every outcome), in outcome order, or undefined. */
export function completeQuote(
  book: ReadonlyMap<StrategySelection, StrategyQuote>,
  outcomes: readonly StrategySelection[],
): StrategyQuote[] | undefined {
  const qs = outcomes.map((o) => book.get(o));
  return qs.every((q) => q !== undefined) ? (qs as StrategyQuote[]) : undefined;
}

/** The best quote of one outcome across the allowed venues: the highest odds net of each venue's fees. */
export interface BestQuote {
  quote: StrategyQuote;
  /** Odds net of the venue's fees. */
  net: number;
}

/**
 * Line shopping: per selection of a market, the allowed venue whose price nets the most after its
 * fees (ties: the longer gross price, then the book's name).
 */
export function bestQuotes(
  books: ReadonlyMap<string, ReadonlyMap<StrategySelection, StrategyQuote>>,
  ctx: Pick<StrategyContext, "bettable" | "rules">,
  exclude: (bookmaker: string) => boolean = () => false,
): Map<StrategySelection, BestQuote> {
  const best = new Map<StrategySelection, BestQuote>();
  for (const [bookmaker, book] of books) {
    if (!ctx.bettable(bookmaker) || exclude(bookmaker)) continue;
    for (const [selection, quote] of book) {
      const net = ctx.rules(bookmaker).netOdds(quote.price);
      if (!(net > 1)) continue;
      const seen = best.get(selection);
      if (
        !seen ||
        net > seen.net ||
        (net === seen.net &&
          (quote.price > seen.quote.price ||
            (quote.price === seen.quote.price && bookmaker < seen.quote.bookmaker)))
      )
        best.set(selection, { quote, net });
    }
  }
  return best;
}

/**
 * Sources that are no book one can bet at: football-data's market maximum and average columns
 * (by the importer's key and by the name `edgeline import` stores them under).
 */
export const NOT_VENUES: readonly string[] = ["market-max", "market-avg", "Market maximum", "Market average"];

/** A lower-case book-name set, or everything when absent. */
export function bookSet(names: readonly string[] | undefined): (bookmaker: string) => boolean {
  if (!names) return () => true;
  const set = new Set(names.map((n) => n.toLowerCase()));
  return (b) => set.has(b.toLowerCase());
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
export const describePrice = (q: StrategyQuote) =>
  `${q.bookmaker} ${q.price.toFixed(2)}${q.line === null ? "" : ` at ${q.line > 0 ? "+" : ""}${q.line}`}`;
export { pct };
