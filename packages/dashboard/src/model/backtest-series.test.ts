import { describe, expect, it } from "vitest";
import { calibrationSeries, equitySeries } from "./backtest-series.ts";

describe("backtest series", () => {
  it("orders the equity curve by day, at each day's UTC midnight, bankrolls exact to the cent", () => {
    const s = equitySeries([
      { day: "2024-09-15", bankroll: "1012.34" },
      { day: "2024-09-08", bankroll: "990.10" },
    ]);
    expect(s.times).toEqual([Date.UTC(2024, 8, 8) / 1000, Date.UTC(2024, 8, 15) / 1000]);
    expect(s.bankroll).toEqual([990.1, 1012.34]);
  });

  it("puts every forecaster on the buckets' midpoints, empty buckets as gaps, beside the diagonal", () => {
    const bucket = (lower: number, count: number, observedRate: number | null) => ({
      lower,
      upper: lower + 0.5,
      count,
      observedRate,
    });
    const s = calibrationSeries(
      [
        { forecaster: "model", calibration: [bucket(0, 3, 0.33), bucket(0.5, 0, null)] },
        { forecaster: "market", calibration: [bucket(0, 2, 0.5), bucket(0.5, 4, 0.75)] },
      ],
      { market: "Market" },
    );
    expect(s.x).toEqual([0.25, 0.75]);
    expect(s.series.map((x) => x.label)).toEqual(["Perfect calibration", "model", "Market"]);
    expect(s.series.map((x) => x.values)).toEqual([
      [0.25, 0.75],
      [0.33, null],
      [0.5, 0.75],
    ]);
    expect(calibrationSeries([])).toEqual({ x: [], series: [] });
  });
});
