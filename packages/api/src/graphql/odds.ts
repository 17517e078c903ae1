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

function oddsWhere(args: { gameId: string | number; bookmaker?: string | null; market?: string | null }) {
  const f = oddsFilter(args);
  return {
    gameId: String(args.gameId),
    ...(f.bookmaker ? { bookmaker: f.bookmaker } : {}),
    ...(f.market ? { marketName: f.market } : {}),
  } satisfies Prisma.GameOddsWhereInput;
}

builder.queryFields((t) => ({
  odds: t.prismaConnection(
    {
      type: "GameOdds",
      cursor: "oddsId",
      description: "Prices for one game, newest update first.",
      args: {
        gameId: t.arg.id({ required: true }),
        bookmaker: t.arg.string({ required: false }),
        market: t.arg.string({ required: false, description: "market_name: moneyline, spread or total." }),
      },
      ...pagedRows((ctx) => ctx.prisma.gameOdds, oddsWhere, [{ lastUpdate: "desc" }, { oddsId: "asc" }]),
    },
    ...connectionNames("Odds"),
  ),
}));
