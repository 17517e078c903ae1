// Portfolio: the hourly snapshots (portfolio_snapshots) and the current state computed from the
// bets themselves; `snapshotPortfolio` queues a snapshot now.
import { builder } from "./builder.ts";
import { type PortfolioWindow, portfolioWindow } from "./filters.ts";
import { connectionNames, pagedRows } from "./pagination.ts";
import { BET_TOTALS_SQL, type BetTotals } from "./portfolio-totals.ts";
import type { Prisma } from "./prisma.ts";
import { QueuedWorkRef, queueing } from "./queued-work.ts";
import { decimalValue, fixed } from "./scalars.ts";

builder.prismaObject("PortfolioSnapshot", {
  description: "The portfolio's value at one time (hourly).",
  fields: (t) => ({
    id: t.exposeID("snapshotId"),
    snapshotTime: t.field({ type: "DateTime", resolve: (s) => s.snapshotTime }),
    totalValue: t.field(decimalValue("totalValue", 2)),
    cashBalance: t.field({ type: "Decimal", nullable: true, resolve: (s) => fixed(s.cashBalance, 2) }),
    investedAmount: t.field({ type: "Decimal", nullable: true, resolve: (s) => fixed(s.investedAmount, 2) }),
    unrealizedPnl: t.field({ type: "Decimal", nullable: true, resolve: (s) => fixed(s.unrealizedPnl, 2) }),
    realizedPnl: t.field({ type: "Decimal", nullable: true, resolve: (s) => fixed(s.realizedPnl, 2) }),
  }),
});

const PortfolioState = builder.objectRef<BetTotals>("PortfolioState").implement({
  description: "The portfolio now, computed from placed_bets (statuses pending, win, loss, void).",
  fields: (t) => ({
    openBets: t.exposeInt("open_bets", { description: "Bets still pending." }),
    openStake: t.field({
      type: "Decimal",
      description: "Stake of pending bets.",
      resolve: (s) => s.open_stake,
    }),
    openPotentialPayout: t.field({ type: "Decimal", resolve: (s) => s.open_potential_payout }),
    settledBets: t.exposeInt("settled_bets"),
    realizedPnl: t.field({
      type: "Decimal",
      description: "Sum of settled bets' results.",
      resolve: (s) => s.realized_pnl,
    }),
    averageClv: t.field({
      type: "Decimal",
      nullable: true,
      description:
        "Mean closing-line value against each bet's own book (odds / closing odds − 1), over bets whose game has started.",
      resolve: (s) => s.average_clv,
    }),
    averageClvConsensus: t.field({
      type: "Decimal",
      nullable: true,
      description: "Mean closing-line value against the de-vigged closing consensus (p_close × odds − 1).",
      resolve: (s) => s.average_clv_consensus,
    }),
    clvBets: t.exposeInt("clv_bets", { description: "Bets whose closing line is recorded." }),
    latestSnapshot: t.prismaField({
      type: "PortfolioSnapshot",
      nullable: true,
      resolve: (query, _s, _args, ctx) =>
        ctx.prisma.portfolioSnapshot.findFirst({
          ...query,
          orderBy: [{ snapshotTime: "desc" }, { snapshotId: "desc" }],
        }),
    }),
  }),
});

function snapshotsWhere(w: PortfolioWindow): Prisma.PortfolioSnapshotWhereInput {
  return w.from || w.to
    ? { snapshotTime: { ...(w.from ? { gte: w.from } : {}), ...(w.to ? { lt: w.to } : {}) } }
    : {};
}

const Portfolio = builder.objectRef<PortfolioWindow>("Portfolio").implement({
  fields: (t) => ({
    snapshots: t.prismaConnection(
      {
        type: "PortfolioSnapshot",
        cursor: "snapshotId",
        description: "Snapshots in the window, oldest first.",
        ...pagedRows(
          (ctx) => ctx.prisma.portfolioSnapshot,
          (_args: object, w: PortfolioWindow) => snapshotsWhere(w),
          [{ snapshotTime: "asc" }, { snapshotId: "asc" }],
        ),
      },
      ...connectionNames("PortfolioSnapshot"),
    ),
    current: t.field({
      type: PortfolioState,
      resolve: async (_w, _args, ctx) => {
        const { rows } = await ctx.sql.query<BetTotals>(BET_TOTALS_SQL);
        return rows[0]!;
      },
    }),
  }),
});

builder.queryFields((t) => ({
  portfolio: t.field({
    type: Portfolio,
    description: "Snapshots taken in [from, to) and the current state.",
    args: {
      from: t.arg({ type: "DateTime", required: false }),
      to: t.arg({ type: "DateTime", required: false }),
    },
    resolve: (_root, args) => portfolioWindow(args),
  }),
}));

builder.mutationFields((t) => ({
  snapshotPortfolio: t.field({
    type: QueuedWorkRef,
    description: "Queues a portfolio snapshot now.",
    resolve: queueing((_args, ctx) => ctx.pipeline.snapshotPortfolio()),
  }),
}));
