import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { effectiveProbability } from "../margins/line-probabilities.ts";
import {
  dixonColesScoreMatrix,
  goalDifferenceDistribution,
  goalTotalOutcome,
  handicapOutcome,
  scoreProbability,
  threeWayProbabilities,
  totalGoalsDistribution,
} from "./score-matrix.ts";

const sum = (xs: ArrayLike<number>) => Array.from(xs).reduce((s, x) => s + x, 0);
const e2 = Math.exp(-2);

describe("dixonColesScoreMatrix", () => {
  it("sums to 1, and so do its 1X2, margin and total distributions, never negative (property)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.05, max: 4, noNaN: true }),
        fc.double({ min: 0.05, max: 4, noNaN: true }),
        // Up to ρ λ μ = 3.2 > 1, where τ(0,0) < 0 unless floored.
        fc.double({ min: -0.2, max: 0.2, noNaN: true }),
        (lh, la, rho) => {
          const m = dixonColesScoreMatrix(lh, la, rho);
          expect(sum(m.probabilities)).toBeCloseTo(1, 12);
          const p = threeWayProbabilities(m);
          expect(p.home + p.draw + p.away).toBeCloseTo(1, 12);
          expect(sum(goalDifferenceDistribution(m).probabilities)).toBeCloseTo(1, 12);
          expect(sum(totalGoalsDistribution(m).probabilities)).toBeCloseTo(1, 12);
          for (const x of m.probabilities) expect(x).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });
  it("by hand, λ 1.2 v 0.8: τ moves mass between 0-0, 1-0, 0-1 and 1-1 only", () => {
    const independent = dixonColesScoreMatrix(1.2, 0.8, 0);
    const dc = dixonColesScoreMatrix(1.2, 0.8, -0.1);
    // P(0-0) = e^−2 (1 − ρ λ μ) = 1.096 e^−2; P(1-1) = 0.96 (1 − ρ) e^−2 = 1.056 e^−2.
    expect(scoreProbability(dc, 0, 0)).toBeCloseTo(1.096 * e2, 11);
    expect(scoreProbability(dc, 1, 1)).toBeCloseTo(1.056 * e2, 11);
    expect(scoreProbability(dc, 1, 0)).toBeCloseTo(1.2 * (1 - 0.1 * 0.8) * e2, 11);
    expect(scoreProbability(dc, 2, 3)).toBeCloseTo(scoreProbability(independent, 2, 3), 14);
    expect(scoreProbability(dc, 15, 0)).toBe(0);
  });
});

describe("totals by hand (λ 1.2 v 0.8, so the total is Poisson(2) when ρ = 0)", () => {
  const m = dixonColesScoreMatrix(1.2, 0.8, -0.1);
  it("under 2.5 is e^−2 (1 + 2 + 2) = 5e^−2: the τ terms all sit at totals ≤ 2", () => {
    const under = goalTotalOutcome(m, "under", 2.5);
    expect(under.win).toBeCloseTo(5 * e2, 10);
    expect(under.loss).toBeCloseTo(1 - 5 * e2, 10);
    expect(goalTotalOutcome(m, "over", 2.5).win).toBeCloseTo(1 - 5 * e2, 10);
  });
  it("under 1.5 is (1.096 + 1.808) e^−2 with ρ = −0.1", () => {
    expect(goalTotalOutcome(m, "under", 1.5).win).toBeCloseTo(2.904 * e2, 10);
  });
  it("whole line 2 pushes on exactly 2 goals: 2.096 e^−2", () => {
    const o = goalTotalOutcome(m, "over", 2);
    expect(o.push).toBeCloseTo(2.096 * e2, 10);
    expect(o.loss).toBeCloseTo(2.904 * e2, 10);
    expect(effectiveProbability(o)).toBeCloseTo(o.win / (o.win + o.loss), 15);
  });
  it("quarter line over 2.25 = ½ on 2 (push at 2) and ½ on 2.5: 2 goals is a half loss", () => {
    const o = goalTotalOutcome(m, "over", 2.25);
    expect(o.halfLoss).toBeCloseTo(2.096 * e2, 10);
    expect(o.win).toBeCloseTo(1 - 5 * e2, 10);
    expect(o.loss).toBeCloseTo(2.904 * e2, 10);
  });
});

describe("handicaps from the score matrix", () => {
  const m = dixonColesScoreMatrix(1.6, 1.1, -0.05);
  const p = threeWayProbabilities(m);
  let marginOne = 0;
  for (let j = 0; j < 14; j++) marginOne += scoreProbability(m, j + 1, j);
  it("home −0.5 is the home win; away +0.5 is draw or away", () => {
    expect(handicapOutcome(m, "home", -0.5).win).toBeCloseTo(p.home, 14);
    expect(handicapOutcome(m, "away", 0.5).win).toBeCloseTo(p.draw + p.away, 14);
  });
  it("level ball (0) pushes on a draw: draw no bet", () => {
    const o = handicapOutcome(m, "home", 0);
    expect(o.push).toBeCloseTo(p.draw, 14);
    expect(effectiveProbability(o)).toBeCloseTo(p.home / (p.home + p.away), 14);
  });
  it("home −1 pushes on a one-goal win", () => {
    expect(handicapOutcome(m, "home", -1).push).toBeCloseTo(marginOne, 14);
    expect(handicapOutcome(m, "home", -1).win).toBeCloseTo(p.home - marginOne, 14);
  });
  it("Asian quarter lines: home −0.25 half-loses a draw, home −0.75 half-wins a one-goal win", () => {
    expect(handicapOutcome(m, "home", -0.25)).toMatchObject({ halfLoss: p.draw });
    const q = handicapOutcome(m, "home", -0.75);
    expect(q.halfWin).toBeCloseTo(marginOne, 14);
    expect(q.win).toBeCloseTo(p.home - marginOne, 14);
    expect(q.loss).toBeCloseTo(p.draw + p.away, 14);
    // away +0.75 is its mirror.
    const a = handicapOutcome(m, "away", 0.75);
    expect(a.halfLoss).toBeCloseTo(q.halfWin, 14);
    expect(a.win).toBeCloseTo(q.loss, 14);
  });
});
