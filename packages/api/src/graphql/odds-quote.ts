// OddsQuote: one price of the price history (odds_quotes), and `Odds.history`, a market's earlier
// prices: the price at a time T is `history(before: T, last: 1)`, the closing price
// `history(before: <the game's start>, last: 1)` (core's quotesAt / closingQuotes).
import { builder } from "./builder.ts";
import { invalidArgument } from "./errors.ts";
import { checkLimit } from "./pagination.ts";
import { fixed } from "./scalars.ts";

export const OddsQuoteRef = builder.prismaObject("OddsQuote", {
  description:
    "One price of a market as a source quoted it (the price history, append-only: a fetch that finds the price unchanged adds none).",
  fields: (t) => ({
    id: t.id({ resolve: (q) => String(q.quoteId) }),
    source: t.exposeString("source", { description: "The odds source plugin that fetched it." }),
    bookmaker: t.exposeString("bookmaker"),
    market: t.exposeString("marketName", { description: "moneyline, spread or total." }),
    outcome: t.exposeString("outcomeName"),
    line: t.field({ type: "Decimal", nullable: true, resolve: (q) => fixed(q.line, 4) }),
    price: t.field({
      type: "Decimal",
      nullable: true,
      description: "Decimal odds; null only for archive lines published without a price.",
      resolve: (q) => fixed(q.price, 4),
    }),
    quotedAt: t.field({
      type: "DateTime",
      description: "When the venue quoted it.",
      resolve: (q) => q.quotedAt,
    }),
    fetchedAt: t.field({
      type: "DateTime",
      description: "When Edgeline first read it.",
      resolve: (q) => q.fetchedAt,
    }),
    lastSeenAt: t.field({
      type: "DateTime",
      description: "When a fetch last found it still on offer.",
      resolve: (q) => q.lastSeenAt,
    }),
  }),
});

builder.prismaObjectField("GameOdds", "history", (t) =>
  t.field({
    type: [OddsQuoteRef],
    description:
      "This market's prices, newest first: those quoted at or before `before` (default: all), at most `last` (default 20, at most 100).",
    args: {
      before: t.arg({ type: "DateTime", required: false }),
      last: t.arg.int({ required: false, defaultValue: 20 }),
    },
    resolve: async (o, args, ctx) => {
      const last = checkLimit("last", args.last ?? 20);
      if (args.before && Number.isNaN(args.before.getTime()))
        throw invalidArgument("before", "is not a time");
      return (
        (await ctx.loaders.quoteHistory.load({
          oddsId: o.oddsId,
          before: args.before ?? null,
          limit: last,
        })) ?? []
      );
    },
  }),
);
