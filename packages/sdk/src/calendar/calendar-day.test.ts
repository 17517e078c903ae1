import { describe, expect, it } from "vitest";
import {
  addDays,
  assertCalendarDay,
  calendarDayIn,
  calendarDaySchema,
  daysBetween,
  eachDay,
  instantInZone,
  isCalendarDay,
  nextDay,
  utcDay,
  weekday,
} from "./calendar-day.ts";

describe("date ranges", () => {
  it("lists each day inclusively across a month end", () => {
    expect(eachDay({ from: "2024-02-28", to: "2024-03-01" })).toEqual([
      "2024-02-28",
      "2024-02-29",
      "2024-03-01",
    ]);
    expect(addDays("2025-10-07", 7)).toBe("2025-10-14");
  });

  it("rejects reversed and impossible ranges", () => {
    expect(() => eachDay({ from: "2024-03-02", to: "2024-03-01" })).toThrow("from is after to");
    expect(() => eachDay({ from: "2024-02-30", to: "2024-03-01" })).toThrow("not a real calendar day");
  });

  it("finds the league-local day of a UTC instant", () => {
    const sundayNight = new Date("2022-09-12T00:20:00Z");
    expect(calendarDayIn(sundayNight, "America/New_York")).toBe("2022-09-11");
    expect(calendarDayIn(sundayNight, "Europe/London")).toBe("2022-09-12");
  });
});

describe("calendar days", () => {
  it("accepts real days only, within the supported years", () => {
    expect(isCalendarDay("2024-02-29")).toBe(true);
    expect(isCalendarDay("2023-02-29")).toBe(false);
    expect(isCalendarDay("2024-2-1")).toBe(false);
    expect(calendarDaySchema.safeParse("0000-01-01").success).toBe(false);
    expect(calendarDaySchema.safeParse("9999-12-31").success).toBe(false);
    expect(() => assertCalendarDay("2024-13-01", "from")).toThrow(
      'from: "2024-13-01" is not a real calendar day',
    );
  });

  it("counts and steps days across years and time changes", () => {
    expect(daysBetween("2023-12-30", "2024-01-02")).toBe(3);
    expect(daysBetween("2024-01-02", "2023-12-30")).toBe(-3);
    expect(nextDay("2024-03-09")).toBe("2024-03-10");
    expect(addDays("2024-03-01", -1)).toBe("2024-02-29");
    expect(weekday("2026-12-06")).toBe(0);
    expect(utcDay(new Date("2026-12-02T23:59:59Z"))).toBe("2026-12-02");
  });
});

describe("calendar days by the Gregorian rule", () => {
  it("accepts real days only, leap days included", () => {
    for (const d of ["2024-02-29", "2000-02-29", "1999-12-31", "2023-01-01"])
      expect(() => assertCalendarDay(d, "d")).not.toThrow();
    for (const d of ["2023-02-29", "1900-02-29", "2024-04-31", "2024-13-01", "2024-00-10", "2024-01-00"]) {
      expect(() => assertCalendarDay(d, "d")).toThrow(`d: "${d}" is not a real calendar day`);
    }
    for (const d of ["2024-1-01", "20240101", "2024-01-01T00:00", ""]) {
      expect(() => assertCalendarDay(d, "d")).toThrow("is not a date in YYYY-MM-DD form");
    }
  });
  it("counts days across months, leap years and backwards", () => {
    expect(daysBetween("2023-08-11", "2024-05-19")).toBe(282);
    expect(daysBetween("2024-03-01", "2024-02-28")).toBe(-2);
    expect(nextDay("2024-02-28")).toBe("2024-02-29");
  });
});

describe("wall-clock times to UTC", () => {
  it("converts UK kick-offs across British Summer Time", () => {
    expect(instantInZone("2023-08-11", "20:00", "Europe/London").toISOString()).toBe(
      "2023-08-11T19:00:00.000Z",
    );
    // BST ends at 01:00 UTC on 29 October 2023: the 28th is still summer time, the 29th is not.
    expect(instantInZone("2023-10-28", "15:00", "Europe/London").toISOString()).toBe(
      "2023-10-28T14:00:00.000Z",
    );
    expect(instantInZone("2023-10-29", "14:00", "Europe/London").toISOString()).toBe(
      "2023-10-29T14:00:00.000Z",
    );
    expect(instantInZone("2024-03-30", "15:00", "Europe/London").toISOString()).toBe(
      "2024-03-30T15:00:00.000Z",
    );
    expect(instantInZone("2024-03-31", "16:30", "Europe/London").toISOString()).toBe(
      "2024-03-31T15:30:00.000Z",
    );
  });

  it("converts US Eastern times on both sides of a clock change", () => {
    expect(instantInZone("2023-03-12", "03:30", "America/New_York").toISOString()).toBe(
      "2023-03-12T07:30:00.000Z",
    );
    expect(instantInZone("2023-11-05", "03:30", "America/New_York").toISOString()).toBe(
      "2023-11-05T08:30:00.000Z",
    );
    expect(instantInZone("2007-10-30", "19:00", "America/New_York").toISOString()).toBe(
      "2007-10-30T23:00:00.000Z",
    );
  });
});
