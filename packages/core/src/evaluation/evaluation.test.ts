import { Decimal } from "decimal.js";
import { describe, expect, it } from "vitest";
import { datasets, has, readCsv } from "../elo/dataset-files.test-helpers.ts";
import { betYield, closingLineValue, equityCurve, maxDrawdown, returnOnBankroll } from "./betting-metrics.ts";
import {
  accuracy,
  type BinaryForecast,
  brierScore,
  calibrationTable,
  categoricalAccuracy,
  categoricalBrier,
  categoricalLogLoss,
  logLoss,
} from "./forecast-metrics.ts";

const D = (x: string | number) => new Decimal(x);

describe("forecast metrics by hand", () => {
  const f: BinaryForecast[] = [
    { probability: 0.8, outcome: 1 },
    { probability: 0.3, outcome: 1 },
    { probability: 0.5, outcome: 0 },
  ];
  it("Brier, log loss, accuracy", () => {
    expect(brierScore(f)).toBeCloseTo((0.04 + 0.49 + 0.25) / 3, 15);
    expect(logLoss(f)).toBeCloseTo(-(Math.log(0.8) + Math.log(0.3) + Math.log(0.5)) / 3, 15);
    expect(accuracy(f)).toBeCloseTo(1 / 3, 15);
    expect(() => brierScore([{ probability: 1.2, outcome: 1 }])).toThrow(/forecast 1/);
    expect(() => brierScore([])).toThrow(/No forecasts/);
  });
  it("calibration table by decile", () => {
    const t = calibrationTable([...f, { probability: 1, outcome: 1 }, { probability: 0.85, outcome: 0 }]);
    expect(t).toHaveLength(10);
    expect(t[8]).toMatchObject({ count: 2, observedRate: 0.5 });
    expect(t[8]!.meanProbability).toBeCloseTo(0.825, 15);
    expect(t[9]).toMatchObject({ count: 1, observedRate: 1 });
    expect(t[0]!.count).toBe(0);
    expect(t.reduce((s, b) => s + b.count, 0)).toBe(5);
  });
  it("categorical metrics", () => {
    const c = [{ probabilities: [0.5, 0.3, 0.2], outcome: 1 }];
    expect(categoricalBrier(c)).toBeCloseTo(0.25 + 0.49 + 0.04, 15);
    expect(categoricalLogLoss(c)).toBeCloseTo(-Math.log(0.3), 15);
    expect(categoricalAccuracy(c)).toBe(0);
  });
});

// 538's own published-probability accuracy, computed in shared notes §1.
describe.skipIf(!has(datasets.nflGames))("538 NFL elo_prob1 1920–2020 (ties excluded): notes §1.7", () => {
  it("n 16,494, Brier 0.2117, log loss 0.6109, 66.6% correct", () => {
    const f = readCsv(datasets.nflGames)
      .filter((r) => r.score1 !== r.score2)
      .map(
        (r) =>
          ({
            probability: Number(r.elo_prob1),
            outcome: Number(r.score1) > Number(r.score2) ? 1 : 0,
          }) as const,
      );
    expect(f).toHaveLength(16_494);
    expect(brierScore(f)).toBeCloseTo(0.2117, 4);
    expect(logLoss(f)).toBeCloseTo(0.6109, 4);
    // The notes print 66.6%; the exact share is 10,976 / 16,494 = 66.55% (one game has p = 0.5).
    expect(Math.abs(accuracy(f) - 0.666)).toBeLessThan(1e-3);
  });
});

describe.skipIf(!has(datasets.nhl2023))("538 NHL 2022-23: notes §1.5", () => {
  it("n 1,400, Brier 0.2378, log loss 0.6682, 59.9% correct", () => {
    const f = readCsv(datasets.nhl2023).map(
      (r) =>
        ({
          probability: Number(r.home_team_winprob),
          outcome: Number(r.home_team_score) > Number(r.away_team_score) ? 1 : 0,
        }) as const,
    );
    expect(brierScore(f)).toBeCloseTo(0.2378, 4);
    expect(logLoss(f)).toBeCloseTo(0.6682, 4);
    expect(accuracy(f)).toBeCloseTo(0.599, 3);
  });
});

describe("betting metrics", () => {
  const bets = [
    { stake: D(10), result: D(11) },
    { stake: D(10), result: D(-10) },
    { stake: D(20), result: D(-20) },
    { stake: D(5), result: D(0) },
  ];
  it("yield = profit / turnover; ROI = profit / starting bankroll", () => {
    expect(betYield(bets)!.toString()).toBe(D(-19).div(45).toString());
    expect(betYield([])).toBeNull();
    expect(returnOnBankroll(bets, D(100)).toString()).toBe("-0.19");
  });
  it("maximum drawdown of the equity curve", () => {
    const curve = equityCurve(D(100), bets);
    expect(curve.map(String)).toEqual(["100", "111", "101", "81", "81"]);
    const dd = maxDrawdown(curve);
    expect(dd.maxDrawdown.toString()).toBe(D(30).div(111).toString());
    expect([dd.peakIndex, dd.troughIndex]).toEqual([1, 3]);
    expect(maxDrawdown([D(1), D(2), D(3)]).maxDrawdown.isZero()).toBe(true);
  });
  it("CLV: 2.40 against a fair close of 2.25 is +6.67% (oddscipher example)", () => {
    // A two-way close with no margin, so the fair odds of outcome 0 are exactly 2.25.
    expect(closingLineValue(2.4, [2.25, 1.8], 0)).toBeCloseTo(0.0666667, 6);
    // With margin, the close is de-vigged first: 1.91/1.91 → fair 2.00.
    expect(closingLineValue(2.1, [1.91, 1.91], 1)).toBeCloseTo(0.05, 12);
  });
});
