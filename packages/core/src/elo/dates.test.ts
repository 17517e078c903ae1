import { describe, expect, it } from "vitest";
import { assertIsoDate, daysBetween, nextDay } from "./dates.ts";

describe("calendar dates", () => {
  it("accepts real dates only, leap days by the Gregorian rule", () => {
    for (const d of ["2024-02-29", "2000-02-29", "1999-12-31", "2023-01-01"])
      expect(() => assertIsoDate(d, "d")).not.toThrow();
    for (const d of ["2023-02-29", "1900-02-29", "2024-04-31", "2024-13-01", "2024-00-10", "2024-01-00"]) {
      expect(() => assertIsoDate(d, "d")).toThrow(`d: "${d}" is not a real calendar date`);
    }
    for (const d of ["2024-1-01", "20240101", "2024-01-01T00:00", ""]) {
      expect(() => assertIsoDate(d, "d")).toThrow("is not a date in YYYY-MM-DD form");
    }
  });
  it("counts days across months, leap years and backwards", () => {
    expect(daysBetween("2023-08-11", "2024-05-19")).toBe(282); // the reference fit's oldest weight
    expect(daysBetween("2024-03-01", "2024-02-28")).toBe(-2);
    expect(nextDay("2024-02-28")).toBe("2024-02-29");
  });
});
