// Trading controls: the kill switch (stored in the database, obeyed by every worker before its
// next order), and the orders place_bets refused (risk limits, the switch, a moved price).
import { loadConfig, switchTrading, type TradingSwitchState, tradingSwitch } from "@edgeline/core";
import { builder } from "./builder.ts";
import { refusalFilter } from "./filters.ts";
import { parseReason } from "./manual-bet.ts";
import { connectionNames, pagedRows } from "./pagination.ts";
import type { Prisma } from "./prisma.ts";
import { fixed } from "./scalars.ts";
import { requireWriteKey } from "./write-access.ts";

type TradingStatusShape = TradingSwitchState;

/** paper or live: whether this deployment's configuration sends orders (EDGELINE_LIVE_TRADING=1). */
const tradingMode = () => (loadConfig().trading.live ? "live" : "paper");

const TradingStatusRef = builder.objectRef<TradingStatusShape>("TradingStatus").implement({
  description: "The kill switch: while paused, no worker sends another order.",
  fields: (t) => ({
    paused: t.exposeBoolean("paused"),
    reason: t.exposeString("reason", { nullable: true }),
    changedAt: t.field({ type: "DateTime", nullable: true, resolve: (s) => s.changedAt }),
    changedBy: t.exposeString("changedBy", { nullable: true, description: "The API key id or CLI user." }),
    mode: t.string({
      description:
        "paper (every venue simulated, no order leaves Edgeline) or live (EDGELINE_LIVE_TRADING=1: orders go to the venues).",
      resolve: () => tradingMode(),
    }),
  }),
});

builder.prismaObject("OrderRefusal", {
  description: "An order place_bets did not send, and why.",
  fields: (t) => ({
    id: t.id({ resolve: (r) => String(r.refusalId) }),
    recommendationId: t.id({ resolve: (r) => r.recommendationId }),
    recommendation: t.relation("recommendation"),
    sport: t.exposeString("sport"),
    runDate: t.string({ resolve: (r) => r.runDate.toISOString().slice(0, 10) }),
    venue: t.exposeString("venue", { nullable: true }),
    rule: t.exposeString("rule", {
      description:
        "max_stake_per_bet, max_stake_per_day, max_stake_per_game, max_open_exposure, daily_loss_limit, max_open_positions, trading_paused, price_moved or game_started.",
    }),
    reason: t.exposeString("reason"),
    stake: t.field({ type: "Decimal", nullable: true, resolve: (r) => fixed(r.stake, 2) }),
    refusedAt: t.field({ type: "DateTime", resolve: (r) => r.refusedAt }),
  }),
});

function refusalsWhere(args: { sport?: string | null; rule?: string | null }): Prisma.OrderRefusalWhereInput {
  const f = refusalFilter(args);
  return { ...(f.sport ? { sport: f.sport } : {}), ...(f.rule ? { rule: f.rule } : {}) };
}

builder.queryFields((t) => ({
  tradingStatus: t.field({
    type: TradingStatusRef,
    description: "Whether trading is paused (the kill switch).",
    resolve: (_root, _args, ctx) => tradingSwitch(ctx.sql),
  }),
  orderRefusals: t.prismaConnection(
    {
      type: "OrderRefusal",
      cursor: "refusalId",
      description: "Orders refused before they were sent, newest first.",
      args: {
        sport: t.arg.string({ required: false }),
        rule: t.arg.string({ required: false }),
      },
      ...pagedRows((ctx) => ctx.prisma.orderRefusal, refusalsWhere, [
        { refusedAt: "desc" },
        { refusalId: "desc" },
      ]),
    },
    ...connectionNames("OrderRefusal"),
  ),
}));

builder.mutationFields((t) => ({
  pauseTrading: t.field({
    type: TradingStatusRef,
    description: "The kill switch: every worker sends no further order until resumed (write key).",
    args: { reason: t.arg.string({ required: false }) },
    resolve: (_root, args, ctx) => {
      requireWriteKey(ctx);
      const reason = args.reason ? parseReason(args.reason) : null;
      return switchTrading(ctx.sql, { paused: true, reason, by: `api key ${ctx.auth!.keyId}` });
    },
  }),
  resumeTrading: t.field({
    type: TradingStatusRef,
    description: "Lifts the kill switch (write key).",
    resolve: (_root, _args, ctx) => {
      requireWriteKey(ctx);
      return switchTrading(ctx.sql, { paused: false, by: `api key ${ctx.auth!.keyId}` });
    },
  }),
}));
