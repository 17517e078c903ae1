// Forecast scores of the SBR benches: per-season means pooled by games, calibration bins pooled,
// the share of a gap closed, the blend's mean fitted weight.
import type { ForecastScores } from "../../packages/core/src/index.ts";

export interface Scored {
  games: number;
  brier: number;
  logLoss: number;
}
/** Games-weighted pooling of per-season means (Brier and log loss are means over games). */
export function pool(xs: readonly Scored[]): Scored {
  const games = xs.reduce((n, x) => n + x.games, 0);
  const mean = (k: "brier" | "logLoss") => xs.reduce((s, x) => s + x[k] * x.games, 0) / games;
  return { games, brier: mean("brier"), logLoss: mean("logLoss") };
}
export const scored = (s: ForecastScores): Scored => ({
  games: s.games,
  brier: s.binaryBrier ?? s.brier,
  logLoss: s.logLoss,
});

/** Calibration bins of several seasons pooled: counts added, means weighted by count. */
export type Bins = Array<{ lower: number; upper: number; count: number; p: number; observed: number }>;
export function addBins(into: Bins, bins: ForecastScores["calibration"]): void {
  bins.forEach((b, k) => {
    into[k] ??= { lower: b.lower, upper: b.upper, count: 0, p: 0, observed: 0 };
    if (b.count === 0) return;
    const t = into[k]!;
    t.p = (t.p * t.count + b.meanProbability * b.count) / (t.count + b.count);
    t.observed = (t.observed * t.count + b.observedRate * b.count) / (t.count + b.count);
    t.count += b.count;
  });
}
export const binsLine = (bins: Bins) =>
  bins
    .filter((b) => b.count >= 50)
    .map((b) => `${b.p.toFixed(2)}→${b.observed.toFixed(2)}`)
    .join(" ");

/** The share of the Elo's Brier gap to the market that the model closes. */
export const gapClosed = (elo: Scored, model: Scored, market: Scored) =>
  elo.brier > market.brier
    ? `${Math.round((100 * (elo.brier - model.brier)) / (elo.brier - market.brier))}%`
    : "—";

/** The model's weight, averaged over the span's decision days on which it was fitted (null: none was). */
export function meanFittedWeight(
  weights: ReadonlyMap<string, { moneyline?: { weight: number; fitted: boolean } }>,
  span: { from: string; to: string },
): number | null {
  let total = 0;
  let n = 0;
  for (const [day, w] of weights)
    if (day >= span.from && day <= span.to && w.moneyline?.fitted) {
      total += w.moneyline.weight;
      n++;
    }
  return n === 0 ? null : total / n;
}
