// Line shopping and the screener: `Game.bestPrices` (the best price of every outcome across the
// venues, net of their fees, with its age; a quote older than `maxAgeMinutes` is never used) and
// `opportunities(sport, strategy)` (what `edgeline screen` lists: the strategy's bets on the games
// still to start with their stakes, and arbitrage and middle sets with their locked profit).
import {
  type BestPrice as BestPriceValue,
  bestPrices,
  bookFilter,
  type Opportunity as OpportunityValue,
  parseStrategy,
  quoteOf,
  type ScreenResult,
  type ArbitrageSet as SetValue,
  SPORTSBOOK_RULES,
  screen,
} from "@edgeline/core";
import { builder } from "./builder.ts";
import type { GraphQLContext } from "./context.ts";
import { invalidArgument } from "./errors.ts";
import { GameRef } from "./game.ts";

const BestPrice = builder.objectRef<BestPriceValue>("BestPrice").implement({
  description:
    "The best price of one outcome across the venues, net of each venue's fees, and how old its quote is.",
  fields: (t) => ({
    market: t.exposeString("market"),
    selection: t.exposeString("selection", { description: "home, draw, away, over or under." }),
    line: t.exposeFloat("line", { nullable: true }),
    bookmaker: t.exposeString("bookmaker"),
    venue: t.string({
      nullable: true,
      description: "The venue plugin executing the book's prices.",
      resolve: (b, _a, ctx) => ctx.plugins?.venueFor(b.bookmaker)?.plugin.name ?? null,
    }),
    price: t.exposeFloat("price", { description: "Decimal odds as quoted." }),
    netOdds: t.exposeFloat("netOdds", { description: "The price net of the venue's fees." }),
    quotedAt: t.field({ type: "DateTime", resolve: (b) => b.quotedAt }),
    ageSeconds: t.exposeInt("ageSeconds"),
  }),
});

const maxAge = (value: number | null | undefined) => {
  if (value !== null && value !== undefined && !(value > 0))
    throw invalidArgument("maxAgeMinutes", "must be a positive number of minutes");
  return value ?? 60;
};

builder.prismaObjectField(GameRef, "bestPrices", (t) =>
  t.field({
    type: [BestPrice],
    description:
      "Line shopping: the best price of every outcome of the game's markets across the venues now, net of their fees; quotes older than maxAgeMinutes are never used.",
    args: {
      maxAgeMinutes: t.arg.int({ required: false, description: "Default 60." }),
      bookmakers: t.arg.stringList({ required: false, description: "Only these books (case-insensitive)." }),
    },
    select: { commenceTime: true },
    resolve: async (game, args, ctx: GraphQLContext) => {
      if (!game.commenceTime) return [];
      const { at: now, rows } = (await ctx.loaders.quotesNow.load(game.gameId))!;
      const ways = ctx.sports.get(game.sport)?.markets.find((m) => m.type === "moneyline")?.ways ?? 2;
      return bestPrices(
        { gameId: game.gameId, commenceTime: game.commenceTime, odds: rows.flatMap((q) => quoteOf(q) ?? []) },
        {
          now,
          ways,
          maxQuoteAgeMinutes: maxAge(args.maxAgeMinutes),
          ...(args.bookmakers ? { bettable: bookFilter(args.bookmakers) } : {}),
          venueRules: (b) => ctx.plugins?.rulesFor(b) ?? SPORTSBOOK_RULES,
        },
      );
    },
  }),
);

const OpportunityGroup = builder
  .objectRef<NonNullable<OpportunityValue["group"]>>("OpportunityGroup")
  .implement({
    fields: (t) => ({
      id: t.exposeString("id"),
      kind: t.exposeString("kind", { description: "arbitrage or middle." }),
      lockedReturn: t.exposeFloat("lockedReturn", { nullable: true }),
    }),
  });

const Opportunity = builder.objectRef<OpportunityValue>("Opportunity").implement({
  description: "A bet a strategy proposes now, sized as the pipelines and backtests size it.",
  fields: (t) => ({
    gameId: t.exposeString("gameId"),
    game: t.exposeString("game"),
    commenceTime: t.field({ type: "DateTime", resolve: (o) => o.commenceTime }),
    market: t.exposeString("market"),
    selection: t.exposeString("selection"),
    line: t.exposeFloat("line", { nullable: true }),
    bookmaker: t.exposeString("bookmaker"),
    venue: t.exposeString("venue", { nullable: true }),
    price: t.exposeFloat("price"),
    fairPrice: t.exposeFloat("fairPrice"),
    fairProbability: t.exposeFloat("fairProbability"),
    edge: t.exposeFloat("edge"),
    expectedValue: t.field({ type: "Decimal", resolve: (o) => o.expectedValue }),
    stake: t.field({ type: "Decimal", resolve: (o) => o.stake }),
    quotedAt: t.field({ type: "DateTime", resolve: (o) => o.quotedAt }),
    ageSeconds: t.exposeInt("ageSeconds"),
    reason: t.exposeString("reason"),
    group: t.field({ type: OpportunityGroup, nullable: true, resolve: (o) => o.group }),
  }),
});

