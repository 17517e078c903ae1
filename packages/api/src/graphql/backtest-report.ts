// The parts of a stored backtest report (backtest_runs.report, written by core's `backtest`) that
// clients chart: the yield's bootstrap interval, closing-line value, the forecasts of the model,
// the blend and the market on the same games with their calibration, and the baselines. Typed here
// so a client's build breaks on a change instead of its JSON parsing; `BacktestRun.report` keeps
// the whole JSON. Statistics are Float; money stays Decimal on BacktestRun itself.
import type {
  BacktestReport,
  BettingSummary,
  CalibrationBin,
  FlatBaseline,
  ForecastScores,
} from "@edgeline/core";
import { BASELINE_DEFINITIONS } from "@edgeline/core";
import { builder } from "./builder.ts";

const finiteOrNull = (x: number | null | undefined) =>
  typeof x === "number" && Number.isFinite(x) ? x : null;

const Calibration = builder.objectRef<CalibrationBin>("CalibrationBin").implement({
  description:
    "One probability bucket of a reliability table: forecasts in [lower, upper) and how often they happened.",
  fields: (t) => ({
    lower: t.exposeFloat("lower"),
    upper: t.exposeFloat("upper"),
    count: t.exposeInt("count"),
    meanProbability: t.float({
      nullable: true,
      description: "Null for an empty bucket.",
      resolve: (b) => finiteOrNull(b.meanProbability),
    }),
    observedRate: t.float({
      nullable: true,
      description: "Null for an empty bucket.",
      resolve: (b) => finiteOrNull(b.observedRate),
    }),
  }),
});

interface NamedScores {
  forecaster: string;
  scores: ForecastScores;
}

const ForecastScore = builder.objectRef<NamedScores>("BacktestForecastScore").implement({
  description: "How good one forecaster's probabilities were on a backtest's games.",
  fields: (t) => ({
    forecaster: t.string({
      description:
        "model, blend or market (the de-vigged close), on the same games; modelAll: the model on every played game it prices.",
      resolve: (s) => s.forecaster,
    }),
    games: t.int({ resolve: (s) => s.scores.games }),
    brier: t.float({ description: "Multi-class Brier score.", resolve: (s) => s.scores.brier }),
    logLoss: t.float({ resolve: (s) => s.scores.logLoss }),
    accuracy: t.float({ resolve: (s) => s.scores.accuracy }),
    calibration: t.field({ type: [Calibration], resolve: (s) => s.scores.calibration }),
  }),
});

interface NamedBaseline {
  name: string;
  bets: number;
  yield: number | null;
  yieldInterval: [number, number] | null;
}

const Baseline = builder.objectRef<NamedBaseline>("BacktestBaseline").implement({
  description: "A simple strategy on the same games and prices, to judge the run against.",
  fields: (t) => ({
    name: t.string({ resolve: (b) => b.name }),
    definition: t.string({ resolve: (b) => BASELINE_DEFINITIONS[b.name] ?? b.name }),
    bets: t.int({ resolve: (b) => b.bets }),
    yield: t.float({ nullable: true, resolve: (b) => finiteOrNull(b.yield) }),
    yieldLow: t.float({
      nullable: true,
      description: "2.5% bootstrap percentile.",
      resolve: (b) => finiteOrNull(b.yieldInterval?.[0]),
    }),
    yieldHigh: t.float({
      nullable: true,
      description: "97.5% bootstrap percentile.",
      resolve: (b) => finiteOrNull(b.yieldInterval?.[1]),
    }),
  }),
});

const Clv = builder.objectRef<BacktestReport["clv"]>("BacktestClv").implement({
  description: "Closing-line value of the run's bets.",
  fields: (t) => ({
    sameBookMeasured: t.int({
      description: "Bets with a later closing price of their own book.",
      resolve: (c) => c.sameBook.measured,
    }),
    sameBookAverage: t.float({
      nullable: true,
      description: "Mean of price / own book's closing price − 1.",
      resolve: (c) => finiteOrNull(c.sameBook.average),
    }),
    beatShare: t.float({
      nullable: true,
      description: "Share of measured bets that beat their book's close.",
      resolve: (c) => finiteOrNull(c.sameBook.beatShare),
    }),
    consensusMeasured: t.int({ resolve: (c) => c.consensus.measured }),
    consensusAverage: t.float({
      nullable: true,
      description: "Mean of p_close × price − 1 against the de-vigged closing consensus.",
      resolve: (c) => finiteOrNull(c.consensus.average),
    }),
    note: t.string({
      nullable: true,
      description: "Why a figure is not measurable, when it is not.",
      resolve: (c) => c.sameBook.note ?? c.consensus.note ?? null,
    }),
  }),
});

const AssumedPrice = builder
  .objectRef<NonNullable<BacktestReport["assumedPrice"]>>("BacktestAssumedPrice")
  .implement({
    description:
      "The price a run gave the lines its archive published without one (SBR NBA spreads and totals): never stored as a price.",
    fields: (t) => ({
      american: t.exposeFloat("american", { description: "American odds, e.g. -110." }),
      decimal: t.exposeFloat("decimal", { description: "The same as decimal odds (1.9091)." }),
      quotes: t.exposeInt("quotes", { description: "Line quotes that were given it." }),
      bets: t.exposeInt("bets", { description: "Bets struck at it: their profit and yield rest on it." }),
      note: t.exposeString("note"),
    }),
  });

const baselineOf = (name: string, b: FlatBaseline | BettingSummary): NamedBaseline => ({
  name,
  bets: b.bets,
  yield: b.yield,
  yieldInterval: b.yieldInterval,
});

builder.prismaObjectFields("BacktestRun", (t) => {
  const report = (r: { report: unknown }) => r.report as BacktestReport;
  return {
    yieldLow: t.float({
      nullable: true,
      description: "2.5% bootstrap percentile of the yield.",
      resolve: (r) => finiteOrNull(report(r).betting?.yieldInterval?.[0]),
    }),
    yieldHigh: t.float({
      nullable: true,
      description: "97.5% bootstrap percentile of the yield.",
      resolve: (r) => finiteOrNull(report(r).betting?.yieldInterval?.[1]),
    }),
    clv: t.field({ type: Clv, nullable: true, resolve: (r) => report(r).clv ?? null }),
    assumedPrice: t.field({
      type: AssumedPrice,
      nullable: true,
      description: "Set when the run bet lines at an assumed price (`--assume-price`); null otherwise.",
      resolve: (r) => report(r).assumedPrice ?? null,
    }),
    forecasts: t.field({
      type: [ForecastScore],
      description:
        "The model, the blend and the market on the same games, then the model on every game it prices.",
      resolve: (r) => {
        const f = report(r).forecasts;
        const out: NamedScores[] = [];
        if (f?.sameGames)
          for (const forecaster of ["model", "blend", "market"] as const)
            out.push({ forecaster, scores: f.sameGames[forecaster] });
        if (f?.modelAll) out.push({ forecaster: "modelAll", scores: f.modelAll });
        return out;
      },
    }),
    baselines: t.field({
      type: [Baseline],
      resolve: (r) => {
        const b = report(r).baselines;
        return b ? Object.entries(b).map(([name, summary]) => baselineOf(name, summary)) : [];
      },
    }),
  };
});
