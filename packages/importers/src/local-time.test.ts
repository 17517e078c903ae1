import { describe, expect, it } from "vitest";
import { instantInZone, weekday } from "./local-time.ts";

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

  it("names the weekday of a calendar day", () => {
    expect(weekday("2023-12-26")).toBe(2); // Tuesday
    expect(weekday("2023-08-11")).toBe(5); // Friday
  });
});
