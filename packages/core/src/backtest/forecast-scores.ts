// How good the probabilities were, on the same games: the raw model (forecast on each game's own
// day, walk-forward), the blend (the model pooled with the de-vigged price the strategy bets into,
// at the weight fitted on games before the decision's day), that price itself, and the de-vigged
// closing consensus, on every played game of the span that the model prices and the books quoted
// in full at the close and at the decision; and the model alone on every played game (a history
// without prices still gets its model scored). A blend that bets the open is scored beside the
// open: pooled with the close it would know a price that comes after its bet.
import { blendProbabilities } from "../blend/blend.ts";
import type { CategoricalForecast } from "../evaluation/forecast-metrics.ts";
import { compareForecasters, type ForecastScores, scoreForecasts } from "../evaluation/forecast-report.ts";
import type { GameForecast } from "../forecast/game-forecast.ts";
import type { ResolvedSportModel, SportForecaster } from "../forecast/sport-forecaster.ts";
import { blendSamples, blendWeightsByDay } from "../recommendation/blend-weights.ts";
import { type BacktestRun, blendSamplesOf } from "./engine.ts";
import type { PreparedHistory } from "./history.ts";
import type { PriceTiming } from "./strategy.ts";

/** The forecasters scored on the same games. */
export interface SameGameScores {
  model: ForecastScores;
  /** The model pooled with `betInto` (with the close when the strategy bets the close). */
  blend: ForecastScores;
  /** The de-vigged closing consensus. */
  market: ForecastScores;
  /** The de-vigged consensus at the strategy's price timing; absent when that is the close (`market`). */
  betInto?: ForecastScores;
}

export interface ForecastReport {
  /** Moneyline ways scored. */
  ways: 2 | 3;
  /** When the blend's market was taken (the strategy's price timing). */
  prices: PriceTiming;
  /** Played games of the span with a model forecast and a full consensus at the close and at the decision. */
  sameGames: SameGameScores | null;
  /**
   * The same on the games whose decision day had a fitted weight (enough earlier games with a
   * consensus): the blend as fitted, without the default weight of the first days. Null with a fixed weight.
   */
  fittedGames: SameGameScores | null;
  /** The model on every played game of the span it prices. */
  modelAll: ForecastScores | null;
  /** Games of a 2-way market that ended level, left out of every score. */
  tiesLeftOut: number;
}

export interface ForecastReportOptions {
  from: string;
  to: string;
  model: ResolvedSportModel;
  /** Fixed model weight, or undefined for the walk-forward fit. */
  fixedWeight?: number;
  consensusBooks: (bookmaker: string) => boolean;
  /** The price timing the blend bets at. @defaultValue the close */
  prices?: PriceTiming;
  /** The blend's samples before `from` (BacktestOptions.priorForecasts). */
  priorForecasts?: ReadonlyMap<string, GameForecast>;
  /**
   * The weights per decision day a run already fitted on the same samples and settings
   * (BacktestRun.weights): scored as the run bet them, not fitted a second time.
   * @defaultValue fitted here, walk-forward
   */
  weights?: BacktestRun["weights"];
}

export function forecastReport(
  h: PreparedHistory,
  forecaster: SportForecaster,
  o: ForecastReportOptions,
): ForecastReport {
  const { games, ways } = h.history;
  const prices = o.prices ?? { at: "closing" };
  const atClose = prices.at === "closing";
  const names = ["model", "blend", "market", ...(atClose ? [] : ["betInto"])] as const;
  const same: Record<string, CategoricalForecast[]> = Object.fromEntries(names.map((n) => [n, []]));
  const fitted: Record<string, CategoricalForecast[]> = Object.fromEntries(names.map((n) => [n, []]));
  const modelAll: CategoricalForecast[] = [];
  let ties = 0;
  const inSpan: Array<{
    i: number;
    forecast: readonly number[];
    outcome: number;
    close: number[] | undefined;
    betInto: number[] | undefined;
    day: string;
  }> = [];
  games.forEach((g, i) => {
    if (g.date < o.from || g.date > o.to || !h.isPlayed(i)) return;
    const f = forecaster.forecast(i, g.date);
    if (!f) return;
    const diff = g.homeScore! - g.awayScore!;
    if (ways === 2 && diff === 0) {
      ties++;
      return;
    }
    const outcome = ways === 3 ? (diff > 0 ? 0 : diff === 0 ? 1 : 2) : diff > 0 ? 0 : 1;
    const close = h.closing(i, o.consensusBooks).moneyline;
    const betInto = atClose ? close : h.consensusAt(i, prices, o.consensusBooks).moneyline;
    // The weight of the decision's day: fitted on games whose results were in by then.
    const day = h.decision(i, prices)?.day ?? g.date;
    inSpan.push({ i, forecast: f.moneyline, outcome, close, betInto, day });
  });
  const weights: BacktestRun["weights"] =
    o.fixedWeight !== undefined
      ? new Map()
      : (o.weights ??
        blendWeightsByDay(
          blendSamples(
            blendSamplesOf(h, forecaster, o.consensusBooks, {
              prices,
              from: o.from,
              to: o.to,
              ...(o.priorForecasts ? { priorForecasts: o.priorForecasts } : {}),
            }),
            ways,
          ),
          [...new Set(inSpan.map((x) => x.day))],
          o.model.blend,
        ));
  for (const x of inSpan) {
    modelAll.push({ probabilities: x.forecast, outcome: x.outcome });
    if (!x.close || !x.betInto) continue;
    const day = weights.get(x.day)?.moneyline;
    const w = o.fixedWeight ?? day?.weight ?? 1;
    const scored: Record<string, CategoricalForecast> = {
      model: { probabilities: x.forecast, outcome: x.outcome },
      market: { probabilities: x.close, outcome: x.outcome },
      blend: { probabilities: blendProbabilities(x.forecast, x.betInto, w), outcome: x.outcome },
      betInto: { probabilities: x.betInto, outcome: x.outcome },
    };
    for (const n of names) {
      same[n]!.push(scored[n]!);
      if (day?.fitted) fitted[n]!.push(scored[n]!);
    }
  }
  const compare = (sets: Record<string, CategoricalForecast[]>): SameGameScores | null => {
    if (sets.model!.length === 0) return null;
    const c = compareForecasters(sets);
    return {
      model: c.model!,
      blend: c.blend!,
      market: c.market!,
      ...(c.betInto ? { betInto: c.betInto } : {}),
    };
  };
  return {
    ways,
    prices,
    sameGames: compare(same),
    fittedGames: compare(fitted),
    modelAll: modelAll.length > 0 ? scoreForecasts(modelAll, { name: "model" }) : null,
    tiesLeftOut: ties,
  };
}
