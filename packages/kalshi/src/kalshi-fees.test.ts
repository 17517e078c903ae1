import { Decimal } from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { kalshiContractsFor, kalshiCost, kalshiFee, kalshiNetOdds } from "./kalshi-fees.ts";
import { kalshiPriceOf, kalshiRules } from "./kalshi-venue.ts";

const D = (x: string | number) => new Decimal(x);

describe("Kalshi fees (notes §5 table)", () => {
  const cases: Array<[number, string, string, string]> = [
    [1, "0.50", "0.02", "0.01"],
    [10, "0.50", "0.18", "0.05"],
    [100, "0.50", "1.75", "0.44"],
    [100, "0.25", "1.32", "0.33"],
    [100, "0.10", "0.63", "0.16"],
    [100, "0.05", "0.34", "0.09"],
  ];
  for (const [c, p, taker, maker] of cases) {
    it(`${c} @ $${p}: taker $${taker}, maker $${maker}`, () => {
      expect(kalshiFee(c, D(p), "taker").toFixed(2)).toBe(taker);
      expect(kalshiFee(c, D(p), "maker").toFixed(2)).toBe(maker);
    });
  }
  it("100 @ $0.65: fee $1.60, net odds 1.5015, break-even 66.6%", () => {
    expect(kalshiFee(100, D("0.65")).toFixed(2)).toBe("1.60");
    expect(kalshiNetOdds(100, D("0.65"))).toBeCloseTo(1.5015, 4);
    expect(kalshiCost(100, D("0.65")).div(100).toNumber()).toBeCloseTo(0.666, 3);
  });
  it("contracts for a budget never cost more than it", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 1, max: 99 }), (cents, p) => {
        const budget = D(cents).div(100);
        const price = D(p).div(100);
        const c = kalshiContractsFor(budget, price);
        expect(kalshiCost(c, price).lte(budget)).toBe(true);
        expect(kalshiCost(c + 1, price).gt(budget)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe("Kalshi venue rules", () => {
  it("buys whole contracts whose all-in cost fits the amount, at the quote's price", () => {
    const odds = D(1).div("0.65");
    expect(kalshiPriceOf(odds).toFixed(4)).toBe("0.6500");
    const k = kalshiRules.roundStake(D(20), odds);
    expect(k.contracts).toBe(30); // 30 × 0.65 + fee 0.48 = 19.98 ≤ 20; 31 would cost 20.64
    expect(k.stake.toString()).toBe("19.98");
    expect(k.fee?.toString()).toBe("0.48");
    expect(kalshiRules.payout(k, odds).toString()).toBe("30");
  });
  it("prices edge and Kelly net of the fee rate, below the gross odds", () => {
    const gross = 1 / 0.65;
    expect(kalshiRules.netOdds(gross)).toBeCloseTo(1 / (0.65 + 0.07 * 0.65 * 0.35), 12);
    expect(kalshiRules.netOdds(gross)).toBeLessThan(gross);
  });
  it("settles a tie at $0.50 a contract", () => {
    expect(kalshiRules.onTie).toEqual({ kind: "payout-fraction", fraction: 0.5 });
  });
});
