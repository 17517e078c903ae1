import { seededRandom } from "@edgeline/sdk";
import { describe, expect, it } from "vitest";
import {
  applyLateGoals,
  fitLateGoals,
  type LateGoals,
  type LateGoalsSample,
  lateGoalsLogLikelihood,
  NO_LATE_GOALS,
} from "./late-goals.ts";
import { dixonColesScoreMatrix, type ScoreMatrix, scoreProbability } from "./score-matrix.ts";

const late = (extendOne: number, equalise: number, extendTwo: number): LateGoals => ({
  ...NO_LATE_GOALS,
  extendOne,
  equalise,
  extendTwo,
});

/** A deterministic uniform stream (the SDK's seeded mulberry32): the same games on every run. */
const uniforms = (seed: number): (() => number) => {
  const random = seededRandom(`late-goals-${seed}`);
  return () => random.next();
};

/** One score drawn from a matrix's cells. */
function draw(m: ScoreMatrix, u: number): { home: number; away: number } {
  const size = m.maxGoals + 1;
  let acc = 0;
  for (let k = 0; k < m.probabilities.length; k++) {
    acc += m.probabilities[k]!;
    if (u < acc) return { home: Math.floor(k / size), away: k % size };
  }
  return { home: m.maxGoals, away: m.maxGoals };
}

describe("late goals", () => {
  const m = dixonColesScoreMatrix(3.0, 2.7, -0.1, 12);

  it("moves one-goal leads to two or to a tie and two-goal leads to three, keeping the mass", () => {
    const p = late(0.2, 0.1, 0.15);
    const out = applyLateGoals(m, p);
    expect(out.maxGoals).toBe(m.maxGoals + 1);
    expect(Array.from(out.probabilities).reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12);
    // 3-1: stays from 3-1 (a two-goal lead), or the leader's goal from 2-1 (a one-goal lead).
    expect(scoreProbability(out, 3, 1)).toBeCloseTo(
      scoreProbability(m, 3, 1) * (1 - 0.15) + scoreProbability(m, 2, 1) * 0.2,
      15,
    );
    // 2-2: stays, or an equaliser from 2-1 (by the away side) or from 1-2 (by the home side).
    expect(scoreProbability(out, 2, 2)).toBeCloseTo(
      scoreProbability(m, 2, 2) + 0.1 * (scoreProbability(m, 2, 1) + scoreProbability(m, 1, 2)),
      15,
    );
    // 1-4: stays (a three-goal lead), or the away side's goal from 1-3.
    expect(scoreProbability(out, 1, 4)).toBeCloseTo(
      scoreProbability(m, 1, 4) + 0.15 * scoreProbability(m, 1, 3),
      15,
    );
    expect(Array.from(applyLateGoals(m, NO_LATE_GOALS).probabilities).slice(0, 3)).toEqual([
      scoreProbability(m, 0, 0),
      scoreProbability(m, 0, 1),
      scoreProbability(m, 0, 2),
    ]);
  });

  it("refuses probabilities outside [0, 1] and a one-goal lead's two that sum above 1", () => {
    expect(() => applyLateGoals(m, late(-0.1, 0, 0))).toThrow(/extendOne must lie in \[0, 1\]/);
    expect(() => applyLateGoals(m, late(0.6, 0.5, 0))).toThrow(/at most 1, got 1.1/);
  });

  it("EM recovers the transitions of games simulated from them", () => {
    const truth = late(0.22, 0.09, 0.14);
    const u = uniforms(7);
    const samples: LateGoalsSample[] = [];
    for (let g = 0; g < 20_000; g++) {
      const matrix = dixonColesScoreMatrix(2.4 + u(), 2.4 + u(), -0.1, 12);
      samples.push({ matrix, ...draw(applyLateGoals(matrix, truth), u()) });
    }
    const fit = fitLateGoals(samples);
    expect(fit.games).toBe(20_000);
    expect(fit.extendOne).toBeCloseTo(0.22, 1);
    expect(fit.equalise).toBeCloseTo(0.09, 1);
    expect(fit.extendTwo).toBeCloseTo(0.14, 1);
    expect(Math.abs(fit.extendOne - 0.22)).toBeLessThan(0.02);
    expect(Math.abs(fit.equalise - 0.09)).toBeLessThan(0.02);
    expect(Math.abs(fit.extendTwo - 0.14)).toBeLessThan(0.02);
    // The fit is at least as likely as the truth on its own games (it is the maximum).
    expect(fit.meanLogLikelihood).toBeGreaterThanOrEqual(lateGoalsLogLikelihood(samples, truth));
    const lr = 2 * samples.length * (fit.meanLogLikelihood - lateGoalsLogLikelihood(samples, NO_LATE_GOALS));
    expect(lr).toBeGreaterThan(100);
  });

  it("on games with no late goals it finds none beyond chance (likelihood-ratio test)", () => {
    const u = uniforms(11);
    const samples: LateGoalsSample[] = Array.from({ length: 20_000 }, () => {
      const matrix = dixonColesScoreMatrix(2.5 + u(), 2.5 + u(), -0.1, 12);
      return { matrix, ...draw(matrix, u()) };
    });
    const fit = fitLateGoals(samples);
    // Twice the log-likelihood gain over no transitions, against χ² with 3 degrees of freedom:
    // below its 99.9% point, 16.27; on the simulated games of the test above it is in the hundreds.
    const lr = 2 * samples.length * (fit.meanLogLikelihood - lateGoalsLogLikelihood(samples, NO_LATE_GOALS));
    expect(lr).toBeGreaterThanOrEqual(0);
    expect(lr).toBeLessThan(16.27);
    for (const k of ["extendOne", "equalise", "extendTwo"] as const) expect(fit[k]).toBeLessThan(0.05);
  });

  it("refuses no games and scores that are not whole numbers", () => {
    expect(() => fitLateGoals([])).toThrow(/at least one played game/);
    expect(() => fitLateGoals([{ matrix: m, home: 1.5, away: 0 }])).toThrow(/sample 1: scores must be whole/);
  });
});
