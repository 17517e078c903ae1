import { describe, expect, it } from "vitest";
import { compareForecasters, oneVsRest, scoreForecasts } from "./forecast-report.ts";

describe("scoreForecasts", () => {
  const three = [
    { probabilities: [0.5, 0.3, 0.2], outcome: 0 },
    { probabilities: [0.2, 0.3, 0.5], outcome: 1 },
  ];
  it("three-way by hand: Brier, log loss, accuracy, pooled calibration", () => {
    const s = scoreForecasts(three);
    // (0.25 + 0.09 + 0.04 + 0.04 + 0.49 + 0.25) / 2 = 0.58
    expect(s.brier).toBeCloseTo(0.58, 15);
    expect(s.logLoss).toBeCloseTo(-(Math.log(0.5) + Math.log(0.3)) / 2, 15);
    expect(s.accuracy).toBe(0.5);
    expect(s.binaryBrier).toBeUndefined();
    // Six pooled outcome forecasts; the two 0.3s fall in the fourth decile, one happened.
    expect(s.calibration.reduce((n, b) => n + b.count, 0)).toBe(6);
    expect(s.calibration[3]).toMatchObject({ count: 2, observedRate: 0.5 });
  });
  it("two-way: the binary Brier is half the multi-class one", () => {
    const s = scoreForecasts([{ probabilities: [0.7, 0.3], outcome: 1 }]);
    expect(s.brier).toBeCloseTo(0.98, 15);
    expect(s.binaryBrier).toBeCloseTo(0.49, 15);
  });
  it("rejects malformed forecasts, naming them", () => {
    expect(() => scoreForecasts([{ probabilities: [0.7, 0.4], outcome: 0 }], { name: "blend" })).toThrow(
      /blend: forecast 1: probabilities sum to 1.1/,
    );
    expect(() => scoreForecasts([{ probabilities: [0.7, 0.3], outcome: 2 }])).toThrow(/outcome 2 is not/);
    expect(() => scoreForecasts([])).toThrow(/no forecasts/);
  });
});

describe("oneVsRest and compareForecasters", () => {
  it("one outcome, or all pooled", () => {
    const f = [{ probabilities: [0.6, 0.25, 0.15], outcome: 2 }];
    expect(oneVsRest(f, 1)).toEqual([{ probability: 0.25, outcome: 0 }]);
    expect(oneVsRest(f).map((b) => b.outcome)).toEqual([0, 0, 1]);
  });
  it("scores forecasters on the same games, and refuses different games", () => {
    const model = [{ probabilities: [0.6, 0.4], outcome: 0 }];
    const market = [{ probabilities: [0.5, 0.5], outcome: 0 }];
    const r = compareForecasters({ model, market });
    expect(r.model!.brier).toBeLessThan(r.market!.brier);
    expect(() => compareForecasters({ model, market: [...market, ...market] })).toThrow(/not the same games/);
    expect(() => compareForecasters({ model, market: [{ probabilities: [0.5, 0.5], outcome: 1 }] })).toThrow(
      /game 1: "market" has outcome 1/,
    );
  });
});
