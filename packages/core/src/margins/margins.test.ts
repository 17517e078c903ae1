import { describe, expect, it } from "vitest";
import { datasets, has, noteIfMissing, readCsv } from "../elo/dataset-files.test-helpers.ts";
import {
  type DiscreteDistribution,
  discreteNormal,
  distributionMean,
  probabilityOf,
} from "./distribution.ts";
import { eloSpreadOutcome, eloTotalOutcome, expectedMargin } from "./elo-margin.ts";
import { fitEloMarginModel } from "./fit-margin.ts";
import { effectiveProbability, spreadOutcome, stakeAtRisk, totalOutcome } from "./line-probabilities.ts";
import { erfc, normalCdf } from "./normal.ts";
import { nbaMarginModel, nflMarginModel } from "./presets.ts";

const sum = (d: DiscreteDistribution) => d.probabilities.reduce((s, p) => s + p, 0);

describe("normalCdf", () => {
  it("matches the C library's erfc (Python math.erfc) to 1e-15", () => {
    const cases: Array<[number, number]> = [
      [1, 0.8413447460685429],
      [-1.96, 0.024997895148220435],
      [3, 0.9986501019683699],
      [0.3, 0.6179114221889526],
      [-2.7, 0.003466973803040668],
      [8, 0.9999999999999993],
    ];
    for (const [x, p] of cases) expect(Math.abs(normalCdf(x) - p)).toBeLessThan(1e-15);
    // Relative precision in the far tail, where the continued fraction works.
    expect(Math.abs(normalCdf(-5) / 2.866515718791946e-7 - 1)).toBeLessThan(1e-13);
    expect(erfc(0)).toBe(1);
  });
});

describe("discreteNormal", () => {
  it("sums to 1, is centred on the mean, and can exclude ties or values below a floor", () => {
    const d = discreteNormal(3, 13.61);
    expect(sum(d)).toBeCloseTo(1, 14);
    expect(distributionMean(d)).toBeCloseTo(3, 10);
    // Hand-computed: P(margin = 3) = Φ(0.5/13.61) − Φ(−0.5/13.61).
    expect(probabilityOf(d, 3)).toBeCloseTo(0.029305845649344187, 15);
    const noTies = discreteNormal(0, 12, { zeroAllowed: false });
    expect(probabilityOf(noTies, 0)).toBe(0);
    expect(sum(noTies)).toBeCloseTo(1, 14);
    const total = discreteNormal(2, 3, { lowest: 0 });
    expect(total.min).toBe(0);
    expect(sum(total)).toBeCloseTo(1, 14);
    expect(() => discreteNormal(0, 0)).toThrow(/standard deviation must be > 0/);
  });
});

describe("line outcome probabilities on a hand-made margin distribution", () => {
  // P(home margin = −1, 0, 1, 2) = 0.2, 0.3, 0.1, 0.4.
  const d: DiscreteDistribution = { min: -1, probabilities: Float64Array.from([0.2, 0.3, 0.1, 0.4]) };
  it("half line: win or lose", () => {
    expect(spreadOutcome(d, "home", -0.5)).toEqual({ win: 0.5, halfWin: 0, push: 0, halfLoss: 0, loss: 0.5 });
  });
  it("whole lines push on the number", () => {
    const pk = spreadOutcome(d, "home", 0);
    expect(pk).toMatchObject({ win: 0.5, push: 0.3, loss: 0.2 });
    expect(effectiveProbability(pk)).toBeCloseTo(0.5 / 0.7, 15);
    const minusOne = spreadOutcome(d, "home", -1);
    expect(minusOne).toMatchObject({ win: 0.4, push: 0.1 });
    expect(minusOne.loss).toBeCloseTo(0.5, 15);
  });
  it("quarter lines split into half wins and half losses", () => {
    const q = spreadOutcome(d, "home", -0.25);
    expect(q).toMatchObject({ win: 0.5, halfLoss: 0.3, loss: 0.2, push: 0, halfWin: 0 });
    // −1.75 = ½ on −2 (push at 2) and ½ on −1.5 (win at 2).
    const q2 = spreadOutcome(d, "home", -1.75);
    expect(q2.halfWin).toBeCloseTo(0.4, 15);
    expect(q2.loss).toBeCloseTo(0.6, 15);
    // Away +0.25 mirrors home −0.25.
    const away = spreadOutcome(d, "away", 0.25);
    expect(away).toMatchObject({ win: 0.2, halfWin: 0.3, loss: 0.5 });
    // At risk: all but half of the half-won stakes.
    expect(stakeAtRisk(away)).toBeCloseTo(0.85, 15);
    expect(effectiveProbability(away)).toBeCloseTo(0.35 / 0.85, 15);
  });
  it("totals: over 1.5 / under 1.5 / whole line 1 on a total distribution", () => {
    const t: DiscreteDistribution = { min: 0, probabilities: Float64Array.from([0.25, 0.35, 0.4]) };
    expect(totalOutcome(t, "over", 1.5)).toMatchObject({ win: 0.4, loss: 0.6 });
    expect(totalOutcome(t, "under", 1)).toMatchObject({ win: 0.25, push: 0.35, loss: 0.4 });
    expect(totalOutcome(t, "over", 1.25)).toMatchObject({ win: 0.4, halfLoss: 0.35, loss: 0.25 });
  });
});

