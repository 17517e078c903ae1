// How good the probabilities were, on the same games: the raw model (forecast on each game's own
// day, walk-forward), the blend (the model pooled with the de-vigged close at the weight fitted on
// earlier games) and the de-vigged closing consensus itself, on every played game of the span that
// the model prices and the books quoted in full at the close; and the model alone on every played
// game (a history without prices still gets its model scored).
import type { MarketName } from "@edgeline/sdk";
import { blendProbabilities } from "../blend/blend.ts";
import type { DatedBlendWeight } from "../blend/fit-weight.ts";
import type { CategoricalForecast } from "../evaluation/forecast-metrics.ts";
import { compareForecasters, type ForecastScores, scoreForecasts } from "../evaluation/forecast-report.ts";
import type { ResolvedSportModel, SportForecaster } from "../forecast/sport-forecaster.ts";
import { blendSamples, blendWeightsByDay, type PlayedGame } from "../recommendation/blend-weights.ts";
import type { PreparedHistory } from "./history.ts";

export interface ForecastReport {
  /** Moneyline ways scored. */
  ways: 2 | 3;
  /** Played games of the span with a model forecast and a full closing consensus: model, blend and market on these. */
  sameGames: { model: ForecastScores; blend: ForecastScores; market: ForecastScores } | null;
  /**
   * The same three on the games whose day had a fitted weight (enough earlier games with a close):
   * the blend as fitted, without the default weight of the first days. Null with a fixed weight.
   */
  fittedGames: { model: ForecastScores; blend: ForecastScores; market: ForecastScores } | null;
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
}

export function forecastReport(
  h: PreparedHistory,
  forecaster: SportForecaster,
  o: ForecastReportOptions,
): ForecastReport {
  const { games, ways } = h.history;
  const model: CategoricalForecast[] = [];
  const blend: CategoricalForecast[] = [];
  const market: CategoricalForecast[] = [];
  const modelAll: CategoricalForecast[] = [];
  const fitted: Record<"model" | "blend" | "market", CategoricalForecast[]> = {
    model: [],
    blend: [],
    market: [],
  };
  let ties = 0;
  const samples: PlayedGame[] = [];
  const inSpan: Array<{
    i: number;
    forecast: readonly number[];
    outcome: number;
    close: number[] | undefined;
  }> = [];
  games.forEach((g, i) => {
    if (g.date > o.to || !h.isPlayed(i)) return;
    const f = forecaster.forecast(i, g.date);
    const closing = h.closing(i, o.consensusBooks);
    samples.push({ date: g.date, forecast: f, closing, homeScore: g.homeScore!, awayScore: g.awayScore! });
    if (g.date < o.from || !f) return;
    const diff = g.homeScore! - g.awayScore!;
    if (ways === 2 && diff === 0) {
      ties++;
      return;
    }
    const outcome = ways === 3 ? (diff > 0 ? 0 : diff === 0 ? 1 : 2) : diff > 0 ? 0 : 1;
    inSpan.push({ i, forecast: f.moneyline, outcome, close: closing.moneyline });
  });
  const days = [...new Set(inSpan.map((x) => games[x.i]!.date))];
  const weights =
    o.fixedWeight === undefined
      ? blendWeightsByDay(blendSamples(samples, ways), days, o.model.blend)
      : new Map<string, Partial<Record<MarketName, DatedBlendWeight>>>();
  for (const x of inSpan) {
    modelAll.push({ probabilities: x.forecast, outcome: x.outcome });
    if (!x.close) continue;
    const day = weights.get(games[x.i]!.date)?.moneyline;
    const w = o.fixedWeight ?? day?.weight ?? 1;
    const m = { probabilities: x.forecast, outcome: x.outcome };
    const c = { probabilities: x.close, outcome: x.outcome };
    const b = { probabilities: blendProbabilities(x.forecast, x.close, w), outcome: x.outcome };
    model.push(m);
    market.push(c);
    blend.push(b);
    if (day?.fitted) {
      fitted.model.push(m);
      fitted.market.push(c);
      fitted.blend.push(b);
    }
  }
  const onFitted = fitted.model.length > 0 ? compareForecasters(fitted) : null;
  const same = model.length > 0 ? compareForecasters({ model, blend, market }) : null;
  return {
    ways,
    sameGames: same ? { model: same.model!, blend: same.blend!, market: same.market! } : null,
    fittedGames: onFitted
      ? { model: onFitted.model!, blend: onFitted.blend!, market: onFitted.market! }
      : null,
    modelAll: modelAll.length > 0 ? scoreForecasts(modelAll, { name: "model" }) : null,
    tiesLeftOut: ties,
  };
}
