// Kelly staking as fractions of bankroll (shared notes §4: penaltyblog kelly.py and bet_size.rst;
// Smoczynski & Tomkins 2010 for mutually exclusive outcomes).
import { assertDecimalOdds } from "@edgeline/sdk";
import type { LineOutcomeProbabilities } from "../margins/line-probabilities.ts";
import { lineEdge } from "./value.ts";

function assertProbability(p: number, what = "probability"): void {
  if (!Number.isFinite(p) || p < 0 || p > 1) throw new Error(`${what} must be in [0, 1], got ${p}`);
}

/** Full Kelly fraction f* = (p × O − 1)/(O − 1), or 0 when there is no edge. */
export function kellyFraction(probability: number, odds: number): number {
  assertProbability(probability);
  assertDecimalOdds(odds);
  const f = (probability * odds - 1) / (odds - 1);
  return f > 0 ? Math.min(f, 1) : 0;
}

/** `fraction` × Kelly (½ Kelly at 2.1 with p 0.55 is 7.05%). */
export function fractionalKelly(probability: number, odds: number, fraction: number): number {
  if (!Number.isFinite(fraction) || fraction <= 0 || fraction > 1) {
    throw new Error(`Kelly fraction must be in (0, 1], got ${fraction}`);
  }
  return kellyFraction(probability, odds) * fraction;
}

/** Expected log growth of staking fraction f: p ln(1 + f(O − 1)) + (1 − p) ln(1 − f). */
export function kellyGrowth(probability: number, odds: number, f: number): number {
  return probability * Math.log(1 + f * (odds - 1)) + (1 - probability) * Math.log(1 - f);
}

export interface KellyOutcome {
  probability: number;
  odds: number;
}

/**
 * Exact simultaneous Kelly for mutually exclusive outcomes (one event, e.g. home/draw/away).
 * Sort by expected return p·O; admit outcomes while p·O exceeds the reserve
 * R = (1 − Σ_S p)/(1 − Σ_S 1/O); stake f_i = p_i − R/O_i on admitted ones, 0 elsewhere.
 * Returns fractions in the input order; (2.5, 3.2, 2.8) with (0.55, 0.25, 0.20) → 27.17%, 3.26%, 0.
 */
export function simultaneousKelly(outcomes: readonly KellyOutcome[]): number[] {
  let totalP = 0;
  outcomes.forEach((o, i) => {
    assertProbability(o.probability, `probability of outcome ${i + 1}`);
    assertDecimalOdds(o.odds, `odds of outcome ${i + 1}`);
    totalP += o.probability;
  });
  if (totalP > 1 + 1e-9) throw new Error(`Mutually exclusive outcomes' probabilities sum to ${totalP} > 1`);
  const order = outcomes
    .map((_, i) => i)
    .sort((a, b) => {
      const ra = outcomes[a]!.probability * outcomes[a]!.odds;
      const rb = outcomes[b]!.probability * outcomes[b]!.odds;
      return rb - ra || a - b;
    });
  let reserve = 1;
  let sumP = 0;
  let sumInv = 0;
  const chosen: number[] = [];
  for (const i of order) {
    const o = outcomes[i]!;
    if (o.probability * o.odds <= reserve) break;
    const nextInv = sumInv + 1 / o.odds;
    // Backing every outcome of an under-round book would make the reserve undefined; stop there.
    if (nextInv >= 1) break;
    chosen.push(i);
    sumP += o.probability;
    sumInv = nextInv;
    reserve = (1 - sumP) / (1 - sumInv);
  }
  const stakes = outcomes.map(() => 0);
  for (const i of chosen) {
    const o = outcomes[i]!;
    stakes[i] = Math.max(0, o.probability - reserve / o.odds);
  }
  return stakes;
}

/**
 * Full Kelly fraction of a line bet with pushes and half grades (quarter lines): the f in [0, 1]
 * maximising win·ln(1 + f·b) + halfWin·ln(1 + f·b/2) + halfLoss·ln(1 − f/2) + loss·ln(1 − f),
 * b = odds − 1 (push terms are constant). Found by bisection on the growth's derivative, which
 * falls with f. For a whole line it is (win·b − loss) / (b·(win + loss)); 0 without edge.
 */
export function lineKellyFraction(o: LineOutcomeProbabilities, odds: number): number {
  if (lineEdge(o, odds) <= 0) return 0;
  const b = odds - 1;
  const slope = (f: number) =>
    (o.win * b) / (1 + f * b) +
    (o.halfWin * b) / 2 / (1 + (f * b) / 2) -
    o.halfLoss / 2 / (1 - f / 2) -
    (o.loss > 0 ? o.loss / (1 - f) : 0);
  if (slope(1 - 1e-15) >= 0) return 1; // nothing to lose: stake it all (the caps decide)
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < 200 && hi - lo > 1e-15; i++) {
    const mid = (lo + hi) / 2;
    if (slope(mid) > 0) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
