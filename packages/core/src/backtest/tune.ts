// Tuning without peeking: a grid search of the Elo parameters (K, home advantage, margin of
// victory, season reversion) by log loss of the walk-forward forecasts on a training span, then of
// the betting thresholds (minimum edge, Kelly fraction) by the bankroll's log growth of the
// backtest on the same span. Nothing after the training span is looked at; the caller reports the
// tuned values on a later span only.
import type { EloConfig, RecommendationThresholds } from "@edgeline/sdk";
import type { CategoricalForecast } from "../evaluation/forecast-metrics.ts";
import { categoricalLogLoss } from "../evaluation/forecast-metrics.ts";
import { type ResolvedSportModel, SportForecaster } from "../forecast/sport-forecaster.ts";
import { type BacktestOptions, type BacktestRun, runBacktest } from "./engine.ts";
import type { PreparedHistory } from "./history.ts";

export interface EloGrid {
  kFactor: readonly number[];
  homeAdvantage: readonly number[];
  /** "model": the config's own margin-of-victory and favourite terms; "none": plain Elo. */
  marginOfVictory: ReadonlyArray<"model" | "none">;
  /** Share of the way to the mean between seasons. */
  seasonReversion: readonly number[];
  /**
   * Searched after the grid above, at its best point: the schedule terms (Elo points of a
   * back-to-back and of three days' rest) and the playoff multiplier. Absent: kept as the config's.
   */
  schedule?: {
    backToBack: readonly number[];
    rested: readonly number[];
    playoffMultiplier: readonly number[];
  };
  /**
   * Searched last, at the best point so far: the market update's share, with the results' K and
   * the home advantage beside it (ratings that follow the market want the market's home edge).
   */
  marketUpdate?: { share: readonly number[]; kFactor: readonly number[]; homeAdvantage: readonly number[] };
}

export interface ThresholdGrid {
  minEdge: readonly number[];
  kellyFraction: readonly number[];
}

/** 5 × 5 × 2 × 2 = 100 points about a model's own values. */
export function defaultEloGrid(base: EloConfig): EloGrid {
  const k = base.kFactor.kind === "constant" ? base.kFactor.value : 20;
  const around = (x: number, step: number) =>
    [x - 2 * step, x - step, x, x + step, x + 2 * step].filter((v) => v > 0);
  return {
    kFactor: around(k, Math.max(1, Math.round(k / 4))),
    homeAdvantage: around(base.homeAdvantage, Math.max(5, Math.round(base.homeAdvantage / 4))),
    marginOfVictory: ["model", "none"],
    seasonReversion: [
      base.seasonReversion?.fraction ?? 0,
      base.seasonReversion ? Math.min(1, base.seasonReversion.fraction + 0.15) : 1 / 3,
    ],
  };
}

export const DEFAULT_THRESHOLD_GRID: ThresholdGrid = {
  minEdge: [0.02, 0.03, 0.05, 0.08],
  kellyFraction: [0.1, 0.25, 0.5],
};

export interface EloPoint {
  kFactor: number;
  homeAdvantage: number;
  marginOfVictory: "model" | "none";
  seasonReversion: number;
  /** Present at the points of the schedule search. */
  backToBack?: number;
  rested?: number;
  playoffMultiplier?: number;
  marketShare?: number;
}

/** The config of one grid point. */
export function eloAt(base: EloConfig, p: EloPoint): EloConfig {
  return {
    ...base,
    name: `${base.name}-tuned`,
    kFactor: { kind: "constant", value: p.kFactor },
    homeAdvantage: p.homeAdvantage,
    ...(p.marginOfVictory === "none"
      ? { marginOfVictory: { kind: "none" }, favouriteMultiplier: { kind: "none" } }
      : {}),
    seasonReversion:
      p.seasonReversion === 0
        ? null
        : {
            fraction: p.seasonReversion,
            mean: base.seasonReversion?.mean ?? base.initialRating,
            special: base.seasonReversion?.special ?? [],
          },
    ...(p.backToBack === undefined ? {} : { schedule: { backToBack: p.backToBack, rested: p.rested ?? 0 } }),
    ...(p.playoffMultiplier === undefined ? {} : { playoffMultiplier: p.playoffMultiplier }),
    ...(p.marketShare === undefined ? {} : { marketUpdate: { share: p.marketShare } }),
  };
}

