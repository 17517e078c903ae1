import { describe, expect, it } from "vitest";
import { checkScores, unshift } from "./sbr-scores.ts";

const s = (periods: number[], final: number) => ({ periods, final });

describe("SBR score checks", () => {
  it("accepts regulation results and overtime after a tied regulation", () => {
    expect(checkScores("spread-total", s([26, 23, 28, 20], 97), s([29, 30, 22, 25], 106))).toEqual({
      ok: true,
      extraTime: false,
    });
    expect(checkScores("spread-total", s([25, 25, 25, 25], 112), s([20, 30, 25, 25], 108))).toEqual({
      ok: true,
      extraTime: true,
    });
    // Hockey: the winner's final is its periods plus one (overtime goal or shootout).
    expect(checkScores("moneyline", s([2, 2, 0], 4), s([2, 1, 1], 5))).toEqual({ ok: true, extraTime: true });
  });

  it("refuses what does not add up, and never picks a winner", () => {
    expect(checkScores("spread-total", s([28, 19, 20, 18], 85), s([26, 14, 31, 21], 102))).toMatchObject({
      ok: false,
      blame: ["home"],
    });
    expect(checkScores("spread-total", s([27, 27, 22, 19], 95), s([29, 15, 32, 19], 95))).toMatchObject({
      ok: false,
      message: "a final tied at 95-95",
    });
    // The overtime goal alone in Final; a loser's final below its periods.
    expect(checkScores("moneyline", s([1, 1, 1], 1), s([1, 1, 1], 3)).ok).toBe(false);
    expect(checkScores("moneyline", s([0, 1, 0], 1), s([0, 0, 1], 0)).ok).toBe(false);
    // Two overtime goals in hockey: not a real result.
    expect(checkScores("moneyline", s([1, 1, 1], 5), s([1, 1, 1], 3)).ok).toBe(false);
  });

  it("reads a row shifted one cell right back only when the shifted numbers add up", () => {
    // nba odds 2007-08 row 496: 1st written twice, Final holds the 4th, Open the final.
    expect(unshift(s([35, 35, 25, 28], 21), 109)).toEqual(s([35, 25, 28, 21], 109));
    expect(unshift(s([35, 35, 25, 28], 21), 110)).toBeUndefined();
    expect(unshift(s([35, 30, 25, 28], 21), 109)).toBeUndefined();
  });
});
