// Line shopping as a read: the best price of every outcome of a game's markets across the allowed
// venues, net of each venue's fees, from the quotes known now and none older than the maximum age
// (GraphQL `Game.bestPrices`). The same context and shopping rule as every strategy's.
import type { MarketName, VenueRules } from "@edgeline/sdk";
import type { OddsQuote } from "../recommendation/quotes.ts";
import { bestQuotes, marketsOf, outcomesOf } from "../strategies/markets.ts";
import { strategyContext } from "./context.ts";

export interface BestPrice {
  market: MarketName;
  selection: string;
  line: number | null;
  bookmaker: string;
  price: number;
  /** The price net of the venue's fees. */
  netOdds: number;
  quotedAt: Date;
  ageSeconds: number;
}

export function bestPrices(
  game: { gameId: string; commenceTime: Date; odds: readonly OddsQuote[] },
  o: {
    now: Date;
    ways: 2 | 3;
    maxQuoteAgeMinutes?: number;
    bettable?: (bookmaker: string) => boolean;
    venueRules: (bookmaker: string) => VenueRules;
  },
): BestPrice[] {
  const { context } = strategyContext([{ ...game, home: "", away: "", decidedAt: o.now }], {
    sport: "",
    ways: o.ways,
    markets: ["moneyline", "spread", "total"],
    bettable: o.bettable ?? (() => true),
    venueRules: o.venueRules,
    ...(o.maxQuoteAgeMinutes === undefined ? {} : { maxQuoteAgeMinutes: o.maxQuoteAgeMinutes }),
  });
  const out: BestPrice[] = [];
  for (const { key, books } of marketsOf(context.games[0]!.quotes).values()) {
    const best = bestQuotes(books, context);
    for (const selection of outcomesOf(key.market, o.ways)) {
      const b = best.get(selection);
      if (!b) continue;
      const { quote, net } = b;
      out.push({
        market: quote.market,
        selection: quote.selection,
        line: quote.line,
        bookmaker: quote.bookmaker,
        price: quote.price,
        netOdds: net,
        quotedAt: quote.quotedAt,
        ageSeconds: Math.round((o.now.getTime() - quote.quotedAt.getTime()) / 1000),
      });
    }
  }
  return out;
}