/** Log loss (and games) of Elo's moneyline forecasts, each on its own day, of the played games in [from, to]. */
export function eloLogLoss(
  h: PreparedHistory,
  config: EloConfig,
  from: string,
  to: string,
): { logLoss: number; games: number } {
  const f = new SportForecaster(
    { elo: config, betting: "elo", blend: { minGames: 1, defaultWeight: 1, shrinkage: 0 } },
    h.eloGames,
    h.history.ways,
  );
  const forecasts: CategoricalForecast[] = [];
  h.history.games.forEach((g, i) => {
    if (g.date < from || g.date > to || !h.isPlayed(i)) return;
    const diff = g.homeScore! - g.awayScore!;
    if (h.history.ways === 2 && diff === 0) return;
    const p = f.eloForecast(i, g.date);
    if (!p) return;
    forecasts.push({
      probabilities: p.moneyline,
      outcome: h.history.ways === 3 ? (diff > 0 ? 0 : diff === 0 ? 1 : 2) : diff > 0 ? 0 : 1,
    });
  });
  if (forecasts.length === 0) throw new Error(`no played game between ${from} and ${to} to tune on`);
  return { logLoss: categoricalLogLoss(forecasts), games: forecasts.length };
}

export interface TuneResult {
  /** Every Elo grid point with its training log loss, best first. */
  eloPoints: Array<EloPoint & { logLoss: number }>;
  elo: EloConfig;
  /** The training games the Elo grid was scored on. */
  trainingGames: number;
  /** Threshold points with the training span's result, best first; empty when the span had nothing to bet at. */
  thresholdPoints: ThresholdOutcome[];
  thresholds: RecommendationThresholds;
  kellyFraction: number;
  /** Why the thresholds were kept as given, if they were. */
  thresholdNote?: string;
}

export interface TuneOptions {
  from: string;
  trainTo: string;
  eloGrid?: EloGrid;
  thresholdGrid?: ThresholdGrid;
  /** The backtest of the strategy on the training span (model, strategy, thresholds, markets, venue rules). */
  backtest: Omit<BacktestOptions, "from" | "to" | "forecaster">;
  /**
   * When no threshold point grew the bankroll on the training span, bet nothing (minimum edge
   * raised to the maximum) instead of the point that lost least. @defaultValue false
   */
  abstainWhenLosing?: boolean;
}

/** One threshold point's result on a span. */
export interface ThresholdOutcome {
  minEdge: number;
  kellyFraction: number;
  bets: number;
  /** ln(ending bankroll / starting bankroll). */
  logGrowth: number;
}

/** A run's result as a threshold point's: its bets and the bankroll's log growth. */
export function thresholdOutcome(
  run: Pick<BacktestRun, "bets" | "curve" | "startingBankroll">,
  point: { minEdge: number; kellyFraction: number },
): ThresholdOutcome {
  const end = run.curve.at(-1)?.bankroll ?? run.startingBankroll;
  return { ...point, bets: run.bets.length, logGrowth: Math.log(end.div(run.startingBankroll).toNumber()) };
}

export type ThresholdChoice = Pick<
  TuneResult,
  "thresholdPoints" | "thresholds" | "kellyFraction" | "thresholdNote"
>;

/**
 * The thresholds of the grid point whose bankroll grew most over the spans (each span's bankroll
 * starting afresh, so growth compounds as the sum of the spans' log growths), the lower minimum
 * edge on a tie. A caller choosing walk-forward passes the spans already reported out of sample:
 * each earlier season bet by the model tuned before it. Nothing bet at any point keeps the given
 * thresholds; with `abstainWhenLosing`, a best point that did not grow the bankroll, or no record
 * at all, bets nothing (minimum edge raised to the maximum).
 */
export function chooseThresholds(
  spans: ReadonlyArray<readonly ThresholdOutcome[]>,
  given: RecommendationThresholds,
  o: { kellyFraction: number; abstainWhenLosing: boolean },
): ThresholdChoice {
  const byPoint = new Map<string, ThresholdOutcome>();
  for (const span of spans)
    for (const p of span) {
      const key = `${p.minEdge}:${p.kellyFraction}`;
      const seen = byPoint.get(key);
      byPoint.set(
        key,
        seen ? { ...seen, bets: seen.bets + p.bets, logGrowth: seen.logGrowth + p.logGrowth } : { ...p },
      );
    }
  const withBets = [...byPoint.values()]
    .filter((p) => p.bets > 0)
    .sort((a, b) => b.logGrowth - a.logGrowth || a.minEdge - b.minEdge);
  const maxEdge = given.maxEdge ?? 0.25;
  const best = withBets[0];
  if (o.abstainWhenLosing && (!best || best.logGrowth <= 0)) {
    return {
      thresholdPoints: withBets,
      thresholds: { ...given, minEdge: maxEdge },
      kellyFraction: best?.kellyFraction ?? o.kellyFraction,
      thresholdNote: best
        ? `no threshold grew the bankroll on the record (best log growth ${best.logGrowth.toFixed(4)}): minimum edge raised to the maximum, ${maxEdge}, so nothing is bet`
        : `no record of a bet to choose on: minimum edge raised to the maximum, ${maxEdge}, so nothing is bet`,
    };
  }
  if (!best) {
    return {
      thresholdPoints: [],
      thresholds: given,
      kellyFraction: o.kellyFraction,
      thresholdNote:
        "the training span has nothing to bet at (no quotes, or no edge at any threshold): thresholds kept as given",
    };
  }
  return {
    thresholdPoints: withBets,
    thresholds: { ...given, minEdge: Math.min(best.minEdge, maxEdge) },
    kellyFraction: best.kellyFraction,
  };
}

