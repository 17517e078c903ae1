import { describe, expect, it } from "vitest";
import {
  addDays,
  dateTime,
  money,
  odds,
  oddsFloor,
  percent,
  rating,
  signedMoney,
  utcToday,
} from "./format.ts";

describe("format", () => {
  it("shows an odds floor rounded up, so the price shown clears it", () => {
    expect([oddsFloor("2.2105"), oddsFloor("2.2000"), oddsFloor(null)]).toEqual(["2.22", "2.20", "—"]);
  });

  it("shows money exactly, with two decimals, grouping and sign", () => {
    expect(money("1234.5")).toBe("$1,234.50");
    expect(money("0.005")).toBe("$0.01");
    expect(money("-12")).toBe("−$12.00");
    expect(money("-0.001")).toBe("$0.00");
    expect(money("1000000.10")).toBe("$1,000,000.10");
    // 0.1 + 0.2 in floats is 0.30000000000000004; the Decimal strings never go through a float.
    expect(money("0.30")).toBe("$0.30");
    expect(signedMoney("3.1")).toBe("+$3.10");
    expect(signedMoney("-3.1")).toBe("−$3.10");
    expect(signedMoney("0")).toBe("$0.00");
    expect(money(null)).toBe("—");
  });

  it("shows decimal odds with two decimals and probabilities as percentages", () => {
    expect(odds("2.2700")).toBe("2.27");
    expect(odds(3.016)).toBe("3.02");
    expect(percent("0.2799")).toBe("28.0 %");
    expect(percent(0.52345, 2)).toBe("52.35 %");
    expect(percent(null)).toBe("—");
    expect(rating("1512.345")).toBe("1512.3");
  });

  it("shows instants in UTC and steps calendar days", () => {
    expect(dateTime("2026-12-02T17:08:19.794Z")).toBe("2026-12-02 17:08 UTC");
    expect(utcToday(new Date("2026-12-02T23:59:59Z"))).toBe("2026-12-02");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
  });
});
