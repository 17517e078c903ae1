import { seededRandom } from "@edgeline/sdk";
import { describe, expect, it } from "vitest";
import {
  type ExtraTimeGame,
  finalScoreMatrix,
  fitConstantOvertime,
  fitLogisticOvertime,
  fitOvertimeModel,
  overtimeHomeProbability,
  regulationStrength,
  twoWayFromRegulation,
} from "./overtime.ts";
import {
  dixonColesScoreMatrix,
  goalTotalOutcome,
  handicapOutcome,
  scoreProbability,
  threeWayProbabilities,
  totalGoalsDistribution,
} from "./score-matrix.ts";

/** A deterministic uniform stream (the SDK's seeded mulberry32): the same games on every run. */
const uniforms = (seed: number): (() => number) => {
  const random = seededRandom(`overtime-${seed}`);
  return () => random.next();
};

/** Games whose home side wins after regulation with 1 / (1 + exp(−(a + b · strength))). */
function simulate(n: number, a: number, b: number, seed: number): ExtraTimeGame[] {
  const u = uniforms(seed);
  return Array.from({ length: n }, () => {
    const strength = 2 * u() - 1;
    return { strength, homeWon: u() < 1 / (1 + Math.exp(-(a + b * strength))) };
  });
}

describe("the overtime model", () => {
  it("constant: the share of home wins among the games fitted", () => {
    const games = [...Array(7)].map(() => ({ homeWon: true, strength: 0.3 }));
    games.push(...[...Array(3)].map(() => ({ homeWon: false, strength: -0.2 })));
    const m = fitConstantOvertime(games);
    expect(m).toMatchObject({ kind: "constant", slope: 0, games: 10, homeWins: 7 });
    expect(overtimeHomeProbability(m, 5)).toBeCloseTo(0.7, 12);
    expect(m.logLikelihood).toBeCloseTo(7 * Math.log(0.7) + 3 * Math.log(0.3), 12);
  });

  it("refuses games all won by one side (the share would be 0 or 1)", () => {
    expect(() => fitConstantOvertime([{ homeWon: true, strength: 0 }])).toThrow(/both home and away wins/);
    expect(() => fitOvertimeModel([])).toThrow(/both home and away wins/);
  });

  it("logistic: the maximum-likelihood point (score equations zero) recovers a known slope", () => {
    const games = simulate(20_000, 0.1, 1.5, 7);
    const m = fitLogisticOvertime(games);
    expect(m.kind).toBe("logistic");
    expect(m.intercept).toBeCloseTo(0.1, 1);
    expect(m.slope).toBeGreaterThan(1.35);
    expect(m.slope).toBeLessThan(1.65);
    let [ga, gb] = [0, 0];
    for (const g of games) {
      const r = (g.homeWon ? 1 : 0) - overtimeHomeProbability(m, g.strength);
      ga += r;
      gb += r * g.strength;
    }
    expect(Math.abs(ga)).toBeLessThan(1e-6);
    expect(Math.abs(gb)).toBeLessThan(1e-6);
    expect(m.logLikelihood).toBeGreaterThan(fitConstantOvertime(games).logLikelihood);
  });

  it("keeps the slope only where the likelihood-ratio test supports it", () => {
    expect(fitOvertimeModel(simulate(2_000, 0, 1.5, 11)).kind).toBe("logistic");
    // The same share of home wins at every strength: the best slope is 0, and the constant stays.
    const flat = fitOvertimeModel(
      Array.from({ length: 500 }, (_, i) => ({ strength: (i % 100) / 50 - 1, homeWon: i < 300 })),
    );
    expect(flat.kind).toBe("constant");
    expect(overtimeHomeProbability(flat, 0.9)).toBeCloseTo(overtimeHomeProbability(flat, -0.9), 12);
  });

  it("a strength without spread leaves the constant", () => {
    const games = [true, false, true].map((homeWon) => ({ homeWon, strength: 0.4 }));
    const m = fitLogisticOvertime(games);
    expect(m.slope).toBe(0);
    expect(overtimeHomeProbability(m, 0.4)).toBeCloseTo(2 / 3, 12);
  });
});

describe("the two-way moneyline from regulation", () => {
  const matrix = dixonColesScoreMatrix(3.1, 2.7, 0);
  const reg = threeWayProbabilities(matrix);

  it("is the regulation win plus the tie times the overtime home probability", () => {
    const [home, away] = twoWayFromRegulation(reg, 0.55);
    expect(reg.draw).toBeGreaterThan(0.15);
    expect(home).toBeCloseTo(reg.home + 0.55 * reg.draw, 15);
    expect(home + away).toBeCloseTo(1, 12);
    expect(twoWayFromRegulation(reg, 0.5)[0]).toBeCloseTo(reg.home + reg.draw / 2, 15);
    expect(() => twoWayFromRegulation(reg, 1.2)).toThrow(/\[0, 1\]/);
  });

  it("reads the logistic's strength from the matrix's rates", () => {
    expect(regulationStrength(matrix)).toBeCloseTo(Math.log(3.1 / 2.7), 12);
  });
});

describe("finalScoreMatrix", () => {
  const regulation = dixonColesScoreMatrix(3.1, 2.8, -0.1);
  const final = finalScoreMatrix(regulation, 0.55);
  const reg = threeWayProbabilities(regulation);

  it("moves each regulation tie to a one-goal win, home with the overtime probability; mass is kept", () => {
    expect(final.maxGoals).toBe(regulation.maxGoals + 1);
    const sum = Array.from(final.probabilities).reduce((s, x) => s + x, 0);
    expect(sum).toBeCloseTo(1, 12);
    const p = threeWayProbabilities(final);
    expect(p.draw).toBe(0);
    expect([p.home, p.away]).toEqual(twoWayFromRegulation(reg, 0.55).map((x) => expect.closeTo(x, 14)));
    expect(scoreProbability(final, 3, 2)).toBeCloseTo(
      scoreProbability(regulation, 3, 2) + 0.55 * scoreProbability(regulation, 2, 2),
      15,
    );
    expect(scoreProbability(final, 2, 3)).toBeCloseTo(
      scoreProbability(regulation, 2, 3) + 0.45 * scoreProbability(regulation, 2, 2),
      15,
    );
  });

  it("prices the final's puck line and totals: a tie after regulation adds one goal to the total", () => {
    // −1.5 needs a two-goal win, which overtime never gives: regulation's two-goal wins exactly.
    let twoGoalWins = 0;
    for (let i = 0; i <= regulation.maxGoals; i++)
      for (let j = 0; j + 2 <= i; j++) twoGoalWins += scoreProbability(regulation, i, j);
    expect(handicapOutcome(final, "home", -1.5).win).toBeCloseTo(twoGoalWins, 14);
    // A tie's total is even, so over 5.5 is regulation's P(total ≥ 6) (a 2-2 tie ends on 5, still
    // under), while over 4.5 gains every 2-2 tie.
    const regTotals = totalGoalsDistribution(regulation).probabilities;
    const atLeast = (t: number) => regTotals.slice(t).reduce((s, x) => s + x, 0);
    expect(goalTotalOutcome(final, "over", 4.5).win).toBeCloseTo(
      atLeast(5) + scoreProbability(regulation, 2, 2),
      14,
    );
    expect(goalTotalOutcome(final, "over", 5.5).win).toBeCloseTo(atLeast(6), 14);
  });

  it("refuses an overtime probability outside [0, 1]", () => {
    expect(() => finalScoreMatrix(regulation, 1.2)).toThrow(/must lie in \[0, 1\], got 1.2/);
  });
});
