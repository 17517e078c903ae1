// Quotes as the recommendation rule reads them, which of them were known at a decision, and the
// market's de-vigged consensus they make: each book's complete market de-vigged on its own, then
// averaged (odds/consensus.ts); lines are compared only with the same line.
import type { MarketName } from "@edgeline/sdk";
import { consensusProbabilities } from "../odds/consensus.ts";

export type MoneylineOutcome = "home" | "draw" | "away";
export type LineSelection = "home" | "away" | "over" | "under";
/** What a quote prices: a moneyline outcome, a side of a spread, or over/under a total. */
export type BetSelection = MoneylineOutcome | "over" | "under";

/** One bookmaker's price on one outcome (a quote of the price history, or a game_odds row). */
export interface OddsQuote {
  bookmaker: string;
  /** The quote's odds id (game_odds); becomes bet_recommendations.market_id. */
  marketId?: string;
  /** @defaultValue "moneyline" */
  market?: MarketName;
  outcome: BetSelection;
  /** Spreads: the outcome's own handicap (home −3.5, away +3.5); totals: the points. Null for moneylines. */
  line?: number | null;
  /** Decimal odds as quoted (gross; the venue's fees are applied by its rules). */
  price: number;
  lastUpdate: Date;
  /** The price-history row of this quote, when it came from one. */
  quoteId?: string;
}

export const marketOf = (q: OddsQuote): MarketName => q.market ?? "moneyline";

/**
 * A quote stamped exactly at the game's start (an archive's closing line, which the importers
 * date so) as the last price before it: a millisecond earlier. Any other quote is as it is. The
 * one rule live trading and backtests share for archive closes.
 */
export function archiveClose<Q extends OddsQuote>(q: Q, commenceTime: Date): Q {
  return q.lastUpdate.getTime() === commenceTime.getTime()
    ? { ...q, lastUpdate: new Date(commenceTime.getTime() - 1) }
    : q;
}

/**
 * The latest quote of each (book, market, outcome) known at `at` and before the game's start; two
 * at the same instant keep the lower price (never overstate an edge). Throws on a price that is
 * not decimal odds, naming the game and book.
 */
export function knownQuotes(
  gameId: string,
  quotes: readonly OddsQuote[],
  at: Date,
  commenceTime: Date,
  markets: readonly MarketName[],
): OddsQuote[] {
  const latest = new Map<string, OddsQuote>();
  for (const q of quotes) {
    const market = marketOf(q);
    if (!markets.includes(market)) continue;
    if (q.lastUpdate >= commenceTime || q.lastUpdate > at) continue; // not yet known
    if (!Number.isFinite(q.price) || q.price <= 1)
      throw new Error(`game ${gameId}: ${q.bookmaker} price ${q.price} is not decimal odds`);
    if (market !== "moneyline" && (q.line === null || q.line === undefined || !Number.isFinite(q.line)))
      continue; // a line quote without its line cannot be priced
    const key = `${q.bookmaker}\u0000${market}\u0000${q.outcome}`;
    const seen = latest.get(key);
    const newer = !seen || q.lastUpdate > seen.lastUpdate;
    if (newer || (q.lastUpdate.getTime() === seen.lastUpdate.getTime() && q.price < seen.price))
      latest.set(key, q);
  }
  return [...latest.values()];
}

/** The de-vigged consensus of one game's markets at a decision. */
export interface MarketConsensus {
  /** Moneyline, in the order home, [draw,] away; absent when no book quotes the whole market. */
  moneyline?: number[];
  /** P(home covers) by the home side's line. */
  spread: Map<number, number>;
  /** P(over) by total line. */
  total: Map<number, number>;
  /** The median of the books' total lines (one per book and side), where any book quotes a total. */
  marketTotal?: number;
}

const by = (a: { bookmaker: string }, b: { bookmaker: string }) =>
  a.bookmaker < b.bookmaker ? -1 : a.bookmaker > b.bookmaker ? 1 : 0;

/** Each book with a complete, over-round market, de-vigged, then averaged; undefined when none. */
function consensusOf(books: Array<{ bookmaker: string; odds: number[] }>): number[] | undefined {
  const usable = books.filter((b) => b.odds.reduce((s, o) => s + 1 / o, 0) >= 1).sort(by);
  return usable.length === 0 ? undefined : consensusProbabilities(usable).probabilities;
}

/**
 * The consensus of the quotes known at a decision (one per book, market and outcome, as
 * {@link knownQuotes} gives them). A book counts in a market only when it quotes every outcome
 * (both sides of a line at the same line) with a booksum of at least 1: de-vigging anything else
 * would invent a margin, not remove one.
 */
export function marketConsensus(quotes: readonly OddsQuote[], ways: 2 | 3): MarketConsensus {
  const moneylineOrder: MoneylineOutcome[] = ways === 3 ? ["home", "draw", "away"] : ["home", "away"];
  const books = new Map<string, Map<string, OddsQuote>>();
  for (const q of quotes) {
    const book = books.get(q.bookmaker) ?? new Map<string, OddsQuote>();
    book.set(`${marketOf(q)}:${q.outcome}`, q);
    books.set(q.bookmaker, book);
  }
  const moneyline: Array<{ bookmaker: string; odds: number[] }> = [];
  const spreads = new Map<number, Array<{ bookmaker: string; odds: number[] }>>();
  const totals = new Map<number, Array<{ bookmaker: string; odds: number[] }>>();
  const totalLines: number[] = [];
  for (const [bookmaker, book] of books) {
    const ml = moneylineOrder.map((o) => book.get(`moneyline:${o}`));
    if (ml.every((q) => q !== undefined)) moneyline.push({ bookmaker, odds: ml.map((q) => q!.price) });
    const home = book.get("spread:home");
    const away = book.get("spread:away");
    if (home && away && home.line === -away.line!) {
      const list = spreads.get(home.line!) ?? [];
      list.push({ bookmaker, odds: [home.price, away.price] });
      spreads.set(home.line!, list);
    }
    const over = book.get("total:over");
    const under = book.get("total:under");
    for (const q of [over, under]) if (q) totalLines.push(q.line!);
    if (over && under && over.line === under.line) {
      const list = totals.get(over.line!) ?? [];
      list.push({ bookmaker, odds: [over.price, under.price] });
      totals.set(over.line!, list);
    }
  }
  const out: MarketConsensus = { spread: new Map(), total: new Map() };
  const ml = consensusOf(moneyline);
  if (ml) out.moneyline = ml;
  for (const [line, list] of spreads) {
    const c = consensusOf(list);
    if (c) out.spread.set(line, c[0]!);
  }
  for (const [line, list] of totals) {
    const c = consensusOf(list);
    if (c) out.total.set(line, c[0]!);
  }
  if (totalLines.length > 0) {
    // The median: one book far off the others (the bet a total is about) does not move it.
    const sorted = totalLines.sort((a, b) => a - b);
    const mid = sorted.length >> 1;
    out.marketTotal = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  }
  return out;
}

/**
 * The market's de-vigged probability that a line bet on `selection` at `line` wins its stake at
 * risk, or undefined when no book quotes that line in full.
 */
export function consensusWinProbability(
  c: MarketConsensus,
  market: "spread" | "total",
  selection: LineSelection,
  line: number,
): number | undefined {
  if (market === "spread") {
    const homeLine = selection === "home" ? line : -line;
    const p = c.spread.get(homeLine); // a Map keys −0 and 0 alike
    return p === undefined ? undefined : selection === "home" ? p : 1 - p;
  }
  const p = c.total.get(line);
  return p === undefined ? undefined : selection === "over" ? p : 1 - p;
}
