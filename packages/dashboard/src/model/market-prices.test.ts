import { describe, expect, it } from "vitest";
import { marketPrices, outcomeSide } from "./market-prices.ts";

const q = (bookmaker: string, outcome: string, price: string, lastUpdate = "2026-12-01T10:00:00Z") => ({
  bookmaker,
  outcome,
  price,
  lastUpdate,
});

describe("marketPrices", () => {
  it("takes the longest price per outcome and de-vigs each book's latest quotes", () => {
    const prices = marketPrices([
      q("A", "home_team_win", "1.9000"),
      q("A", "away_team_win", "1.9000"),
      q("B", "home_team_win", "2.0500"),
      q("B", "away_team_win", "1.8000"),
      // An older, longer quote of A on home is superseded by its latest one.
      q("A", "home_team_win", "3.0000", "2026-12-01T08:00:00Z"),
    ]);
    expect(prices.map((p) => [p.outcome, p.best.price, p.best.bookmaker])).toEqual([
      ["home_team_win", "2.0500", "B"],
      ["away_team_win", "1.9000", "A"],
    ]);
    // Multiplicative de-vig per book, then the mean: A is 50/50; B is (1/2.05, 1/1.8) normalised.
    const bHome = 1 / 2.05 / (1 / 2.05 + 1 / 1.8);
    expect(prices[0]!.fair).toBeCloseTo((0.5 + bHome) / 2, 12);
    expect(prices[0]!.fair! + prices[1]!.fair!).toBeCloseTo(1, 12);
  });

  it("orders home, draw, away and has no fair price without a complete book", () => {
    const prices = marketPrices([
      q("A", "away_team_win", "3.1"),
      q("A", "draw", "3.3"),
      q("B", "home_team_win", "2.2"),
    ]);
    expect(prices.map((p) => p.outcome)).toEqual(["home_team_win", "draw", "away_team_win"]);
    expect(prices.every((p) => p.fair === null)).toBe(true);
    expect(outcomeSide("away_team_win")).toBe("away");
    expect(outcomeSide("over")).toBeNull();
  });
});
