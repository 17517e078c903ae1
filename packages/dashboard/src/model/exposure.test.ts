import { describe, expect, it } from "vitest";
import { exposureByVenue } from "./exposure.ts";

describe("exposureByVenue", () => {
  it("sums stakes and payouts per bookmaker exactly, largest stake first", () => {
    const rows = exposureByVenue([
      { bookmaker: "Paper", stake: "0.10", potentialPayout: "0.30" },
      { bookmaker: "BetMGM", stake: "25.00", potentialPayout: "52.50" },
      { bookmaker: "Paper", stake: "0.20", potentialPayout: null },
    ]);
    expect(rows.map((r) => [r.bookmaker, r.bets, r.stake.toFixed(2), r.potentialPayout.toFixed(2)])).toEqual([
      ["BetMGM", 1, "25.00", "52.50"],
      ["Paper", 2, "0.30", "0.30"],
    ]);
  });
});
