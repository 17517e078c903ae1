import { Decimal } from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cashBalance, markToFair, valuePortfolio } from "./valuation.ts";

const D = (x: string | number) => new Decimal(x);

describe("portfolio valuation", () => {
  it("values cash, open bets at the fair price and settled results", () => {
    const ledger = [
      { stake: D(100), result: D(110) }, // won at 2.10
      { stake: D(50), result: D(-50) }, // lost
      { stake: D(20), result: null }, // open at 2.50
      { stake: D("66.60"), result: null }, // open Kalshi: 100 contracts at $0.65 + $1.60 fee
    ];
    const cash = cashBalance(D(1000), ledger);
    expect(cash.toString()).toBe("973.4"); // 1000 − 100 + 210 − 50 − 20 − 66.60
    const v = valuePortfolio({
      cash,
      open: [
        { stake: D(20), payout: D(50), fairProbability: 0.45 },
        { stake: D("66.60"), payout: D(100), fairProbability: 0.7 },
      ],
      settled: ledger.filter((b) => b.result !== null) as Array<{ stake: Decimal; result: Decimal }>,
    });
    expect(v.cashBalance.toFixed(2)).toBe("973.40");
    expect(v.investedAmount.toFixed(2)).toBe("86.60");
    expect(v.unrealizedPnl.toFixed(2)).toBe("5.90"); // (22.50 − 20) + (70 − 66.60)
    expect(v.realizedPnl.toFixed(2)).toBe("60.00");
    expect(v.totalValue.toFixed(2)).toBe("1065.90"); // 973.40 + 22.50 + 70
  });
  it("rejects impossible positions", () => {
    expect(() => markToFair({ stake: D(10), payout: D(20), fairProbability: 1.5 })).toThrow(
      /fair probability/,
    );
    expect(() => markToFair({ stake: D(10), payout: D(5), fairProbability: 0.5 })).toThrow(/payout ≥ stake/);
  });
  it("property: total = cash + invested + unrealized exactly (cash and stakes are whole cents)", () => {
    const pos = fc.record({
      stake: fc.integer({ min: 0, max: 1e6 }).map((c) => D(c).div(100)),
      odds: fc.integer({ min: 101, max: 2000 }).map((c) => D(c).div(100)),
      fairProbability: fc.double({ min: 0, max: 1, noNaN: true }),
    });
    fc.assert(
      fc.property(fc.array(pos, { maxLength: 20 }), fc.integer({ min: 0, max: 1e8 }), (ps, c) => {
        const v = valuePortfolio({
          cash: D(c).div(100),
          open: ps.map((p) => ({
            stake: p.stake,
            payout: p.stake.times(p.odds),
            fairProbability: p.fairProbability,
          })),
          settled: [],
        });
        const parts = v.cashBalance.plus(v.investedAmount).plus(v.unrealizedPnl);
        expect(v.totalValue.equals(parts)).toBe(true);
      }),
    );
  });
});