/** Grid-searches the Elo parameters, then the betting thresholds, on [from, trainTo] only. */
export function tune(h: PreparedHistory, o: TuneOptions): TuneResult {
  const base = o.backtest.model.elo;
  const grid = o.eloGrid ?? defaultEloGrid(base);
  const eloPoints: TuneResult["eloPoints"] = [];
  let trainingGames = 0;
  for (const kFactor of grid.kFactor)
    for (const homeAdvantage of grid.homeAdvantage)
      for (const marginOfVictory of grid.marginOfVictory)
        for (const seasonReversion of grid.seasonReversion) {
          const point = { kFactor, homeAdvantage, marginOfVictory, seasonReversion };
          const score = eloLogLoss(h, eloAt(base, point), o.from, o.trainTo);
          trainingGames = score.games;
          eloPoints.push({ ...point, logLoss: score.logLoss });
        }
  eloPoints.sort((a, b) => a.logLoss - b.logLoss);
  if (grid.schedule) {
    const at = eloPoints[0]!;
    for (const backToBack of grid.schedule.backToBack)
      for (const rested of grid.schedule.rested)
        for (const playoffMultiplier of grid.schedule.playoffMultiplier) {
          const point = { ...at, backToBack, rested, playoffMultiplier };
          eloPoints.push({ ...point, logLoss: eloLogLoss(h, eloAt(base, point), o.from, o.trainTo).logLoss });
        }
    eloPoints.sort((a, b) => a.logLoss - b.logLoss);
  }
  if (grid.marketUpdate) {
    const at = eloPoints[0]!;
    for (const marketShare of grid.marketUpdate.share)
      for (const kFactor of grid.marketUpdate.kFactor)
        for (const homeAdvantage of grid.marketUpdate.homeAdvantage) {
          const point = { ...at, kFactor, homeAdvantage, marketShare };
          eloPoints.push({ ...point, logLoss: eloLogLoss(h, eloAt(base, point), o.from, o.trainTo).logLoss });
        }
    eloPoints.sort((a, b) => a.logLoss - b.logLoss);
  }
  const elo = eloAt(base, eloPoints[0]!);
  elo.sources = {
    ...base.sources,
    tuned: `grid search by log loss on ${o.from}..${o.trainTo} (${trainingGames} games)`,
  };
  const model: ResolvedSportModel = { ...o.backtest.model, elo };
  const forecaster = new SportForecaster(model, h.eloGames, h.history.ways);
  const given = o.backtest.strategy.thresholds ?? o.backtest.thresholds;
  const tg = o.thresholdGrid ?? DEFAULT_THRESHOLD_GRID;
  const thresholdPoints: ThresholdOutcome[] = [];
  for (const minEdge of tg.minEdge)
    for (const kellyFraction of tg.kellyFraction) {
      const strategy = {
        ...o.backtest.strategy,
        thresholds: { ...given, minEdge: Math.min(minEdge, given.maxEdge ?? 0.25) },
        staking: { ...o.backtest.strategy.staking, kellyFraction },
      };
      const run = runBacktest(h, { ...o.backtest, model, strategy, forecaster, from: o.from, to: o.trainTo });
      thresholdPoints.push(thresholdOutcome(run, { minEdge, kellyFraction }));
    }
  return {
    eloPoints,
    elo,
    trainingGames,
    ...chooseThresholds([thresholdPoints], given, {
      kellyFraction: o.backtest.strategy.staking.kellyFraction,
      abstainWhenLosing: o.abstainWhenLosing ?? false,
    }),
  };
}
