// Game: a row of unified_games with its odds, both sides' ratings at game time, the model's
// probabilities, and the recommendations and bets on it.
import { builder } from "./builder.ts";
import { EloRatingRef } from "./elo-rating.ts";
import { Entity } from "./entity.ts";
import { between, gameFilter } from "./filters.ts";
import type { RatingKey } from "./loaders.ts";
import { ODDS_ORDER, oddsFilterArgs, oddsMatching } from "./odds.ts";
import { connectionNames, pagedRows } from "./pagination.ts";
import type { Prisma, UnifiedGame } from "./prisma.ts";
import { dateTimeField, dayToDate, formatDay } from "./scalars.ts";

/** The columns both sides (and the model's probabilities) read; every Game row loads them. */
const sideColumns = {
  sport: true,
  gameDate: true,
  homeTeamId: true,
  homeTeamName: true,
  homeScore: true,
  awayTeamId: true,
  awayTeamName: true,
  awayScore: true,
} as const;

interface Side {
  game: Pick<UnifiedGame, keyof typeof sideColumns>;
  home: boolean;
}

const GameSide = builder.objectRef<Side>("GameSide").implement({
  description: "One side of a game: a team, or a player in individual sports.",
  fields: (t) => ({
    entityId: t.string({
      nullable: true,
      resolve: (s) => (s.home ? s.game.homeTeamId : s.game.awayTeamId),
    }),
    entity: t.field({
      type: Entity,
      nullable: true,
      description: "The team or player; null when the source gave no id.",
      resolve: (s) => {
        const entityId = s.home ? s.game.homeTeamId : s.game.awayTeamId;
        const name = s.home ? s.game.homeTeamName : s.game.awayTeamName;
        return entityId ? { sport: s.game.sport, entityId, name } : null;
      },
    }),
    name: t.string({ nullable: true, resolve: (s) => (s.home ? s.game.homeTeamName : s.game.awayTeamName) }),
    score: t.int({ nullable: true, resolve: (s) => (s.home ? s.game.homeScore : s.game.awayScore) }),
    rating: t.field({
      type: EloRatingRef,
      nullable: true,
      description: "The Elo rating this side took into the game: the row in force on the game day.",
      resolve: async (s, _args, ctx) => {
        const key = ratingKey(s);
        return key ? ((await ctx.loaders.ratingOn.load(key)) ?? null) : null;
      },
    }),
  }),
});

function ratingKey(s: Side): RatingKey | null {
  const entityId = s.home ? s.game.homeTeamId : s.game.awayTeamId;
  return entityId ? { sport: s.game.sport, entityId, day: formatDay(s.game.gameDate) } : null;
}

interface Probabilities {
  home: number;
  away: number;
  draw: number | null;
  homeRating: Prisma.Decimal;
  awayRating: Prisma.Decimal;
}

const ModelProbabilities = builder.objectRef<Probabilities>("ModelProbabilities").implement({
  description: "The Elo model's pre-game probabilities, from both sides' ratings at game time.",
  fields: (t) => ({
    home: t.exposeFloat("home", { description: "Probability that the home (first-named) side wins." }),
    away: t.exposeFloat("away"),
    draw: t.exposeFloat("draw", { nullable: true, description: "Null for sports without draws." }),
    homeRating: t.field({ type: "Decimal", resolve: (p) => p.homeRating.toFixed(2) }),
    awayRating: t.field({ type: "Decimal", resolve: (p) => p.awayRating.toFixed(2) }),
  }),
});

