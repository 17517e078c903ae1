import { describe, expect, it } from "vitest";
import { kellyFraction, lineKellyFraction } from "./kelly.ts";
import { edge, lineEdge } from "./value.ts";

const none = { halfWin: 0, push: 0, halfLoss: 0 };

describe("lineEdge", () => {
  it("without pushes it is p × odds − 1", () => {
    expect(lineEdge({ ...none, win: 0.55, loss: 0.45 }, 1.91)).toBeCloseTo(edge(0.55, 1.91), 15);
  });
  it("a push returns the stake; half grades count half", () => {
    // Whole line: 0.5 win, 0.1 push, 0.4 loss at 2.0 → 0.5 − 0.4 = 0.1.
    expect(lineEdge({ ...none, win: 0.5, push: 0.1, loss: 0.4 }, 2)).toBeCloseTo(0.1, 15);
    // Quarter line at 1.9: 0.4 win, 0.2 half win, 0.4 loss → 0.5 × 0.9 − 0.4 = 0.05.
    expect(lineEdge({ ...none, win: 0.4, halfWin: 0.2, loss: 0.4 }, 1.9)).toBeCloseTo(0.05, 15);
    expect(() => lineEdge({ ...none, win: 1.2, loss: 0 }, 2)).toThrow(/win probability must be in/);
  });
});

describe("lineKellyFraction", () => {
  it("without pushes it is the Kelly fraction", () => {
    expect(lineKellyFraction({ ...none, win: 0.55, loss: 0.45 }, 2.1)).toBeCloseTo(
      kellyFraction(0.55, 2.1),
      12,
    );
  });
  it("a whole line: (win·b − loss) / (b·(win + loss))", () => {
    const o = { ...none, win: 0.5, push: 0.1, loss: 0.4 };
    expect(lineKellyFraction(o, 2)).toBeCloseTo((0.5 - 0.4) / 0.9, 12);
  });
  it("a quarter line: the growth is highest at the fraction found", () => {
    const o = { win: 0.35, halfWin: 0.25, push: 0, halfLoss: 0, loss: 0.4 };
    const f = lineKellyFraction(o, 1.95);
    const growth = (x: number) =>
      o.win * Math.log(1 + x * 0.95) + o.halfWin * Math.log(1 + x * 0.475) + o.loss * Math.log(1 - x);
    expect(f).toBeGreaterThan(0);
    expect(growth(f)).toBeGreaterThan(growth(f - 1e-4));
    expect(growth(f)).toBeGreaterThan(growth(f + 1e-4));
    expect(lineKellyFraction({ ...none, win: 0.45, loss: 0.55 }, 2)).toBe(0);
  });
});
