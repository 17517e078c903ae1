// Scores of probability forecasts against outcomes: Brier, log loss, accuracy, calibration.
// Binary forecasts are the probability of the event (e.g. home win) and an outcome of 1 or 0.

export interface BinaryForecast {
  probability: number;
  /** 1 if the event happened, 0 if not. */
  outcome: 0 | 1;
}

function assertForecasts(forecasts: readonly BinaryForecast[]): void {
  if (forecasts.length === 0) throw new Error("No forecasts to score");
  for (const [i, f] of forecasts.entries()) {
    if (!(f.probability >= 0 && f.probability <= 1)) {
      throw new Error(`forecast ${i + 1}: probability must be in [0, 1], got ${f.probability}`);
    }
    if (f.outcome !== 0 && f.outcome !== 1) throw new Error(`forecast ${i + 1}: outcome must be 0 or 1`);
  }
}

/** Mean squared error of the probability, (p − outcome)², averaged. 0.25 is a coin flip. */
export function brierScore(forecasts: readonly BinaryForecast[]): number {
  assertForecasts(forecasts);
  return forecasts.reduce((s, f) => s + (f.probability - f.outcome) ** 2, 0) / forecasts.length;
}

/**
 * Mean negative natural log of the probability given to what happened. Probabilities are clipped
 * to [eps, 1 − eps] so one confident miss is costly but finite. ln 2 ≈ 0.6931 is a coin flip.
 */
export function logLoss(forecasts: readonly BinaryForecast[], eps = 1e-15): number {
  assertForecasts(forecasts);
  return (
    forecasts.reduce((s, f) => {
      const p = Math.min(Math.max(f.probability, eps), 1 - eps);
      return s - Math.log(f.outcome === 1 ? p : 1 - p);
    }, 0) / forecasts.length
  );
}

/** Share of forecasts on the right side of 0.5 (exactly 0.5 counts as a miss, as no side was picked). */
export function accuracy(forecasts: readonly BinaryForecast[]): number {
  assertForecasts(forecasts);
  const hits = forecasts.filter(
    (f) => (f.probability > 0.5 && f.outcome === 1) || (f.probability < 0.5 && f.outcome === 0),
  );
  return hits.length / forecasts.length;
}

/** A multi-outcome forecast (e.g. home/draw/away) and the index of the outcome that happened. */
export interface CategoricalForecast {
  probabilities: readonly number[];
  outcome: number;
}

/** Multi-class Brier: Σ_k (p_k − 1[k = outcome])², averaged (range 0..2). */
export function categoricalBrier(forecasts: readonly CategoricalForecast[]): number {
  if (forecasts.length === 0) throw new Error("No forecasts to score");
  return (
    forecasts.reduce(
      (s, f) => s + f.probabilities.reduce((t, p, k) => t + (p - (k === f.outcome ? 1 : 0)) ** 2, 0),
      0,
    ) / forecasts.length
  );
}

/** Mean −ln p(outcome), clipped at eps. */
export function categoricalLogLoss(forecasts: readonly CategoricalForecast[], eps = 1e-15): number {
  if (forecasts.length === 0) throw new Error("No forecasts to score");
  return (
    forecasts.reduce((s, f) => s - Math.log(Math.max(f.probabilities[f.outcome] ?? 0, eps)), 0) /
    forecasts.length
  );
}

/** Share of forecasts whose most likely outcome happened (ties count as misses). */
export function categoricalAccuracy(forecasts: readonly CategoricalForecast[]): number {
  if (forecasts.length === 0) throw new Error("No forecasts to score");
  const hits = forecasts.filter((f) => {
    const best = Math.max(...f.probabilities);
    return f.probabilities[f.outcome] === best && f.probabilities.filter((p) => p === best).length === 1;
  });
  return hits.length / forecasts.length;
}

export interface CalibrationBin {
  /** Bin bounds [lower, upper); the last bin includes 1. */
  lower: number;
  upper: number;
  count: number;
  /** Mean forecast probability in the bin (NaN when empty). */
  meanProbability: number;
  /** Observed frequency of the event in the bin (NaN when empty). */
  observedRate: number;
}

/** Reliability table: forecasts grouped into `bins` equal-width probability bins (deciles by default). */
export function calibrationTable(forecasts: readonly BinaryForecast[], bins = 10): CalibrationBin[] {
  assertForecasts(forecasts);
  if (!Number.isInteger(bins) || bins < 1) throw new Error(`bins must be a whole number ≥ 1, got ${bins}`);
  const acc = Array.from({ length: bins }, () => ({ n: 0, p: 0, o: 0 }));
  for (const f of forecasts) {
    const b = acc[Math.min(Math.floor(f.probability * bins), bins - 1)]!;
    b.n += 1;
    b.p += f.probability;
    b.o += f.outcome;
  }
  return acc.map((b, i) => ({
    lower: i / bins,
    upper: (i + 1) / bins,
    count: b.n,
    meanProbability: b.n ? b.p / b.n : Number.NaN,
    observedRate: b.n ? b.o / b.n : Number.NaN,
  }));
}
