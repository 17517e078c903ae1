// `pnpm edgeline backtest` and `pnpm edgeline models` without their command line: read a sport's
// history from the tables, replay it (tuning first on a training span when asked), report, and
// store each run with its equity curve. The bench calls these too.
import { addDays, type MarketName } from "@edgeline/sdk";
import type pg from "pg";
import type { BacktestOptions, BacktestRun } from "../backtest/engine.ts";
import { type ForecastReport, forecastReport } from "../backtest/forecast-scores.ts";
import { PreparedHistory } from "../backtest/history.ts";
import type { TunedPreset } from "../backtest/preset.ts";
import { type BacktestReport, backtest } from "../backtest/report.ts";
import { bookFilter, type Strategy } from "../backtest/strategy.ts";
import { type TuneResult, tune } from "../backtest/tune.ts";
import { modelName, type ResolvedSportModel, SportForecaster } from "../forecast/sport-forecaster.ts";
import { bettingMarkets } from "../pipeline/identify-bets.ts";
import type { PluginRegistry } from "../plugins/registry.ts";
import { type BacktestRunInput, insertBacktestRun } from "../repositories/backtest-runs.ts";
import { loadBacktestHistory } from "./history-loader.ts";
import { saveTunedPreset } from "./model-presets.ts";

const ALL_MARKETS: MarketName[] = ["moneyline", "spread", "total"];

/** The markets a model can price at all: spreads and totals need a margin or goals model. */
export function priceableMarkets(model: ResolvedSportModel): MarketName[] {
  return model.betting === "goals" || model.margin ? ALL_MARKETS : ["moneyline"];
}

export interface BacktestJobOptions {
  sport: string;
  from: string;
  to: string;
  strategies: readonly Strategy[];
  /** Tune on [from, trainTo] and report on the days after it only; save the preset when named. */
  tune?: { trainTo: string; preset?: string; dataDir: string };
  /** Store each run (backtest_runs and its curve). @defaultValue true */
  store?: boolean;
  /**
   * American odds (−110) for the spread and total lines an archive gives without a price (the
   * SBR NBA files); absent, those lines are not bet. Each report says what it assumed.
   */
  assumedPrice?: number;
}

export interface BacktestJobResult {
  reports: Array<{ report: BacktestReport; run: BacktestRun; runId: string | null }>;
  tuned?: { result: TuneResult; preset?: TunedPreset; file?: string };
  /** The prepared history, for a caller that reports more on it (the bench). */
  history: PreparedHistory;
}

/** The backtest_runs row (and curve) of a report and its run. */
export function backtestRunInput(report: BacktestReport, run: BacktestRun): BacktestRunInput {
  const b = report.betting;
  return {
    sport: report.sport,
    strategy: report.strategy.name,
    from: report.from,
    to: report.to,
    parameters: report.strategy,
    model: report.model,
    startingBankroll: b.startingBankroll,
    endingBankroll: b.endingBankroll,
    bets: b.bets,
    turnover: b.turnover,
    profit: b.profit,
    yield: b.yield,
    roi: b.roi,
    maxDrawdown: b.maxDrawdown,
    report,
    curve: run.curve.map((p) => ({
      day: p.day,
      bankroll: p.bankroll.toFixed(2),
      staked: p.staked.toFixed(2),
      profit: p.profit.toFixed(2),
      bets: p.bets,
    })),
  };
}

