// BacktestRun: one stored `pnpm edgeline backtest` of one strategy (a backtest_runs row) with its
// headline figures, the whole report as JSON, and its equity curve. Read only: backtests run from
// the command line.
import { builder } from "./builder.ts";
import { invalidArgument } from "./errors.ts";
import { connectionNames, pagedRows } from "./pagination.ts";
import { decimalValue, fixed } from "./scalars.ts";

builder.prismaObject("BacktestCurvePoint", {
  description: "The bankroll at the end of a day a backtest bet or settled on.",
  fields: (t) => ({
    day: t.field({ type: "Date", resolve: (p) => p.day }),
    bankroll: t.field(decimalValue("bankroll", 2)),
    staked: t.field(decimalValue("staked", 2, "Staked on bets decided that day.")),
    profit: t.field(decimalValue("profit", 2, "Net result of bets settled that day.")),
    bets: t.exposeInt("bets", { description: "Bets decided that day." }),
  }),
});

builder.prismaObject("BacktestRun", {
  description:
    "A walk-forward backtest of one strategy on a sport's stored history (`pnpm edgeline backtest`).",
  fields: (t) => ({
    id: t.id({ resolve: (r) => r.runId.toString() }),
    sport: t.exposeString("sport"),
    strategy: t.exposeString("strategy", { description: "The strategy's name." }),
    from: t.field({ type: "Date", resolve: (r) => r.fromDate }),
    to: t.field({ type: "Date", resolve: (r) => r.toDate }),
    model: t.exposeString("model", {
      description: "The model bet (an Elo preset's name, or the goals model).",
    }),
    parameters: t.string({
      description: "The strategy as run, every default filled in (JSON).",
      resolve: (r) => JSON.stringify(r.parameters),
    }),
    startingBankroll: t.field(decimalValue("startingBankroll", 2)),
    endingBankroll: t.field(decimalValue("endingBankroll", 2)),
    bets: t.exposeInt("bets"),
    turnover: t.field(decimalValue("turnover", 2, "Total staked.")),
    profit: t.field(decimalValue("profit", 2)),
    yield: t.field({
      type: "Decimal",
      nullable: true,
      description: "Profit / turnover; null without bets.",
      resolve: (r) => fixed(r.yield, 6),
    }),
    roi: t.field(decimalValue("roi", 6, "ROI on bankroll: profit / starting bankroll.")),
    maxDrawdown: t.field(
      decimalValue(
        "maxDrawdown",
        6,
        "Largest fall of the end-of-day bankroll from its running peak, as a share of it.",
      ),
    ),
    report: t.string({
      description:
        "The whole report as JSON, as `backtest --json` prints it: betting with its bootstrap interval, CLV, forecasts of the model, the blend and the market on the same games, calibration, baselines, definitions.",
      resolve: (r) => JSON.stringify(r.report),
    }),
    createdAt: t.field({ type: "DateTime", resolve: (r) => r.createdAt }),
    curve: t.relation("curve", {
      description: "The equity curve, by day.",
      query: { orderBy: { day: "asc" } },
    }),
  }),
});

builder.queryFields((t) => ({
  backtestRuns: t.prismaConnection(
    {
      type: "BacktestRun",
      cursor: "runId",
      description: "Stored backtests, newest first.",
      args: { sport: t.arg.string({ required: false }) },
      ...pagedRows(
        (ctx) => ctx.prisma.backtestRun,
        (args: { sport?: string | null }) => (args.sport ? { sport: args.sport } : {}),
        [{ createdAt: "desc" }, { runId: "desc" }],
      ),
    },
    ...connectionNames("BacktestRun"),
  ),
  backtestRun: t.prismaField({
    type: "BacktestRun",
    nullable: true,
    args: { id: t.arg.id({ required: true }) },
    resolve: (query, _root, args, ctx) => {
      if (!/^\d{1,18}$/.test(String(args.id))) throw invalidArgument("id", "must be a backtest run id");
      return ctx.prisma.backtestRun.findUnique({ ...query, where: { runId: BigInt(String(args.id)) } });
    },
  }),
}));