const OpportunitySet = builder.objectRef<SetValue>("OpportunitySet").implement({
  description: "An arbitrage or a middle: legs staked for equal payouts.",
  fields: (t) => ({
    id: t.exposeString("id"),
    kind: t.exposeString("kind"),
    legs: t.field({ type: [Opportunity], resolve: (s) => s.legs }),
    staked: t.field({ type: "Decimal", resolve: (s) => s.staked }),
    lockedProfit: t.field({
      type: "Decimal",
      description: "The worst case's profit at these stakes (an arbitrage's locked profit).",
      resolve: (s) => s.lockedProfit,
    }),
  }),
});

const Screen = builder.objectRef<ScreenResult>("Screen").implement({
  description: "What `edgeline screen` lists: a strategy's opportunities on a sport's games still to start.",
  fields: (t) => ({
    sport: t.exposeString("sport"),
    strategy: t.exposeString("strategy"),
    at: t.field({ type: "DateTime", resolve: (s) => s.at }),
    games: t.exposeInt("games"),
    opportunities: t.field({ type: [Opportunity], resolve: (s) => s.opportunities }),
    sets: t.field({ type: [OpportunitySet], resolve: (s) => s.sets }),
  }),
});

interface ScreenArgs {
  sport: string;
  strategy?: string | null;
  maxAgeMinutes?: number | null;
}

function screenFor(args: ScreenArgs, ctx: GraphQLContext): Promise<ScreenResult> {
  if (!ctx.plugins) throw invalidArgument("sport", "this server was started without its plugins");
  const name = args.strategy ?? "sharp-reference";
  const catalog = ctx.plugins.strategyCatalog();
  if (!catalog.has(name))
    throw invalidArgument(
      "strategy",
      `unknown strategy "${name}"; strategies: ${[...catalog.keys()].join(", ")}`,
    );
  if (!ctx.plugins.get(args.sport)) throw invalidArgument("sport", `no plugin for sport "${args.sport}"`);
  return screen(ctx.sql as never, ctx.plugins, {
    sport: args.sport,
    strategy: parseStrategy({ name, strategy: name }, "strategy", catalog),
    maxQuoteAgeMinutes: maxAge(args.maxAgeMinutes),
  });
}

/** The screen now, then again every `seconds`, sent each time its bets or sets changed. */
async function* screens(
  args: ScreenArgs,
  seconds: number,
  ctx: GraphQLContext,
): AsyncGenerator<ScreenResult> {
  let last = "";
  for (;;) {
    const result = await screenFor(args, ctx);
    const seen = JSON.stringify([result.opportunities, result.sets], (k, v) =>
      k === "ageSeconds" ? undefined : v,
    );
    if (seen !== last) yield result;
    last = seen;
    // Unref'd: a pending wait never holds a stopping process open.
    await new Promise((r) => setTimeout(r, seconds * 1000).unref());
  }
}

const screenArgs = (t: Parameters<Parameters<typeof builder.queryFields>[0]>[0]) => ({
  sport: t.arg.string({ required: true }),
  strategy: t.arg.string({
    required: false,
    description: 'A loaded strategy\'s name; default "sharp-reference".',
  }),
  maxAgeMinutes: t.arg.int({
    required: false,
    description: "Quotes older than this are never used. Default 60.",
  }),
});

builder.queryFields((t) => ({
  opportunities: t.field({
    type: Screen,
    description:
      "The current opportunities of a loaded strategy (its default parameters) on a sport's games still to start.",
    args: screenArgs(t),
    resolve: (_root, args, ctx) => screenFor(args, ctx),
  }),
}));

builder.subscriptionFields((t) => ({
  opportunitiesUpdated: t.field({
    type: Screen,
    description:
      "The screen of opportunities now, then again each time its bets or sets change (checked every intervalSeconds, default 30).",
    args: {
      ...screenArgs(t as never),
      intervalSeconds: t.arg.int({ required: false }),
    },
    subscribe: (_root, args, ctx) => {
      const seconds = args.intervalSeconds ?? 30;
      if (!(seconds >= 1 && seconds <= 3600)) throw invalidArgument("intervalSeconds", "must be 1 to 3600");
      return screens(args, seconds, ctx);
    },
    resolve: (result) => result as ScreenResult,
  }),
}));