describe("Elo margin model (538's ELODIFF / 25 for the NFL)", () => {
  it("a 75-point Elo edge is a 3-point favourite; covering −3 needs 4 or more", () => {
    expect(expectedMargin(nflMarginModel, 75)).toBe(3);
    const o = eloSpreadOutcome(nflMarginModel, 75, "home", -3);
    // Hand-computed: P(push) = Φ(0.5/13.61) − Φ(−0.5/13.61), P(win) = 1 − Φ(0.5/13.61).
    expect(o.push).toBeCloseTo(0.029305845649344187, 14);
    expect(o.win).toBeCloseTo(0.4853470771753279, 14);
    // The away side +3 is the mirror image.
    const away = eloSpreadOutcome(nflMarginModel, 75, "away", 3);
    expect(away.win).toBeCloseTo(o.loss, 14);
    expect(away.push).toBeCloseTo(o.push, 14);
  });
  it("NBA games cannot tie: no push on pick'em", () => {
    const o = eloSpreadOutcome(nbaMarginModel, 0, "home", 0);
    expect(o.push).toBe(0);
    expect(o.win).toBeCloseTo(0.5, 14);
  });
  it("totals: a normal about the expected total, cut at 0 and renormalised", () => {
    const sd = nflMarginModel.totalSd;
    const over = eloTotalOutcome(nflMarginModel, 44.5, "over", 44.5);
    // Half the normal lies above 44.5; the mass below −0.5 (a negative total) is cut.
    expect(over.win).toBeCloseTo(0.5 / (1 - normalCdf(-45 / sd)), 14);
    const whole = eloTotalOutcome(nflMarginModel, 44, "under", 44);
    expect(whole.push).toBeCloseTo(
      (normalCdf(0.5 / sd) - normalCdf(-0.5 / sd)) / (1 - normalCdf(-44.5 / sd)),
      14,
    );
  });
});

describe("fitEloMarginModel", () => {
  it("recovers a rule and spread built by hand", () => {
    // margins = ELODIFF/25 + residuals (±3) orthogonal to ELODIFF: slope exactly 1/25, RMS 3.
    const x = [50, -50, 100, -100];
    const r = [3, 3, -3, -3];
    const fit = fitEloMarginModel(x.map((e, i) => ({ eloDiff: e, margin: e / 25 + r[i]! })));
    expect(fit.eloPerPoint).toBeCloseTo(25, 12);
    expect(fit.marginSd).toBeCloseTo(3, 12);
    expect(
      fitEloMarginModel(
        [
          { eloDiff: 25, margin: 1 },
          { eloDiff: 0, margin: 2 },
        ],
        { eloPerPoint: 25 },
      ).marginSd,
    ).toBeCloseTo(Math.sqrt(2), 14);
    expect(() => fitEloMarginModel([{ eloDiff: 1, margin: 1 }])).toThrow(/at least 2 games/);
  });
});

noteIfMissing(datasets.nflGames);
describe.skipIf(!has(datasets.nflGames))("the NFL preset refits on 538's nfl_games.csv 2000-2020", () => {
  it("eloPerPoint 25 (least squares 24.99) and marginSd 13.61", () => {
    const samples = readCsv(datasets.nflGames)
      .filter((r) => Number(r.season) >= 2000)
      .map((r) => ({
        eloDiff: Number(r.elo1) - Number(r.elo2) + (r.neutral === "1" ? 0 : 65),
        margin: Number(r.score1) - Number(r.score2),
      }));
    const free = fitEloMarginModel(samples);
    expect(Math.abs(free.eloPerPoint - nflMarginModel.eloPerPoint)).toBeLessThan(0.05);
    const fixed = fitEloMarginModel(samples, { eloPerPoint: 25 });
    expect(Math.abs(fixed.marginSd - nflMarginModel.marginSd)).toBeLessThan(0.005);
  });
});

noteIfMissing(datasets.nba2021);
describe.skipIf(!has(datasets.nba2021))("the NBA preset's spread refits on 538's 2020-21 file", () => {
  it("marginSd 14.52 at 28 Elo points per point", () => {
    const samples = readCsv(datasets.nba2021)
      .filter((r) => r.score1 !== "")
      .map((r) => ({
        eloDiff: Number(r.elo1_pre) - Number(r.elo2_pre) + (r.neutral === "1" ? 0 : 100),
        margin: Number(r.score1) - Number(r.score2),
      }));
    const fit = fitEloMarginModel(samples, { eloPerPoint: 28 });
    expect(Math.abs(fit.marginSd - nbaMarginModel.marginSd)).toBeLessThan(0.005);
  });
});
