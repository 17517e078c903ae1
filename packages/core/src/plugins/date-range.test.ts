import { describe, expect, it } from "vitest";
import { addDays, calendarDayIn, eachDay } from "./date-range.ts";

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
