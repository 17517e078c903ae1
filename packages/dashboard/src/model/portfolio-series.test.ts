import { describe, expect, it } from "vitest";
import { portfolioSeries } from "./portfolio-series.ts";

const snap = (hour: number, totalValue: string, realizedPnl: string | null = "0.00") => ({
  snapshotTime: `2026-12-01T${String(hour).padStart(2, "0")}:00:00.000Z`,
  totalValue,
  realizedPnl,
  unrealizedPnl: null,
});

describe("portfolioSeries", () => {
  it("orders snapshots by time and plots their values in unix seconds", () => {
    const s = portfolioSeries([snap(2, "1010.00"), snap(1, "1000.00", null)]);
    expect(s.times).toEqual([
      Date.parse("2026-12-01T01:00:00Z") / 1000,
      Date.parse("2026-12-01T02:00:00Z") / 1000,
    ]);
    expect(s.totalValue).toEqual([1000, 1010]);
    expect(s.realizedPnl).toEqual([null, 0]);
  });

  it("measures drawdown from the running peak, exactly", () => {
    const s = portfolioSeries([
      snap(0, "1000.00"),
      snap(1, "1100.10"),
      snap(2, "990.09"),
      snap(3, "1050.00"),
      snap(4, "1200.00"),
      snap(5, "1150.00"),
    ]);
    expect(s.drawdown).toEqual([0, 0, -110.01, -50.1, 0, -50]);
    expect(s.maxDrawdown.amount.toFixed(2)).toBe("-110.01");
    expect(s.maxDrawdown.fraction).toBeCloseTo(-110.01 / 1100.1, 12);
    expect(s.maxDrawdown.at).toBe("2026-12-01T02:00:00.000Z");
  });

  it("has no drawdown for a rising or empty curve", () => {
    expect(portfolioSeries([snap(0, "1"), snap(1, "2")]).maxDrawdown.amount.isZero()).toBe(true);
    expect(portfolioSeries([]).times).toEqual([]);
  });
});
