// Odds: one bookmaker's price for one outcome of one market of a game (a game_odds row).
import { builder } from "./builder.ts";
import { oddsFilter } from "./filters.ts";
import { connectionNames, pagedRows } from "./pagination.ts";
import type { Prisma } from "./prisma.ts";
import { dateTimeField, decimalField, decimalValue } from "./scalars.ts";

builder.prismaObject("GameOdds", {
  name: "Odds",
  // Select mode in two tiers (see game.ts): what nearly every query reads with every row (the
  // price too: it is what odds are read for), the rest (line, timestamps, rarely read columns) on
  // demand.
  select: { oddsId: true, gameId: true, bookmaker: true, marketName: true, outcomeName: true, price: true },
  description: "A bookmaker's price for one outcome (and line) of one market of a game.",
  fields: (t) => ({
    id: t.id({ resolve: (o) => o.oddsId }),
    gameId: t.string({ resolve: (o) => o.gameId }),
    game: t.relation("game"),
    bookmaker: t.string({ resolve: (o) => o.bookmaker }),
    market: t.string({ description: "moneyline, spread or total.", resolve: (o) => o.marketName }),
    outcome: t.string({ nullable: true, resolve: (o) => o.outcomeName }),
    price: t.field(decimalValue("price", 4, "Decimal odds.")),
    line: t.field(decimalField("line", 4)),
    lastUpdate: t.field(dateTimeField("lastUpdate")),
    isPregame: t.exposeBoolean("isPregame", { nullable: true }),
    externalId: t.exposeString("externalId", { nullable: true }),
  }),
});

type ArgBuilder = Parameters<Parameters<typeof builder.queryFields>[0]>[0]["arg"];

/** The odds filter's arguments, of `Query.odds` and `Game.odds` alike. */
export const oddsFilterArgs = (arg: ArgBuilder) => ({
  bookmaker: arg.string({ required: false }),
  market: arg.string({ required: false, description: "market_name: moneyline, spread or total." }),
});

/** The odds a filter keeps; an undefined filter is no filter to Prisma. */
export function oddsMatching(args: { bookmaker?: string | null; market?: string | null }) {
  const f = oddsFilter(args);
  return { bookmaker: f.bookmaker, marketName: f.market } satisfies Prisma.GameOddsWhereInput;
}

/** Both odds lists' order: newest update first. */
export const ODDS_ORDER: Prisma.GameOddsOrderByWithRelationInput[] = [
  { lastUpdate: "desc" },
  { oddsId: "asc" },
];

function oddsWhere(args: { gameId: string | number; bookmaker?: string | null; market?: string | null }) {
  return { gameId: String(args.gameId), ...oddsMatching(args) };
}

builder.queryFields((t) => ({
  odds: t.prismaConnection(
    {
      type: "GameOdds",
      cursor: "oddsId",
      description: "Prices for one game, newest update first.",
      args: { gameId: t.arg.id({ required: true }), ...oddsFilterArgs(t.arg) },
      ...pagedRows((ctx) => ctx.prisma.gameOdds, oddsWhere, ODDS_ORDER),
    },
    ...connectionNames("Odds"),
  ),
}));
