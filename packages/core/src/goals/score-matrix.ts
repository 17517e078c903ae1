// A game's score matrix under Dixon-Coles, and every market priced from it: home/draw/away, totals
// over or under any line, handicaps (Asian or point spread) on either side, whole lines pushing and
// quarter lines split, through the same grade rules settlement uses (margins/, settlement/lines.ts).
import type { DiscreteDistribution } from "../margins/distribution.ts";
import { type LineOutcomeProbabilities, spreadOutcome, totalOutcome } from "../margins/line-probabilities.ts";
import { dixonColesTau } from "./dixon-coles.ts";
import { type DixonColesFit, dixonColesRates } from "./fit.ts";

/** P(home goals = i, away goals = j) = probabilities[i · (maxGoals + 1) + j]; sums to 1. */
export interface ScoreMatrix {
  lambdaHome: number;
  lambdaAway: number;
  rho: number;
  maxGoals: number;
  probabilities: Float64Array;
}

/** penaltyblog's grid: 0 to 14 goals a side. */
export const DEFAULT_MAX_GOALS = 14;

function poissonPmf(lambda: number, maxGoals: number): Float64Array {
  const p = new Float64Array(maxGoals + 1);
  p[0] = Math.exp(-lambda);
  for (let k = 1; k <= maxGoals; k++) p[k] = (p[k - 1]! * lambda) / k;
  return p;
}

/**
 * Pois(i; λ_home) · Pois(j; λ_away) · τ(i, j) on the (maxGoals + 1)² grid, divided by its sum (the
 * τ terms add no mass, so the division only gives back the truncated tail), as penaltyblog does.
 * Every cell is ≥ 0: a negative τ is floored at 0 before normalising.
 */
export function dixonColesScoreMatrix(
  lambdaHome: number,
  lambdaAway: number,
  rho: number,
  maxGoals = DEFAULT_MAX_GOALS,
): ScoreMatrix {
  if (!(lambdaHome > 0) || !(lambdaAway > 0)) {
    throw new Error(`expected goals must be > 0, got ${lambdaHome} and ${lambdaAway}`);
  }
  if (!Number.isInteger(maxGoals) || maxGoals < 1)
    throw new Error(`maxGoals must be a whole number ≥ 1, got ${maxGoals}`);
  const ph = poissonPmf(lambdaHome, maxGoals);
  const pa = poissonPmf(lambdaAway, maxGoals);
  const size = maxGoals + 1;
  const probabilities = new Float64Array(size * size);
  let total = 0;
  for (let i = 0; i < size; i++) {
    for (let j = 0; j < size; j++) {
      // τ < 0 (ρ outside Dixon & Coles' range for these rates, e.g. ρ λ μ > 1) would make a
      // probability negative (penaltyblog issue #7); it is floored at 0 here, which changes nothing
      // where the model is valid.
      const tau = i <= 1 && j <= 1 ? Math.max(0, dixonColesTau(i, j, lambdaHome, lambdaAway, rho)) : 1;
      const p = ph[i]! * pa[j]! * tau;
      probabilities[i * size + j] = p;
      total += p;
    }
  }
  for (let k = 0; k < probabilities.length; k++) probabilities[k]! /= total;
  return { lambdaHome, lambdaAway, rho, maxGoals, probabilities };
}

/** The score matrix of a game between two fitted teams. */
export function predictScoreMatrix(
  fit: DixonColesFit,
  home: string,
  away: string,
  maxGoals = DEFAULT_MAX_GOALS,
): ScoreMatrix {
  const rates = dixonColesRates(fit, home, away);
  return dixonColesScoreMatrix(rates.home, rates.away, fit.rho, maxGoals);
}

/** P(home goals = i, away goals = j); 0 beyond the grid. */
export function scoreProbability(m: ScoreMatrix, homeGoals: number, awayGoals: number): number {
  if (homeGoals > m.maxGoals || awayGoals > m.maxGoals) return 0;
  return m.probabilities[homeGoals * (m.maxGoals + 1) + awayGoals] ?? 0;
}

export interface ThreeWayProbabilities {
  home: number;
  draw: number;
  away: number;
}

/** Home win, draw, away win: the cells below, on and above the diagonal. */
export function threeWayProbabilities(m: ScoreMatrix): ThreeWayProbabilities {
  const size = m.maxGoals + 1;
  const out = { home: 0, draw: 0, away: 0 };
  for (let i = 0; i < size; i++) {
    for (let j = 0; j < size; j++) {
      const p = m.probabilities[i * size + j]!;
      if (i > j) out.home += p;
      else if (i === j) out.draw += p;
      else out.away += p;
    }
  }
  return out;
}

/** The distribution of the home margin, home goals − away goals. */
export function goalDifferenceDistribution(m: ScoreMatrix): DiscreteDistribution {
  const size = m.maxGoals + 1;
  const probabilities = new Float64Array(2 * m.maxGoals + 1);
  for (let i = 0; i < size; i++) {
    for (let j = 0; j < size; j++) probabilities[i - j + m.maxGoals]! += m.probabilities[i * size + j]!;
  }
  return { min: -m.maxGoals, probabilities };
}

/** The distribution of the total, home goals + away goals. */
export function totalGoalsDistribution(m: ScoreMatrix): DiscreteDistribution {
  const size = m.maxGoals + 1;
  const probabilities = new Float64Array(2 * m.maxGoals + 1);
  for (let i = 0; i < size; i++) {
    for (let j = 0; j < size; j++) probabilities[i + j]! += m.probabilities[i * size + j]!;
  }
  return { min: 0, probabilities };
}

/** A handicap bet on `selection` at the backed side's `line` (home −0.75, away +1): win, half win, push, half loss, loss. */
export function handicapOutcome(
  m: ScoreMatrix,
  selection: "home" | "away",
  line: number,
): LineOutcomeProbabilities {
  return spreadOutcome(goalDifferenceDistribution(m), selection, line);
}

/** An over or under bet on the game's goals at `line` (2.5, 3, 2.25 …). */
export function goalTotalOutcome(
  m: ScoreMatrix,
  selection: "over" | "under",
  line: number,
): LineOutcomeProbabilities {
  return totalOutcome(totalGoalsDistribution(m), selection, line);
}
