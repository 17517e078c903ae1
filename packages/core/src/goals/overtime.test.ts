import { describe, expect, it } from "vitest";
import {
  type ExtraTimeGame,
  fitConstantOvertime,
  fitLogisticOvertime,
  fitOvertimeModel,
  overtimeHomeProbability,
  regulationStrength,
  twoWayFromRegulation,
} from "./overtime.ts";
import { dixonColesScoreMatrix, threeWayProbabilities } from "./score-matrix.ts";

/** A deterministic uniform stream (mulberry32): the same games on every run. */
function uniforms(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

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