export async function runBacktestJob(
  pool: pg.Pool,
  registry: PluginRegistry,
  o: BacktestJobOptions,
): Promise<BacktestJobResult> {
  if (o.from > o.to) throw new Error(`--from ${o.from} is after --to ${o.to}`);
  const sport = registry.sport(o.sport);
  const history = new PreparedHistory(
    await loadBacktestHistory(pool, sport.plugin, {
      to: o.to,
      markets: ALL_MARKETS,
      ...(o.assumedPrice === undefined ? {} : { assumedPrice: o.assumedPrice }),
    }),
  );
  const base = {
    from: o.from,
    to: o.to,
    thresholds: sport.thresholds,
    venueRules: (bookmaker: string) => registry.rulesFor(bookmaker),
  };
  /** The sport's model with the strategy's choice of which of its models is bet. */
  const modelFor = (s: Strategy, model: ResolvedSportModel = sport.model): ResolvedSportModel => {
    if (!s.betting || s.betting === model.betting) return model;
    if (s.betting === "goals" && !model.goals)
      throw new Error(`strategy "${s.name}" bets the goals model, but ${sport.plugin.code} has none`);
    return { ...model, betting: s.betting };
  };
  /**
   * A strategy's run: the model it bets, the markets that model prices, and, for a strategy that
   * names none, every market the sport offers that the model prices. Both follow the strategy's
   * model, not the sport's: an NHL strategy betting the goals model bets puck lines and totals.
   */
  const optionsFor = (s: Strategy, sportModel: ResolvedSportModel = sport.model): BacktestOptions => {
    const model = modelFor(s, sportModel);
    return {
      ...base,
      model,
      markets: priceableMarkets(model),
      strategy: s.markets ? s : { ...s, markets: bettingMarkets(sport.plugin, model) },
    };
  };
  const out: BacktestJobResult = { reports: [], history };
  const runs: Array<{ options: BacktestOptions }> = [];
  if (o.tune) {
    const { trainTo } = o.tune;
    if (!(trainTo >= o.from && trainTo < o.to))
      throw new Error(`--train-to ${trainTo} must be on or after --from ${o.from} and before --to ${o.to}`);
    const result = tune(history, {
      from: o.from,
      trainTo,
      backtest: optionsFor(o.strategies[0]!),
    });
    const reportFrom = addDays(trainTo, 1);
    const tunedModel = { ...sport.model, elo: result.elo };
    for (const s of o.strategies) {
      // The strategy as given, and tuned, on the span after the training one only.
      runs.push({ options: { ...optionsFor(s), from: reportFrom } });
      const tunedStrategy: Strategy = {
        ...s,
        name: `${s.name} (tuned)`,
        thresholds: result.thresholds,
        staking: { ...s.staking, kellyFraction: result.kellyFraction },
      };
      runs.push({ options: { ...optionsFor(tunedStrategy, tunedModel), from: reportFrom } });
    }
    out.tuned = { result };
    if (o.tune.preset) {
      out.tuned.preset = {
        name: o.tune.preset,
        sport: sport.plugin.code,
        createdAt: new Date().toISOString(),
        elo: { ...result.elo, name: o.tune.preset },
        thresholds: result.thresholds,
        kellyFraction: result.kellyFraction,
        tunedOn: {
          from: o.from,
          trainTo,
          games: result.trainingGames,
          logLoss: result.eloPoints[0]!.logLoss,
        },
      };
    }
  } else {
    for (const s of o.strategies)
      runs.push({
        options: { ...optionsFor(s), plugin: registry.strategy(s.strategy) },
      });
  }
  for (const { options } of runs) {
    const { report, run } = backtest(history, options);
    const runId = o.store === false ? null : await insertBacktestRun(pool, backtestRunInput(report, run));
    out.reports.push({ report, run, runId });
  }
  if (out.tuned?.preset) {
    const tunedRun = out.reports.find((r) => r.report.strategy.name.endsWith("(tuned)"));
    if (tunedRun?.runId)
      out.tuned.preset.reportedOn = {
        from: tunedRun.report.from,
        to: tunedRun.report.to,
        backtestRunId: tunedRun.runId,
      };
    out.tuned.file = saveTunedPreset(o.tune!.dataDir, out.tuned.preset);
  }
  return out;
}

export interface ModelsReport {
  sport: string;
  from: string;
  to: string;
  /** By model name: the betting model, and Elo beside it when the sport bets the goals model. */
  models: Record<string, ForecastReport>;
}

/** Brier, log loss and calibration of the raw model, the blend and the de-vigged closing market on the same games. */
export async function modelsReport(
  pool: pg.Pool,
  registry: PluginRegistry,
  o: { sport: string; from: string; to: string; consensusBookmakers?: readonly string[] },
): Promise<ModelsReport> {
  if (o.from > o.to) throw new Error(`--from ${o.from} is after --to ${o.to}`);
  const sport = registry.sport(o.sport);
  const history = new PreparedHistory(
    await loadBacktestHistory(pool, sport.plugin, { to: o.to, markets: ["moneyline"] }),
  );
  const models: ResolvedSportModel[] = [sport.model];
  if (sport.model.betting === "goals") models.push({ ...sport.model, betting: "elo" });
  const out: ModelsReport = { sport: sport.plugin.code, from: o.from, to: o.to, models: {} };
  for (const model of models) {
    const forecaster = new SportForecaster(model, history.eloGames, history.history.ways);
    out.models[modelName(model)] = forecastReport(history, forecaster, {
      from: o.from,
      to: o.to,
      model,
      consensusBooks: bookFilter(o.consensusBookmakers),
    });
  }
  return out;
}
