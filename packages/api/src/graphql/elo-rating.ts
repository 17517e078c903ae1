// EloRating: a row of elo_ratings (a rating in force from validFrom until validTo), with the rows
// before it as its history; `eloRatings` pages through rows, `leaderboard` ranks one day's ratings.
import { ratingInForceWhere } from "@edgeline/core";
import { builder } from "./builder.ts";
import { leaderboardFilter, ratingsFilter } from "./filters.ts";
import { checkLimit, connectionNames, MAX_PAGE_SIZE, pagedRows } from "./pagination.ts";
import type { Prisma } from "./prisma.ts";
import { dayToDate, decimalValue, formatDay } from "./scalars.ts";

export const EloRatingRef = builder.prismaObject("EloRating", {
  description:
    "An entity's Elo rating in force from `validFrom` (inclusive) until `validTo` (exclusive; null = current).",
  fields: (t) => ({
    id: t.exposeID("ratingId"),
    sport: t.exposeString("sport"),
    entityId: t.exposeString("entityId"),
    entityName: t.exposeString("entityName"),
    rating: t.field(decimalValue("rating", 2)),
    validFrom: t.field({ type: "Date", resolve: (r) => r.validFrom }),
    validTo: t.field({ type: "Date", nullable: true, resolve: (r) => r.validTo }),
    gamesPlayed: t.exposeInt("gamesPlayed", {
      nullable: true,
      description: "Games the entity had played before validFrom.",
    }),
  }),
});

builder.prismaObjectField(EloRatingRef, "history", (t) =>
  t.field({
    type: [EloRatingRef],
    description: `The entity's earlier ratings, newest first (at most ${MAX_PAGE_SIZE}).`,
    args: { limit: t.arg.int({ required: false, defaultValue: 10 }) },
    resolve: async (r, args, ctx) => {
      const limit = checkLimit("limit", args.limit ?? 10);
      const key = { sport: r.sport, entityId: r.entityId, before: formatDay(r.validFrom), limit };
      return (await ctx.loaders.history.load(key)) ?? [];
    },
  }),
);

/** Rows in force on `day` (core's one rule). */
function inForceOn(day: string): Prisma.EloRatingWhereInput {
  return ratingInForceWhere(dayToDate(day));
}

function ratingsWhere(args: Parameters<typeof ratingsFilter>[0]) {
  const f = ratingsFilter(args);
  return {
    sport: f.sport,
    ...(f.entityId ? { entityId: f.entityId } : {}),
    ...(f.asOf ? inForceOn(f.asOf) : {}),
  } satisfies Prisma.EloRatingWhereInput;
}

function leaderboardWhere(args: Parameters<typeof leaderboardFilter>[0]): Prisma.EloRatingWhereInput {
  const f = leaderboardFilter(args);
  return { sport: f.sport, ...(f.asOf ? inForceOn(f.asOf) : { validTo: null }) };
}

builder.queryFields((t) => ({
  eloRatings: t.prismaConnection(
    {
      type: "EloRating",
      cursor: "ratingId",
      description:
        "Rating rows of a sport, newest first. With `asOf`, only the rows in force on that day (one per entity); " +
        "with `entityId`, that entity's rows (its full history when `asOf` is absent).",
      args: {
        sport: t.arg.string({ required: true }),
        entityId: t.arg.string({ required: false }),
        asOf: t.arg({ type: "Date", required: false }),
      },
      ...pagedRows((ctx) => ctx.prisma.eloRating, ratingsWhere, [
        { validFrom: "desc" },
        { entityId: "asc" },
        { ratingId: "asc" },
      ]),
    },
    ...connectionNames("EloRating"),
  ),
  leaderboard: t.prismaConnection(
    {
      type: "EloRating",
      cursor: "ratingId",
      description: "One rating per entity, highest first: the current ratings, or those in force on `asOf`.",
      args: { sport: t.arg.string({ required: true }), asOf: t.arg({ type: "Date", required: false }) },
      ...pagedRows((ctx) => ctx.prisma.eloRating, leaderboardWhere, [
        { rating: "desc" },
        { entityId: "asc" },
        { ratingId: "asc" },
      ]),
    },
    ...connectionNames("Leaderboard"),
  ),
}));
