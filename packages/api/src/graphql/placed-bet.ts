// PlacedBet: a bet on any venue (a placed_bets row). Bets are paged with `placedBets`, synced by
// the hourly job (`syncBets` queues it now), recorded by hand for venues without an API
// (`recordManualBet`), and streamed as they change (`betUpdated`).
import { randomUUID } from "node:crypto";
import { cancelManualBet, recordManualBetForRecommendation } from "@edgeline/core";
import { Decimal } from "decimal.js";
import { pipe } from "graphql-yoga";
import { builder } from "./builder.ts";
import { conflict, invalidArgument } from "./errors.ts";
import { betFilter, between } from "./filters.ts";
import { manualDecision, parseBetId, parseManualBet, parseReason, potentialPayout } from "./manual-bet.ts";
import { connectionNames, pagedRows } from "./pagination.ts";
import type { Prisma } from "./prisma.ts";
import { QueuedWorkRef, queueing } from "./queued-work.ts";
import { dateTimeField, decimalField, fixed } from "./scalars.ts";
import { requireWriteKey } from "./write-access.ts";

builder.prismaObject("PlacedBet", {
  description: "A bet placed on a venue (Kalshi, BetMGM, ...).",
  // Select mode in two tiers (see game.ts): what nearly every query reads with every row, the rest
  // (decimals, timestamps, rarely read columns) on demand.
  select: { betId: true, gameId: true, marketId: true, bookmaker: true, outcome: true, status: true },
  fields: (t) => ({
    id: t.id({ resolve: (b) => b.betId }),
    gameId: t.string({ nullable: true, resolve: (b) => b.gameId }),
    game: t.relation("game", { nullable: true }),
    marketId: t.string({ resolve: (b) => b.marketId }),
    marketTitle: t.exposeString("marketTitle", { nullable: true }),
    bookmaker: t.string({ resolve: (b) => b.bookmaker }),
    outcome: t.string({ resolve: (b) => b.outcome }),
    stake: t.field({ type: "Decimal", select: { stake: true }, resolve: (b) => fixed(b.stake, 2)! }),
    odds: t.field({
      type: "Decimal",
      select: { odds: true },
      description: "Decimal odds at placement.",
      resolve: (b) => fixed(b.odds, 4)!,
    }),
    openingOdds: t.field(decimalField("openingOdds", 4)),
    potentialPayout: t.field(decimalField("potentialPayout", 2)),
    status: t.string({
      nullable: true,
      description:
        "pending, win, loss or void; awaiting (a book bet for a person to place), cancelled or expired (never placed).",
      resolve: (b) => b.status,
    }),
    result: t.field(
      decimalField("result", 2, "Profit or loss once settled: positive for a win, negative for a loss."),
    ),
    placedAt: t.field(dateTimeField("placedTimeUtc")),
    marketCloseTime: t.field(dateTimeField("marketCloseTimeUtc")),
    createdAt: t.field(dateTimeField("createdAt")),
    tradingMode: t.exposeString("tradingMode", {
      description:
        "paper (simulated: no money moved) or live (an order at the venue, or a bet placed by a person).",
    }),
    venue: t.exposeString("venue", {
      nullable: true,
      description: "The venue that executes it (kalshi, manual); bookmaker is the book whose price it took.",
    }),
    recommendationId: t.exposeID("recommendationId", { nullable: true }),
    contracts: t.exposeInt("contracts", {
      nullable: true,
      description: "Whole contracts, at venues that trade contracts.",
    }),
    fees: t.field(decimalField("fees", 2, "The venue's fee inside the stake.")),
    minOdds: t.field(
      decimalField(
        "minOdds",
        4,
        "The lowest decimal odds that keep the sport's minimum edge (what a person may accept at the book).",
      ),
    ),
    closingOdds: t.field(
      decimalField("closingOdds", 4, "Its own market's last price at its book before the game's start."),
    ),
    closingProbability: t.field(
      decimalField("closingProbability", 4, "The de-vigged closing consensus probability of its outcome."),
    ),
    clv: t.field(decimalField("clv", 4, "Closing-line value against its own book: odds / closing odds − 1.")),
    clvConsensus: t.field(
      decimalField(
        "clvConsensus",
        4,
        "Closing-line value against the de-vigged consensus: closing probability × odds − 1.",
      ),
    ),
    statusHistory: t.relation("statusChanges", {
      description: "Every status the bet took, oldest first.",
      query: { orderBy: [{ changedAt: "asc" }, { changeId: "asc" }] },
    }),
  }),
});

builder.prismaObject("BetStatusChange", {
  description: "One change of a bet's status.",
  fields: (t) => ({
    from: t.string({ nullable: true, resolve: (c) => c.fromStatus }),
    to: t.string({ resolve: (c) => c.toStatus }),
    at: t.field({ type: "DateTime", resolve: (c) => c.changedAt }),
    reason: t.exposeString("reason"),
  }),
});

function betsWhere(args: Parameters<typeof betFilter>[0]): Prisma.PlacedBetWhereInput {
  const f = betFilter(args);
  // An undefined filter is no filter to Prisma.
  return { status: f.status, bookmaker: f.bookmaker, placedTimeUtc: between(f.from, f.to, "lt") };
}

/** `placedBets`' order: most recently placed first, bets with no placement time after all others. */
const BETS_ORDER: Prisma.PlacedBetOrderByWithRelationInput[] = [
  { placedTimeUtc: { sort: "desc", nulls: "last" } },
  { betId: "asc" },
];

