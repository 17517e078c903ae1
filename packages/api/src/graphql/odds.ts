// Odds: one bookmaker's price for one outcome of one market of a game (a game_odds row).
import { builder } from "./builder.ts";
import { checkPageSize } from "./pagination.ts";
import type { Prisma } from "./prisma.ts";
import { fixed } from "./scalars.ts";

builder.prismaObject("GameOdds", {
  name: "Odds",
  // Select mode: a query loads only the columns its fields need (see game.ts).
  select: { oddsId: true },
  description: "A bookmaker's price for one outcome (and line) of one market of a game.",
  fields: (t) => ({
    id: t.exposeID("oddsId"),
    gameId: t.exposeString("gameId"),
    game: t.relation("game"),
    bookmaker: t.exposeString("bookmaker"),
    market: t.exposeString("marketName", { description: "h2h, spreads, totals, ..." }),
    outcome: t.exposeString("outcomeName", { nullable: true }),
    price: t.field({
      type: "Decimal",
      description: "Decimal odds.",
      select: { price: true },
      resolve: (o) => fixed(o.price, 4)!,
    }),
    line: t.field({
      type: "Decimal",
      nullable: true,
      select: { line: true },
      resolve: (o) => fixed(o.line, 4),
    }),
    lastUpdate: t.field({
      type: "DateTime",
      nullable: true,
      select: { lastUpdate: true },
      resolve: (o) => o.lastUpdate,
    }),
    isPregame: t.exposeBoolean("isPregame", { nullable: true }),
    externalId: t.exposeString("externalId", { nullable: true }),
  }),
});

function oddsWhere(args: { gameId: string | number; bookmaker?: string | null; market?: string | null }) {
  return {
    gameId: String(args.gameId),
    ...(args.bookmaker ? { bookmaker: args.bookmaker } : {}),
    ...(args.market ? { marketName: args.market } : {}),
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
        market: t.arg.string({ required: false, description: "market_name, e.g. h2h." }),
      },
      totalCount: (_p, args, ctx) => ctx.prisma.gameOdds.count({ where: oddsWhere(args) }),
      resolve: (query, _p, args, ctx) => {
        checkPageSize(args);
        return ctx.prisma.gameOdds.findMany({
          ...query,
          where: oddsWhere(args),
          orderBy: [{ lastUpdate: "desc" }, { oddsId: "asc" }],
        });
      },
    },
    { name: "OddsConnection" },
    { name: "OddsEdge" },
  ),
}));