export const GameRef = builder.prismaObject("UnifiedGame", {
  name: "Game",
  description: "A scheduled or played game.",
  // Select mode, in two tiers. The columns nearly every query reads (plain text and integers, and
  // the game day both sides need) are loaded with every row and read by plain resolvers. The rest
  // are loaded only when a field asks (`expose*` or a field's `select`): plugin-prisma runs such a
  // field through its per-row selection bookkeeping, a measurable share of a page's CPU time.
  select: { gameId: true, status: true, ...sideColumns },
  fields: (t) => ({
    id: t.id({
      description: "{SPORT}_{YYYYMMDD}_{AWAY}_{HOME} (e.g. NHL_20240120_LAK_BOS), as unified_games.game_id.",
      resolve: (g) => g.gameId,
    }),
    sport: t.string({ resolve: (g) => g.sport }),
    date: t.field({ type: "Date", description: "League-local game day.", resolve: (g) => g.gameDate }),
    season: t.exposeInt("season", { nullable: true }),
    status: t.string({ nullable: true, resolve: (g) => g.status }),
    commenceTime: t.field(dateTimeField("commenceTime")),
    venue: t.exposeString("venue", { nullable: true }),
    home: t.field({ type: GameSide, resolve: (game) => ({ game, home: true }) }),
    away: t.field({ type: GameSide, resolve: (game) => ({ game, home: false }) }),
    modelProbabilities: t.field({
      type: ModelProbabilities,
      nullable: true,
      description: "Null when a side has no rating on the game day or no plugin provides the sport.",
      resolve: async (game, _args, ctx) => {
        const keys = [ratingKey({ game, home: true }), ratingKey({ game, home: false })];
        const [home, away] = await Promise.all(
          keys.map((k) => (k ? ctx.loaders.ratingOn.load(k) : undefined)),
        );
        if (!home || !away) return null;
        const p = ctx.sports.probabilities(game.sport, home.rating.toNumber(), away.rating.toNumber());
        return p && { ...p, homeRating: home.rating, awayRating: away.rating };
      },
    }),
    odds: t.relation("odds", {
      description: "Prices for this game, newest update first.",
      args: oddsFilterArgs(t.arg),
      query: (args) => ({ where: oddsMatching(args), orderBy: ODDS_ORDER }),
    }),
    recommendations: t.relation("recommendations", {
      query: { orderBy: [{ generatedAt: "desc" }, { recommendationId: "desc" }] },
    }),
    bets: t.relation("placedBets", { query: { orderBy: [{ placedTimeUtc: "desc" }, { betId: "asc" }] } }),
  }),
});

const gameArgs = (t: Parameters<Parameters<typeof builder.queryFields>[0]>[0]) => ({
  sport: t.arg.string({ required: false, description: 'Sport code, e.g. "NHL".' }),
  from: t.arg({ type: "Date", required: false, description: "First game day, inclusive." }),
  to: t.arg({ type: "Date", required: false, description: "Last game day, inclusive." }),
  status: t.arg.string({
    required: false,
    description: "Scheduled, InProgress, Final, Postponed, Cancelled.",
  }),
  team: t.arg.string({ required: false, description: "Entity id of either side." }),
});

function gameWhere(args: Parameters<typeof gameFilter>[0]): Prisma.UnifiedGameWhereInput {
  const f = gameFilter(args);
  // An undefined filter is no filter to Prisma.
  return {
    sport: f.sport,
    status: f.status,
    gameDate: between(f.from && dayToDate(f.from), f.to && dayToDate(f.to), "lte"),
    ...(f.team ? { OR: [{ homeTeamId: f.team }, { awayTeamId: f.team }] } : {}),
  };
}

builder.queryFields((t) => ({
  games: t.prismaConnection(
    {
      type: "UnifiedGame",
      cursor: "gameId",
      description: "Games in date order (then commence time, then id).",
      args: gameArgs(t),
      ...pagedRows((ctx) => ctx.prisma.unifiedGame, gameWhere, [
        { gameDate: "asc" },
        { commenceTime: "asc" },
        { gameId: "asc" },
      ]),
    },
    ...connectionNames("Game"),
  ),
  game: t.prismaField({
    type: "UnifiedGame",
    nullable: true,
    args: { id: t.arg.id({ required: true }) },
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.unifiedGame.findUnique({ ...query, where: { gameId: String(args.id) } }),
  }),
}));
