import { SPORTSBOOK_RULES } from "@edgeline/sdk";
import { Decimal } from "decimal.js";
import { describe, expect, it } from "vitest";
import { edgeAtPrice, minAcceptableOdds } from "./price-check.ts";

describe("the price check", () => {
  it("scales the edge with the price (p × odds − 1 at a book)", () => {
    // p = 0.5: edge 0.20 at 2.40; at 2.00 it is 0, at 2.60 0.30.
    expect(edgeAtPrice(0.2, 2.4, 2.0, SPORTSBOOK_RULES)).toBeCloseTo(0, 12);
    expect(edgeAtPrice(0.2, 2.4, 2.6, SPORTSBOOK_RULES)).toBeCloseTo(0.3, 12);
  });

  it("the minimum acceptable odds keep the minimum edge, to the tick, never above the price", () => {
    expect(minAcceptableOdds(0.2, new Decimal("2.4"), 0.02, SPORTSBOOK_RULES).toFixed(4)).toBe("2.0400");
    // 1.03 / 0.45 = 2.28888…: one tick up keeps the edge.
    expect(minAcceptableOdds(0.08, new Decimal("2.4"), 0.03, SPORTSBOOK_RULES).toFixed(4)).toBe("2.2889");
    expect(minAcceptableOdds(0.01, new Decimal("2.4"), 0.02, SPORTSBOOK_RULES).toFixed(4)).toBe("2.4000");
  });
});
