// Value of a bet at a price for a model probability.

import { assertDecimalOdds } from "@edgeline/sdk";
import { Decimal } from "decimal.js";
import type { LineOutcomeProbabilities } from "../margins/line-probabilities.ts";

function assertModelProbability(p: number): void {
  if (!Number.isFinite(p) || p < 0 || p > 1) throw new Error(`model probability must be in [0, 1], got ${p}`);
}

/**
 * Edge: expected profit per unit staked, p × odds − 1 (0.05 = +5% expected return). This is the
 * `bet_recommendations.edge` column and the quantity the plugins' thresholds are written in: the
 * project's one definition of edge (there is deliberately no "p − 1/odds" variant).
 */
export function edge(probability: number, odds: number): number {
  assertModelProbability(probability);
  assertDecimalOdds(odds);
  return probability * odds - 1;
}

/** Expected profit of `stake` at `odds`: stake × (p × odds − 1), to the cent (half-up). */
export function expectedValue(stake: Decimal, probability: number, odds: number): Decimal {
  if (stake.isNegative()) throw new Error(`stake must be ≥ 0, got ${stake}`);
  return stake.times(new Decimal(edge(probability, odds))).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

/**
 * Edge of a line bet (spread or total) whose settlement grades have probabilities `o`: expected
 * profit per unit staked, (win + halfWin/2)(odds − 1) − (loss + halfLoss/2). Pushes return the
 * stake and count for nothing. With no push or half grade it is {@link edge}.
 */
export function lineEdge(o: LineOutcomeProbabilities, odds: number): number {
  assertDecimalOdds(odds);
  for (const [k, p] of Object.entries(o)) {
    if (!Number.isFinite(p) || p < 0 || p > 1)
      throw new Error(`${k} probability must be in [0, 1], got ${p}`);
  }
  return (o.win + o.halfWin / 2) * (odds - 1) - (o.loss + o.halfLoss / 2);
}
