// Recommendation: a value bet the daily pipeline proposed (a bet_recommendations row), and the
// one decision a person makes about it here: reject it.
import { builder } from "./builder.ts";
import { conflict, invalidArgument, notFound } from "./errors.ts";
import { recommendationFilter } from "./filters.ts";
import { connectionNames, pagedRows } from "./pagination.ts";
import type { Prisma } from "./prisma.ts";
import { dateTimeField, dayToDate, decimalField } from "./scalars.ts";
import { requireWriteKey } from "./write-access.ts";

builder.prismaObject("BetRecommendation", {
  name: "Recommendation",
  description: "A value bet proposed by the model.",
  // Select mode in two tiers (see game.ts): what nearly every query reads with every row, the rest
  // (decimals, timestamps, rarely read columns) on demand.
  select: { recommendationId: true, sport: true, gameId: true, side: true, status: true },
  fields: (t) => ({
    id: t.id({ resolve: (r) => r.recommendationId }),
    sport: t.string({ resolve: (r) => r.sport }),
    gameId: t.string({ nullable: true, resolve: (r) => r.gameId }),
    game: t.relation("game", { nullable: true }),
    marketId: t.exposeString("marketId", { nullable: true }),
    type: t.exposeString("recommendationType", {
      nullable: true,
      description: "moneyline, spread or total.",
    }),
    side: t.string({
      nullable: true,
      description: "home, away, draw, over or under.",
      resolve: (r) => r.side,
    }),
    confidence: t.field(decimalField("confidence", 4)),
    edge: t.field(decimalField("edge", 4)),
    recommendedStake: t.field(decimalField("recommendedStake", 2)),
    expectedValue: t.field(decimalField("expectedValue", 2)),
    generatedAt: t.field({ type: "DateTime", select: { generatedAt: true }, resolve: (r) => r.generatedAt }),
    expiresAt: t.field(dateTimeField("expiresAt")),
    status: t.string({
      nullable: true,
      description: "active, executed, expired or rejected.",
      resolve: (r) => r.status,
    }),
  }),
});

function recommendationsWhere(
  args: Parameters<typeof recommendationFilter>[0],
): Prisma.BetRecommendationWhereInput {
  const f = recommendationFilter(args);
  const day = f.date ? dayToDate(f.date) : null;
  // An undefined filter is no filter to Prisma.
  return {
    sport: f.sport,
    status: f.status,
    generatedAt: day ? { gte: day, lt: new Date(day.getTime() + 86_400_000) } : undefined,
  };
}

builder.queryFields((t) => ({
  recommendations: t.prismaConnection(
    {
      type: "BetRecommendation",
      cursor: "recommendationId",
      description: "Recommendations, newest first. `date` is the UTC day they were generated on.",
      args: {
        sport: t.arg.string({ required: false }),
        status: t.arg.string({ required: false, description: "active, executed, expired or rejected." }),
        date: t.arg({ type: "Date", required: false }),
      },
      ...pagedRows((ctx) => ctx.prisma.betRecommendation, recommendationsWhere, [
        { generatedAt: "desc" },
        { recommendationId: "desc" },
      ]),
    },
    ...connectionNames("Recommendation"),
  ),
}));

/** The largest id an INTEGER (int4) column holds. */
const MAX_INT4 = 2_147_483_647;

export function parseIntId(argument: string, id: string | number): number {
  const n = /^\d{1,10}$/.test(String(id)) ? Number(id) : Number.NaN;
  if (!Number.isSafeInteger(n) || n <= 0 || n > MAX_INT4)
    throw invalidArgument(argument, `must be a positive integer id (at most ${MAX_INT4})`);
  return n;
}

builder.mutationFields((t) => ({
  rejectRecommendation: t.prismaField({
    type: "BetRecommendation",
    description: "Marks an active recommendation rejected, so that no bet is placed on it.",
    args: { id: t.arg.id({ required: true }) },
    resolve: async (query, _root, args, ctx) => {
      requireWriteKey(ctx);
      const recommendationId = parseIntId("id", args.id);
      // One conditional update: two concurrent rejections (or a rejection racing the bet placer)
      // cannot both win.
      const { count } = await ctx.prisma.betRecommendation.updateMany({
        where: { recommendationId, status: "active" },
        data: { status: "rejected" },
      });
      if (count === 0) {
        const current = await ctx.prisma.betRecommendation.findUnique({
          where: { recommendationId },
          select: { status: true },
        });
        if (!current) throw notFound("Recommendation", String(args.id));
        throw conflict(
          `Recommendation ${args.id} is ${current.status ?? "not active"}; only active ones can be rejected`,
        );
      }
      return ctx.prisma.betRecommendation.findUniqueOrThrow({ ...query, where: { recommendationId } });
    },
  }),
}));
