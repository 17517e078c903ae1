import { SPORTSBOOK_RULES } from "@edgeline/sdk";
import { Decimal } from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allocateStakes, DEFAULT_STAKING_LIMITS, parseStakingLimits, roundStakeToVenue } from "./caps.ts";
import { fractionalKelly, kellyFraction, kellyGrowth, simultaneousKelly } from "./kelly.ts";
import { kellyStake } from "./kelly-stake.ts";
import { testExchange as exchange } from "./test-venue.test-helpers.ts";
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

describe("caps and rounding", () => {
  const bankroll = D(1000);
  it("rounds a sportsbook stake down to the cent and an exchange stake to whole contracts, by the venue's rules", () => {
    expect(roundStakeToVenue(D("12.349"), SPORTSBOOK_RULES, D(2)).stake.toString()).toBe("12.34");
    const k = roundStakeToVenue(D(20), exchange, D(2));
    expect(k.contracts).toBe(39); // 39 × 0.50 + fee 0.39 = 19.89 ≤ 20; 40 would cost 20.40
    expect(k.stake.toString()).toBe("19.89");
    expect(roundStakeToVenue(D(-5), SPORTSBOOK_RULES, D(2)).stake.toString()).toBe("0");
  });
  it("per-event cap scales an event's stakes; daily cap counts bets already placed", () => {
    const r = allocateStakes(
      bankroll,
      [
        { id: "h", eventId: "g1", fraction: 0.02, venue: SPORTSBOOK_RULES, odds: D(2) },
        { id: "d", eventId: "g1", fraction: 0.02, venue: SPORTSBOOK_RULES, odds: D(2) },
        { id: "x", eventId: "g2", fraction: 0.05, venue: SPORTSBOOK_RULES, odds: D(2) },
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

  const venue = fc.constantFrom(SPORTSBOOK_RULES, exchange);
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
      odds: fc.integer({ min: 102, max: 5000 }).map((c) => D(c).div(100)),
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
