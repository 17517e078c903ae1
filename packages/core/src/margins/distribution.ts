// Probability distributions over whole numbers: a game's margin (home − away) or its total. The
// goals model builds them from its score matrix; the Elo margin model from a discretised normal.
import { normalCdf } from "./normal.ts";

/** P(value = min + i) = probabilities[i]; the probabilities sum to 1. */
export interface DiscreteDistribution {
  min: number;
  probabilities: Float64Array;
}

/** P(value = k). */
export function probabilityOf(d: DiscreteDistribution, k: number): number {
  return d.probabilities[k - d.min] ?? 0;
}

/** The mean, Σ k·P(k). */
export function distributionMean(d: DiscreteDistribution): number {
  let mean = 0;
  d.probabilities.forEach((p, i) => {
    mean += p * (d.min + i);
  });
  return mean;
}

export interface DiscreteNormalOptions {
  /** Smallest possible value (0 for a total); the mass below it is cut and the rest renormalised. */
  lowest?: number;
  /**
   * Whether the value can be 0 (a tied game). false for sports whose games cannot end level (NBA,
   * MLB): the distribution is conditioned on a non-zero margin.
   */
  zeroAllowed?: boolean;
}

/**
 * A normal(mean, sd) rounded to whole numbers with the continuity correction:
 * P(k) = Φ((k + ½ − mean)/sd) − Φ((k − ½ − mean)/sd), over mean ± 12 sd (the mass beyond is
 * below 1e-32), renormalised after any cut.
 */
export function discreteNormal(
  mean: number,
  sd: number,
  options: DiscreteNormalOptions = {},
): DiscreteDistribution {
  if (!Number.isFinite(mean)) throw new Error(`the mean must be a finite number, got ${mean}`);
  if (!Number.isFinite(sd) || sd <= 0) throw new Error(`the standard deviation must be > 0, got ${sd}`);
  let min = Math.floor(mean - 12 * sd);
  const max = Math.ceil(mean + 12 * sd);
  if (options.lowest !== undefined) min = Math.max(min, options.lowest);
  if (max < min) throw new Error(`no whole number ≥ ${options.lowest} is plausible under mean ${mean}`);
  const probabilities = new Float64Array(max - min + 1);
  let total = 0;
  for (let k = min; k <= max; k++) {
    // The upper tail is taken as 1 − Φ by symmetry, so far-tail cells keep their precision.
    const hi = (k + 0.5 - mean) / sd;
    const lo = (k - 0.5 - mean) / sd;
    const p = lo > 0 ? normalCdf(-lo) - normalCdf(-hi) : normalCdf(hi) - normalCdf(lo);
    const mass = k === 0 && options.zeroAllowed === false ? 0 : p;
    probabilities[k - min] = mass;
    total += mass;
  }
  for (let i = 0; i < probabilities.length; i++) probabilities[i]! /= total;
  return { min, probabilities };
}
