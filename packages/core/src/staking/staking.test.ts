import { Decimal } from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allocateStakes, DEFAULT_STAKING_LIMITS, parseStakingLimits, roundStakeToVenue } from "./caps.ts";
import { kalshiContractsFor, kalshiCost, kalshiFee, kalshiNetOdds } from "./kalshi-fees.ts";
import { fractionalKelly, kellyFraction, kellyGrowth, simultaneousKelly } from "./kelly.ts";
import { kellyStake } from "./kelly-stake.ts";
import { edge, expectedValue } from "./value.ts";

const D = (x: string | number) => new Decimal(x);

describe("value", () => {
  it("edge and expected value", () => {
    expect(edge(0.55, 2.1)).toBeCloseTo(0.155, 15);
    expect(expectedValue(D(100), 0.55, 2.1).toString()).toBe("15.5");
    expect(() => edge(1.2, 2)).toThrow(/model probability/);
  });
});

describe("Kelly (penaltyblog bet_size.rst vectors)", () => {
  it("half Kelly at 2.1 with p 0.55 is 7.05%, growth 0.8177%", () => {
    const f = fractionalKelly(0.55, 2.1, 0.5);
    expect(f).toBeCloseTo(0.0704545, 6);
    expect(f.toFixed(4)).toBe("0.0705");
    expect(kellyGrowth(0.55, 2.1, f)).toBeCloseTo(0.008177, 6);
  });
  it("simultaneous Kelly at (2.5, 3.2, 2.8) with (0.55, 0.25, 0.20) is 27.17%, 3.26%, 0", () => {
    const f = simultaneousKelly([
      { probability: 0.55, odds: 2.5 },
      { probability: 0.25, odds: 3.2 },
      { probability: 0.2, odds: 2.8 },
    ]);
    expect(f[0]).toBeCloseTo(0.27174, 5);
    expect(f[1]).toBeCloseTo(0.03261, 5);
    expect(f[2]).toBe(0);
  });
  it("simultaneous Kelly of one outcome is single Kelly; input order does not matter", () => {
    const single = simultaneousKelly([
      { probability: 0.55, odds: 2.1 },
      { probability: 0.45, odds: 1.5 },
    ]);
    expect(single[0]).toBeCloseTo(kellyFraction(0.55, 2.1), 12);
    const a = simultaneousKelly([
      { probability: 0.2, odds: 2.8 },
      { probability: 0.55, odds: 2.5 },
      { probability: 0.25, odds: 3.2 },
    ]);
    expect(a[1]).toBeCloseTo(0.27174, 5);
  });
  it("no edge, no stake", () => {
    expect(kellyFraction(0.5, 2.0)).toBe(0);
    expect(kellyFraction(0.4, 2.0)).toBe(0);
    expect(() => fractionalKelly(0.6, 2, 0)).toThrow(/Kelly fraction/);
  });
});

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

describe("caps and rounding", () => {
  const bankroll = D(1000);
  it("rounds sportsbook stakes down to the cent and Kalshi stakes to whole contracts", () => {
    expect(roundStakeToVenue(D("12.349"), { kind: "sportsbook" }).stake.toString()).toBe("12.34");
    const k = roundStakeToVenue(D(20), { kind: "kalshi", price: D("0.65") });
    expect(k.contracts).toBe(30); // 30 × 0.65 + fee 0.48 = 19.98 ≤ 20; 31 would cost 20.64
    expect(k.stake.toString()).toBe("19.98");
  });
  it("per-event cap scales an event's stakes; daily cap counts bets already placed", () => {
    const r = allocateStakes(
      bankroll,
      [
        { id: "h", eventId: "g1", fraction: 0.02, venue: { kind: "sportsbook" } },
        { id: "d", eventId: "g1", fraction: 0.02, venue: { kind: "sportsbook" } },
        { id: "x", eventId: "g2", fraction: 0.05, venue: { kind: "sportsbook" } },
      ],
      DEFAULT_STAKING_LIMITS,
      { today: D(60), byEvent: {} },
    );
    // g1: 20 + 20 > 30 → 15 each; x: 50 → 20 (per bet). Day room 100 − 60 = 40 < 50 → × 0.8.
    expect(r.map((s) => s.stake.toString())).toEqual(["12", "12", "16"]);
    expect(r[2]!.cappedBy).toEqual(["per-bet", "daily"]);
  });
  it("validates limits with a clear error", () => {
    expect(() => parseStakingLimits({ ...DEFAULT_STAKING_LIMITS, maxPerBet: 2 })).toThrow(
      /maxPerBet must be ≤ 1/,
    );
    expect(() => parseStakingLimits({ ...DEFAULT_STAKING_LIMITS, kellyFraction: "x" })).toThrow(
      /kellyFraction/,
    );
  });

  const venue = fc.oneof(
    fc.constant({ kind: "sportsbook" } as const),
    fc.integer({ min: 1, max: 99 }).map((c) => ({ kind: "kalshi", price: D(c).div(100) }) as const),
  );
  it("property: a Kelly stake is 0 without edge and never above the per-bet cap", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 1.01, max: 50, noNaN: true }),
        fc.integer({ min: 0, max: 10_000_000 }),
        venue,
        (p, odds, cents, v) => {
          const br = D(cents).div(100);
          const s = kellyStake({
            bankroll: br,
            probability: p,
            odds,
            venue: v,
            limits: DEFAULT_STAKING_LIMITS,
          });
          if (p * s.odds <= 1) expect(s.stake.isZero()).toBe(true);
          expect(s.stake.lte(br.times(DEFAULT_STAKING_LIMITS.maxPerBet))).toBe(true);
          expect(s.stake.gte(0)).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });
  it("property: allocated stakes respect every cap", () => {
    const req = fc.record({
      eventId: fc.constantFrom("a", "b", "c"),
      fraction: fc.double({ min: 0, max: 0.5, noNaN: true }),
      venue,
    });
    fc.assert(
      fc.property(fc.array(req, { maxLength: 12 }), fc.integer({ min: 0, max: 1_000_000 }), (reqs, cents) => {
        const br = D(cents).div(100);
        const out = allocateStakes(
          br,
          reqs.map((r, i) => ({ ...r, id: String(i) })),
          DEFAULT_STAKING_LIMITS,
        );
        const total = out.reduce((s, x) => s.plus(x.stake), D(0));
        expect(total.lte(br.times(DEFAULT_STAKING_LIMITS.maxDailyExposure))).toBe(true);
        for (const e of ["a", "b", "c"]) {
          const t = out.filter((x) => x.eventId === e).reduce((s, x) => s.plus(x.stake), D(0));
          expect(t.lte(br.times(DEFAULT_STAKING_LIMITS.maxPerEvent))).toBe(true);
        }
        for (const x of out) expect(x.stake.lte(br.times(DEFAULT_STAKING_LIMITS.maxPerBet))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
