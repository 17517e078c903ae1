// One report for any set of probability forecasts, and a comparison of several forecasters on the
// same games (the raw model, the blend, the de-vigged closing market): Brier, log loss, accuracy and
// a calibration table by decile, for two- and three-way markets alike.
import {
  type BinaryForecast,
  type CalibrationBin,
  type CategoricalForecast,
  calibrationTable,
  categoricalAccuracy,
  categoricalBrier,
  categoricalLogLoss,
} from "./forecast-metrics.ts";

export interface ForecastScores {
  games: number;
  /** Σ_k (p_k − 1[k = outcome])² averaged: the multi-class Brier (0.526 for the EPL close). */
  brier: number;
  /**
   * Two-way markets only: (p − outcome)² on the first outcome, averaged, half the multi-class
   * figure: the form 538 and most NFL/NBA comparisons quote (0.2196 for 538's NFL Elo).
   */
  binaryBrier?: number;
  logLoss: number;
  accuracy: number;
  /** Every outcome's probability against whether it happened, pooled, by decile. */
  calibration: CalibrationBin[];
}

function assertCategorical(forecasts: readonly CategoricalForecast[], what: string): void {
  if (forecasts.length === 0) throw new Error(`${what}: no forecasts to score`);
  const ways = forecasts[0]!.probabilities.length;
  for (const [i, f] of forecasts.entries()) {
    const where = `${what}: forecast ${i + 1}`;
    if (f.probabilities.length !== ways)
      throw new Error(`${where} has ${f.probabilities.length} outcomes, not ${ways}`);
    let total = 0;
    for (const p of f.probabilities) {
      if (!(p >= 0 && p <= 1)) throw new Error(`${where}: probability ${p} is not in [0, 1]`);
      total += p;
    }
    if (Math.abs(total - 1) > 1e-6) throw new Error(`${where}: probabilities sum to ${total}, not 1`);
    if (!Number.isInteger(f.outcome) || f.outcome < 0 || f.outcome >= ways) {
      throw new Error(`${where}: outcome ${f.outcome} is not an outcome index 0..${ways - 1}`);
    }
  }
}

/**
 * Binary forecasts of one outcome (index `outcome`), or of every outcome pooled when it is left
 * out: the input of a reliability table for a multi-way market.
 */
export function oneVsRest(forecasts: readonly CategoricalForecast[], outcome?: number): BinaryForecast[] {
  return forecasts.flatMap((f) =>
    f.probabilities.flatMap((p, k) =>
      outcome === undefined || k === outcome
        ? [{ probability: p, outcome: k === f.outcome ? 1 : 0 } as const]
        : [],
    ),
  );
}

/** Brier, log loss, accuracy and calibration of one forecaster. */
export function scoreForecasts(
  forecasts: readonly CategoricalForecast[],
  options: { bins?: number; name?: string } = {},
): ForecastScores {
  assertCategorical(forecasts, options.name ?? "forecasts");
  const brier = categoricalBrier(forecasts);
  return {
    games: forecasts.length,
    brier,
    ...(forecasts[0]!.probabilities.length === 2 ? { binaryBrier: brier / 2 } : {}),
    logLoss: categoricalLogLoss(forecasts),
    accuracy: categoricalAccuracy(forecasts),
    calibration: calibrationTable(oneVsRest(forecasts), options.bins),
  };
}

/**
 * Scores several forecasters on the same games: each list must give the same number of games and
 * the same outcome for each, or the comparison would not be on the same games.
 */
export function compareForecasters(
  forecasters: Readonly<Record<string, readonly CategoricalForecast[]>>,
  options: { bins?: number } = {},
): Record<string, ForecastScores> {
  const names = Object.keys(forecasters);
  if (names.length === 0) throw new Error("no forecasters to compare");
  const first = forecasters[names[0]!]!;
  for (const name of names.slice(1)) {
    const other = forecasters[name]!;
    if (other.length !== first.length) {
      throw new Error(
        `"${name}" scores ${other.length} games, "${names[0]}" ${first.length}: not the same games`,
      );
    }
    other.forEach((f, i) => {
      if (f.outcome !== first[i]!.outcome) {
        throw new Error(
          `game ${i + 1}: "${name}" has outcome ${f.outcome}, "${names[0]}" ${first[i]!.outcome}`,
        );
      }
    });
  }
  return Object.fromEntries(names.map((n) => [n, scoreForecasts(forecasters[n]!, { ...options, name: n })]));
}
