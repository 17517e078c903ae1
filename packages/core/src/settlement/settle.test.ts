import { Decimal } from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type BetMarket, type GameOutcome, settleBet } from "./settle.ts";

const D = (x: string | number) => new Decimal(x);
const start = new Date("2024-01-07T18:00:00Z");
const final = (h: number, a: number): GameOutcome => ({
  status: "Final",
  homeScore: h,
  awayScore: a,
  scheduledStart: start,
});
const later = new Date("2024-01-08T00:00:00Z");
const bet = (market: BetMarket, odds = "2.10", stake = "10") => ({ stake: D(stake), odds: D(odds), market });
const settle = (market: BetMarket, h: number, a: number, odds?: string) =>
  settleBet(bet(market, odds), final(h, a), later);
const res = (s: ReturnType<typeof settle>) => [s.status, s.result?.toFixed(2)];

describe("settleBet", () => {
  it("moneyline 2-way: win pays stake × (odds − 1), loss costs the stake, a tie is void", () => {
    expect(res(settle({ kind: "moneyline", ways: 2, selection: "home" }, 24, 17))).toEqual(["won", "11.00"]);
    expect(res(settle({ kind: "moneyline", ways: 2, selection: "away" }, 24, 17))).toEqual([
      "lost",
      "-10.00",
    ]);
    expect(res(settle({ kind: "moneyline", ways: 2, selection: "away" }, 20, 20))).toEqual(["void", "0.00"]);
  });
  it("moneyline 3-way: the draw is an outcome", () => {
    expect(res(settle({ kind: "moneyline", ways: 3, selection: "draw" }, 1, 1, "3.40"))).toEqual([
      "won",
      "24.00",
    ]);
    expect(res(settle({ kind: "moneyline", ways: 3, selection: "home" }, 1, 1))).toEqual(["lost", "-10.00"]);
    expect(res(settle({ kind: "moneyline", ways: 3, selection: "away" }, 0, 2))).toEqual(["won", "11.00"]);
  });
  it("spread: home −3.5 needs a 4-point win; a whole line pushes", () => {
    expect(res(settle({ kind: "spread", selection: "home", line: -3.5 }, 24, 20))).toEqual(["won", "11.00"]);
    expect(res(settle({ kind: "spread", selection: "home", line: -3.5 }, 24, 21))).toEqual([
      "lost",
      "-10.00",
    ]);
    expect(res(settle({ kind: "spread", selection: "away", line: 3 }, 24, 21))).toEqual(["void", "0.00"]);
    expect(res(settle({ kind: "spread", selection: "away", line: 3.5 }, 24, 21))).toEqual(["won", "11.00"]);
  });
  it("spread quarter lines split the stake", () => {
    // home −0.25 and a draw: half on 0 (push), half on −0.5 (loss).
    expect(res(settle({ kind: "spread", selection: "home", line: -0.25 }, 1, 1))).toEqual([
      "half-lost",
      "-5.00",
    ]);
    // home −0.75 winning by one: half on −0.5 wins, half on −1 pushes.
    expect(res(settle({ kind: "spread", selection: "home", line: -0.75 }, 2, 1))).toEqual([
      "half-won",
      "5.50",
    ]);
    expect(() => settle({ kind: "spread", selection: "home", line: -0.3 }, 2, 1)).toThrow(/multiple of 0.25/);
  });
  it("totals: over/under, whole line pushes", () => {
    expect(res(settle({ kind: "total", selection: "over", line: 44.5 }, 24, 21))).toEqual(["won", "11.00"]);
    expect(res(settle({ kind: "total", selection: "under", line: 44.5 }, 24, 21))).toEqual([
      "lost",
      "-10.00",
    ]);
    expect(res(settle({ kind: "total", selection: "under", line: 45 }, 24, 21))).toEqual(["void", "0.00"]);
  });
  it("an exchange contract: payout is contracts × $1, so profit is payout − cost; a tie by the venue's rule", () => {
    // 100 contracts at $0.65 with a $1.60 fee: cost $66.60, payout $100.
    const contract = { stake: D("66.60"), odds: D("1.5015"), potentialPayout: D(100) };
    const half = { kind: "payout-fraction", fraction: 0.5 } as const;
    const home: BetMarket = { kind: "moneyline", ways: 2, selection: "home", onTie: half };
    const away: BetMarket = { kind: "moneyline", ways: 2, selection: "away", onTie: half };
    expect(res(settleBet({ ...contract, market: home }, final(3, 2), later))).toEqual(["won", "33.40"]);
    expect(res(settleBet({ ...contract, market: away }, final(3, 2), later))).toEqual(["lost", "-66.60"]);
    // A tie pays $0.50 a contract: $50 back on a $66.60 cost.
    expect(res(settleBet({ ...contract, market: home }, final(2, 2), later))).toEqual(["tied", "-16.60"]);
    const lose: BetMarket = { kind: "moneyline", ways: 2, selection: "home", onTie: { kind: "lose" } };
    expect(res(settleBet({ ...contract, market: lose }, final(2, 2), later))).toEqual(["lost", "-66.60"]);
    // No rule: a sportsbook's 2-way tie voids.
    const book: BetMarket = { kind: "moneyline", ways: 2, selection: "home" };
    expect(res(settleBet({ ...contract, market: book }, final(2, 2), later))).toEqual(["void", "0.00"]);
  });
  it("postponed or cancelled games void only after the wait, and are never settled as played", () => {
    const ml: BetMarket = { kind: "moneyline", ways: 2, selection: "home" };
    const postponed: GameOutcome = {
      status: "Postponed",
      homeScore: 10,
      awayScore: 0,
      scheduledStart: start,
    };
    expect(settleBet(bet(ml), postponed, new Date("2024-01-08T17:59:59Z")).status).toBe("pending");
    expect(res(settleBet(bet(ml), postponed, new Date("2024-01-09T18:00:00Z")))).toEqual(["void", "0.00"]);
    const cancelled = { ...postponed, status: "Cancelled" as const };
    expect(res(settleBet(bet(ml), cancelled, later, { voidAfterHours: 1 }))).toEqual(["void", "0.00"]);
    expect(settleBet(bet(ml), { ...postponed, status: "InProgress" }, later).status).toBe("pending");
  });
  it("rejects bad input clearly", () => {
    const ml: BetMarket = { kind: "moneyline", ways: 2, selection: "home" };
    expect(() => settleBet({ ...bet(ml), stake: D(-1) }, final(1, 0), later)).toThrow(/stake must be ≥ 0/);
    expect(() => settleBet(bet(ml, "1.00"), final(1, 0), later)).toThrow(/odds must be/);
    expect(() => settleBet(bet(ml), { ...final(1, 0), awayScore: null }, later)).toThrow(/both scores/);
  });
});