const ManualBetInput = builder.inputType("ManualBetInput", {
  description: "A bet placed by hand on a venue without an API (e.g. BetMGM).",
  fields: (t) => ({
    bookmaker: t.string({ required: true }),
    marketId: t.string({ required: true, description: "The venue's market identifier." }),
    outcome: t.string({ required: true, description: "What was backed, e.g. the team id or YES/NO." }),
    stake: t.field({ type: "Decimal", required: true, description: "Amount wagered, up to 2 decimals." }),
    odds: t.field({ type: "Decimal", required: true, description: "Decimal odds (> 1), up to 4 decimals." }),
    gameId: t.id({ required: false }),
    marketTitle: t.string({ required: false }),
    betId: t.string({
      required: false,
      description: "The venue's ticket id; makes a retry a conflict, not a duplicate.",
    }),
    recommendationId: t.id({ required: false, description: "The recommendation this bet executes." }),
    placedAt: t.field({ type: "DateTime", required: false, description: "Defaults to now." }),
  }),
});

builder.queryFields((t) => ({
  placedBets: t.prismaConnection(
    {
      type: "PlacedBet",
      cursor: "betId",
      description: "Bets, most recently placed first. `from` is inclusive, `to` exclusive.",
      args: {
        status: t.arg.string({ required: false, description: "pending, win, loss or void." }),
        bookmaker: t.arg.string({ required: false }),
        from: t.arg({ type: "DateTime", required: false }),
        to: t.arg({ type: "DateTime", required: false }),
      },
      ...pagedRows((ctx) => ctx.prisma.placedBet, betsWhere, BETS_ORDER),
    },
    ...connectionNames("PlacedBet"),
  ),
}));

builder.mutationFields((t) => ({
  syncBets: t.field({
    type: QueuedWorkRef,
    description: "Queues the bet sync (status and results from every broker) now.",
    resolve: queueing((_args, ctx) => ctx.pipeline.syncBets()),
  }),
  recordManualBet: t.prismaField({
    type: "PlacedBet",
    description:
      "Records a bet placed by hand; status starts pending. With a recommendation: confirms its bet awaiting a person (if place_bets queued one), else records a new bet on it; a rejected, expired or executed recommendation, or one on another game, is refused.",
    args: { input: t.arg({ type: ManualBetInput, required: true }) },
    resolve: async (query, _root, args, ctx) => {
      requireWriteKey(ctx);
      const bet = parseManualBet(args.input);
      if (bet.recommendationId) {
        const betId = await manualDecision(() =>
          recordManualBetForRecommendation(ctx.sql, {
            recommendationId: Number(bet.recommendationId),
            gameId: bet.gameId ?? null,
            bookmaker: bet.bookmaker,
            marketId: bet.marketId,
            outcome: bet.outcome,
            marketTitle: bet.marketTitle ?? null,
            betId: bet.betId ?? null,
            odds: new Decimal(bet.odds),
            stake: new Decimal(bet.stake),
            at: bet.placedAt ?? new Date(),
          }),
        );
        return ctx.prisma.placedBet.findUniqueOrThrow({ ...query, where: { betId } });
      }
      const betId = bet.betId ?? `manual-${randomUUID()}`;
      const game = bet.gameId
        ? await ctx.prisma.unifiedGame.findUnique({ where: { gameId: bet.gameId }, select: { gameId: true } })
        : null;
      if (bet.gameId && !game) throw invalidArgument("input.gameId", `no game ${bet.gameId}`);
      try {
        return await ctx.prisma.placedBet.create({
          ...query,
          data: {
            betId,
            gameId: bet.gameId ?? null,
            marketId: bet.marketId,
            marketTitle: bet.marketTitle ?? null,
            bookmaker: bet.bookmaker,
            outcome: bet.outcome,
            stake: bet.stake,
            odds: bet.odds,
            openingOdds: bet.odds,
            potentialPayout: potentialPayout(bet),
            status: "pending",
            placedTimeUtc: bet.placedAt ?? new Date(),
            tradingMode: "live",
            venue: "manual",
            statusChanges: { create: { toStatus: "pending", reason: "recorded by hand" } },
          },
        });
      } catch (error) {
        // P2002: unique violation on bet_id, i.e. this ticket was recorded before.
        if ((error as { code?: string }).code === "P2002") throw conflict(`Bet ${betId} is already recorded`);
        throw error;
      }
    },
  }),
  cancelManualBet: t.prismaField({
    type: "PlacedBet",
    description: "Drops a bet awaiting a person (it was not placed at the book).",
    args: {
      id: t.arg.id({ required: true }),
      reason: t.arg.string({ required: false }),
    },
    resolve: async (query, _root, args, ctx) => {
      requireWriteKey(ctx);
      const betId = parseBetId(String(args.id));
      const reason = args.reason ? parseReason(args.reason) : undefined;
      await manualDecision(() => cancelManualBet(ctx.sql, betId, new Date(), reason));
      return ctx.prisma.placedBet.findUniqueOrThrow({ ...query, where: { betId } });
    },
  }),
}));

builder.subscriptionFields((t) => ({
  betUpdated: t.prismaField({
    type: "PlacedBet",
    nullable: true,
    description: "Each insert or update of a placed bet (synced, settled or recorded by hand).",
    subscribe: (_root, _args, ctx) => pipe(ctx.pubsub.subscribe("betUpdated")),
    resolve: (query, event, _args, ctx) =>
      ctx.prisma.placedBet.findUnique({ ...query, where: { betId: (event as { betId: string }).betId } }),
  }),
}));
