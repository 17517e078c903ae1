import { Decimal } from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { gradeSpread, gradeTotal, splitLine } from "./lines.ts";
import { type BetMarket, settleBet } from "./settle.ts";

describe("splitLine", () => {
  it("whole and half lines stay whole; quarter lines split into their two neighbours", () => {
    expect(splitLine(-3)).toEqual([-3]);
    expect(splitLine(2.5)).toEqual([2.5]);
    expect(splitLine(-0.25)).toEqual([-0.5, 0]);
    expect(splitLine(2.75)).toEqual([2.5, 3]);
    expect(splitLine(-1.75)).toEqual([-2, -1.5]);
    expect(() => splitLine(0.1)).toThrow(/multiple of 0.25, got 0.1/);
    expect(() => splitLine(Number.NaN)).toThrow(/multiple of 0.25/);
  });
});

describe("gradeSpread and gradeTotal", () => {
  it("half lines never push", () => {
    expect(gradeSpread(4, -3.5)).toBe(1);
    expect(gradeSpread(3, -3.5)).toBe(-1);
    expect(gradeTotal(3, "over", 2.5)).toBe(1);
    expect(gradeTotal(2, "over", 2.5)).toBe(-1);
    expect(gradeTotal(2, "under", 2.5)).toBe(1);
  });
  it("whole lines push on the number", () => {
    expect(gradeSpread(3, -3)).toBe(0);
    expect(gradeSpread(-3, 3)).toBe(0);
    expect(gradeSpread(0, 0)).toBe(0); // draw no bet
    expect(gradeTotal(3, "over", 3)).toBe(0);
    expect(gradeTotal(3, "under", 3)).toBe(0);
  });
  it("Asian quarter lines: half the stake on each neighbour", () => {
    // −0.25: ½ on 0 (push on a draw) and ½ on −0.5 (loss on a draw).
    expect(gradeSpread(0, -0.25)).toBe(-0.5);
    expect(gradeSpread(1, -0.25)).toBe(1);
    // +0.25 on a draw: ½ on 0 pushes, ½ on +0.5 wins.
    expect(gradeSpread(0, 0.25)).toBe(0.5);
    // −1.25 winning by one: ½ on −1 pushes, ½ on −1.5 loses.
    expect(gradeSpread(1, -1.25)).toBe(-0.5);
    // over 2.25 with 2 goals: ½ on 2 pushes, ½ on 2.5 loses; with 3 both win.
    expect(gradeTotal(2, "over", 2.25)).toBe(-0.5);
    expect(gradeTotal(3, "over", 2.25)).toBe(1);
    // over 2.75 with 3 goals: ½ on 2.5 wins, ½ on 3 pushes; under 2.75 is the mirror.
    expect(gradeTotal(3, "over", 2.75)).toBe(0.5);
    expect(gradeTotal(3, "under", 2.75)).toBe(-0.5);
  });
  it("a quarter line's grade is the mean of its two halves' grades (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: -20, max: 20 }), fc.integer({ min: -40, max: 40 }), (m, q) => {
        const line = q / 4;
        const parts = splitLine(line);
        const mean = parts.reduce((s, l) => s + gradeSpread(m, l), 0) / parts.length;
        expect(gradeSpread(m, line)).toBe(mean);
      }),
    );
  });
});

describe("settling quarter and half lines with Decimal money", () => {
  const final = (h: number, a: number) => ({
    status: "Final" as const,
    homeScore: h,
    awayScore: a,
    scheduledStart: new Date("2024-01-01T15:00:00Z"),
  });
  const now = new Date("2024-01-02T00:00:00Z");
  const settle = (market: BetMarket, h: number, a: number, stake = "33.33", odds = "1.95") =>
    settleBet({ stake: new Decimal(stake), odds: new Decimal(odds), market }, final(h, a), now);

  it("half win pays half the stake at the odds, to the cent", () => {
    // £33.33 on over 2.75 at 1.95, 3 goals: ½ × 33.33 × 0.95 = 15.83175 → 15.83.
    const s = settle({ kind: "total", selection: "over", line: 2.75 }, 2, 1);
    expect([s.status, s.result!.toFixed(2)]).toEqual(["half-won", "15.83"]);
  });
  it("half loss costs half the stake", () => {
    const s = settle({ kind: "total", selection: "over", line: 2.25 }, 1, 1);
    expect([s.status, s.result!.toFixed(2)]).toEqual(["half-lost", "-16.67"]);
  });
  it("away +0.25 on a draw is a half win; on a loss a full loss", () => {
    expect(settle({ kind: "spread", selection: "away", line: 0.25 }, 1, 1).status).toBe("half-won");
    const lost = settle({ kind: "spread", selection: "away", line: 0.25 }, 2, 1);
    expect([lost.status, lost.result!.toFixed(2)]).toEqual(["lost", "-33.33"]);
  });
});