describe("settlement symmetry (property)", () => {
  const score = fc.integer({ min: 0, max: 60 });
  const line = fc.integer({ min: -60, max: 60 }).map((q) => q / 4);
  const odds = fc.integer({ min: 101, max: 1000 }).map((c) => D(c).div(100));
  const stake = fc.integer({ min: 0, max: 100_000 }).map((c) => D(c).div(100));
  const mirror = { home: "away", away: "home" } as const;

  it("backing a side equals backing the other side of the mirrored game", () => {
    fc.assert(
      fc.property(
        score,
        score,
        line,
        odds,
        stake,
        fc.constantFrom("home", "away") as fc.Arbitrary<"home" | "away">,
        (h, a, l, o, s, side) => {
          const markets: Array<[BetMarket, BetMarket]> = [
            [
              { kind: "moneyline", ways: 2, selection: side },
              { kind: "moneyline", ways: 2, selection: mirror[side] },
            ],
            [
              { kind: "moneyline", ways: 3, selection: side },
              { kind: "moneyline", ways: 3, selection: mirror[side] },
            ],
            [
              { kind: "spread", selection: side, line: l },
              { kind: "spread", selection: mirror[side], line: l },
            ],
            [
              {
                kind: "moneyline",
                ways: 2,
                selection: side,
                onTie: { kind: "payout-fraction", fraction: 0.5 },
              },
              {
                kind: "moneyline",
                ways: 2,
                selection: mirror[side],
                onTie: { kind: "payout-fraction", fraction: 0.5 },
              },
            ],
          ];
          for (const [m, mm] of markets) {
            const x = settleBet({ stake: s, odds: o, market: m }, final(h, a), later);
            const y = settleBet({ stake: s, odds: o, market: mm }, final(a, h), later);
            expect(y.status).toBe(x.status);
            expect(y.result!.equals(x.result!)).toBe(true);
          }
        },
      ),
    );
  });

  it("opposite sides of a two-outcome market: one wins exactly when the other loses, pushes void both", () => {
    const opposite = {
      won: "lost",
      lost: "won",
      void: "void",
      "half-won": "half-lost",
      "half-lost": "half-won",
      tied: "tied",
    } as const;
    fc.assert(
      fc.property(score, score, line, (h, a, l) => {
        const pairs: Array<[BetMarket, BetMarket]> = [
          [
            { kind: "moneyline", ways: 2, selection: "home" },
            { kind: "moneyline", ways: 2, selection: "away" },
          ],
          [
            { kind: "spread", selection: "home", line: l },
            { kind: "spread", selection: "away", line: -l },
          ],
          [
            { kind: "total", selection: "over", line: Math.abs(l) },
            { kind: "total", selection: "under", line: Math.abs(l) },
          ],
          [
            {
              kind: "moneyline",
              ways: 2,
              selection: "home",
              onTie: { kind: "payout-fraction", fraction: 0.5 },
            },
            {
              kind: "moneyline",
              ways: 2,
              selection: "away",
              onTie: { kind: "payout-fraction", fraction: 0.5 },
            },
          ],
        ];
        for (const [m1, m2] of pairs) {
          const s1 = settleBet(bet(m1, "2.00"), final(h, a), later);
          const s2 = settleBet(bet(m2, "2.00"), final(h, a), later);
          expect(s2.status).toBe(opposite[s1.status as keyof typeof opposite]);
          // At even odds and equal stakes the two results cancel exactly.
          expect(s1.result!.plus(s2.result!).isZero()).toBe(true);
        }
      }),
    );
  });

  it("exactly one 3-way outcome wins", () => {
    fc.assert(
      fc.property(score, score, (h, a) => {
        const won = (["home", "draw", "away"] as const).filter(
          (sel) =>
            settleBet(bet({ kind: "moneyline", ways: 3, selection: sel }), final(h, a), later).status ===
            "won",
        );
        expect(won).toHaveLength(1);
      }),
    );
  });
});
