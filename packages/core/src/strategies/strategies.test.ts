// The bundled strategies on small markets priced by hand, through the host's context and sizing
// exactly as the backtest and the screener run them.
import { SPORTSBOOK_RULES, type StrategyPlugin, type VenueRules } from "@edgeline/sdk";
import { Decimal } from "decimal.js";
import { describe, expect, it } from "vitest";
import type { OddsQuote } from "../recommendation/quotes.ts";
import { DEFAULT_STAKING_LIMITS } from "../staking/caps.ts";
import { type HostGame, type HostOptions, strategyContext } from "../strategy-host/context.ts";
import { sizeProposals } from "../strategy-host/size.ts";
import { arbitrage, consensus, sharpReference } from "./index.ts";
import { bestQuotes, marketsOf } from "./markets.ts";

const kickoff = new Date("2024-03-02T15:00:00Z");
const decidedAt = new Date("2024-03-02T12:00:00Z");
const minutesBefore = (m: number) => new Date(decidedAt.getTime() - m * 60_000);

const q = (
  bookmaker: string,
  outcome: OddsQuote["outcome"],
  price: number,
  at = minutesBefore(10),
  market: OddsQuote["market"] = "moneyline",
  line: number | null = null,
): OddsQuote => ({ bookmaker, outcome, price, lastUpdate: at, market, line });

/** 5% commission on winnings, as an exchange takes it. */
const commission: VenueRules = { ...SPORTSBOOK_RULES, netOdds: (o) => 1 + (o - 1) * 0.95 };

function run<P>(
  plugin: StrategyPlugin<P>,
  odds: OddsQuote[],
  params: unknown,
  options: Partial<HostOptions> = {},
) {
  const game: HostGame = { gameId: "g1", commenceTime: kickoff, home: "H", away: "A", decidedAt, odds };
  const { context } = strategyContext([game], {
    sport: "TEST",
    ways: 2,
    markets: ["moneyline", "spread", "total"],
    bettable: () => true,
    venueRules: () => SPORTSBOOK_RULES,
    ...options,
  });
  const proposals = plugin.propose(context, plugin.parameters.parse(params));
  const sized = sizeProposals(proposals, {
    bankroll: new Decimal(1000),
    limits: DEFAULT_STAKING_LIMITS,
    venueRules: options.venueRules ?? (() => SPORTSBOOK_RULES),
    commenceTime: () => kickoff,
  });
  return { proposals, sized };
}

const pinnacle = [q("pinnacle", "home", 1.95), q("pinnacle", "away", 1.95)];

describe("sharp-reference", () => {
  it("bets a soft book lagging the de-vigged sharp price, at the fair price's edge", () => {
    // Pinnacle 1.95/1.95 de-vigs to 50/50; the soft book still offers 2.10 on the home side: 0.5 × 2.10 − 1 = 5%.
    const { proposals, sized } = run(
      sharpReference,
      [...pinnacle, q("soft", "home", 2.1, minutesBefore(600)), q("soft", "away", 1.8, minutesBefore(600))],
      { threshold: 0.02, stake: { kind: "flat", amount: "10" } },
    );
    expect(proposals).toHaveLength(1);
    expect(proposals[0]!.quote).toMatchObject({ bookmaker: "soft", selection: "home", price: 2.1 });
    expect(proposals[0]!.fairProbability).toBeCloseTo(0.5, 12);
    expect(proposals[0]!.edge).toBeCloseTo(0.05, 12);
    expect(proposals[0]!.reason).toContain("pinnacle's de-vigged 50.0%");
    expect(sized.bets.map((b) => b.stake.stake.toFixed(2))).toEqual(["10.00"]);
  });

  it("refuses a sharp quote older than its maximum age, and takes it when fresh", () => {
    const stale = [
      q("pinnacle", "home", 1.95, minutesBefore(180)),
      q("pinnacle", "away", 1.95, minutesBefore(180)),
    ];
    const soft = [q("soft", "home", 2.1), q("soft", "away", 1.8)];
    expect(run(sharpReference, [...stale, ...soft], { maxAgeMinutes: 60 }).proposals).toEqual([]);
    expect(run(sharpReference, [...stale, ...soft], { maxAgeMinutes: 240 }).proposals).toHaveLength(1);
  });

  it("weights a set of sharp books, and never uses a quote older than the host's maximum age", () => {
    // Pinnacle 50/50 and a second sharp book at 1.80/2.10 (de-vigged 53.85%/46.15%), weighted 3:1.
    const odds = [...pinnacle, q("sharp2", "home", 1.8), q("sharp2", "away", 2.1), q("soft", "home", 2.2)];
    const { proposals } = run(sharpReference, odds, { sharp: { pinnacle: 3, sharp2: 1 } });
    const p2 = 1 / 1.8 / (1 / 1.8 + 1 / 2.1);
    expect(proposals[0]!.fairProbability).toBeCloseTo((3 * 0.5 + p2) / 4, 12);
    // The host drops the soft quote (10 minutes old) when it allows only 5.
    expect(run(sharpReference, odds, {}, { maxQuoteAgeMinutes: 5 }).proposals).toEqual([]);
  });
});

describe("consensus", () => {
  it("bets the best price beating the books' average less the margin (Kaunitz et al.)", () => {
    const odds = [
      q("a", "home", 1.9),
      q("a", "away", 1.9),
      q("b", "home", 1.95),
      q("b", "away", 1.85),
      q("c", "home", 1.85),
      q("c", "away", 1.95),
      q("d", "home", 2.15),
      q("d", "away", 1.7),
    ];
    // Mean home odds 1.9625: p = 1/1.9625 − 0.02 = 0.48955; at d's 2.15 the edge is 5.25%. (The
    // away side, 1/1.85 − 0.02 at c's 1.95, is 1.5%: under the 3% asked for.)
    const { proposals, sized } = run(consensus, odds, { alpha: 0.02, minEdge: 0.03 });
    expect(proposals).toHaveLength(1);
    expect(proposals[0]!.quote.bookmaker).toBe("d");
    expect(proposals[0]!.fairProbability).toBeCloseTo(1 / 1.9625 - 0.02, 12);
    expect(proposals[0]!.edge).toBeCloseTo((1 / 1.9625 - 0.02) * 2.15 - 1, 12);
    // ¼ Kelly at 0.48955 and 2.15 is 1.14% of 1000, under the 2% cap.
    const kelly = (0.48955 * 2.15 - 1) / 1.15 / 4;
    expect(sized.bets[0]!.stake.stake.toNumber()).toBeCloseTo(1000 * kelly, 0);
    // Both sides at 1.5%+: beliefs summing over one are sized one by one, not as one distribution.
    expect(run(consensus, odds, { alpha: 0.02 }).sized.bets).toHaveLength(2);
    // Kaunitz's own α = 0.05 leaves nothing: 0.45955 × 2.15 − 1 < 0.
    expect(run(consensus, odds, {}).proposals).toEqual([]);
  });
});

describe("arbitrage", () => {
  const arb = [q("a", "home", 2.05), q("a", "away", 1.8), q("b", "home", 1.8), q("b", "away", 2.02)];

  it("stakes an under-round set across venues for equal payouts", () => {
    const { proposals, sized } = run(arbitrage, arb, { setStake: "100" });
    // 1/2.05 + 1/2.02 = 0.98285: a locked 1.745%.
    const sum = 1 / 2.05 + 1 / 2.02;
    expect(proposals.map((p) => [p.quote.bookmaker, p.quote.selection])).toEqual([
      ["a", "home"],
      ["b", "away"],
    ]);
    expect(proposals[0]!.group).toMatchObject({ kind: "arbitrage", lockedReturn: 1 / sum - 1 });
    const stakes = sized.bets.map((b) => b.stake.stake.toFixed(2));
    expect(stakes).toEqual(["49.63", "50.37"]);
    // Either way it pays 101.74 or 101.75 on 100 staked.
    expect(new Decimal(stakes[0]!).times(2.05).toFixed(2)).toBe("101.74");
    expect(new Decimal(stakes[1]!).times(2.02).toFixed(2)).toBe("101.75");
  });

  it("finds nothing once each venue's 5% commission is netted off", () => {
    // Net odds 1.9975 and 1.969: 1/1.9975 + 1/1.969 = 1.0085, over one.
    expect(run(arbitrage, arb, {}, { venueRules: () => commission }).proposals).toEqual([]);
  });

  it("proposes a middle: over 2.5 at one book, under 3.5 at another", () => {
    const totals = [
      q("a", "over", 2.0, minutesBefore(10), "total", 2.5),
      q("a", "under", 1.8, minutesBefore(10), "total", 2.5),
      q("b", "over", 1.8, minutesBefore(10), "total", 3.5),
      q("b", "under", 1.95, minutesBefore(10), "total", 3.5),
    ];
    const { proposals, sized } = run(arbitrage, totals, { setStake: "100" });
    const sum = 1 / 2 + 1 / 1.95;
    expect(proposals.map((p) => [p.quote.bookmaker, p.quote.selection, p.quote.line])).toEqual([
      ["a", "over", 2.5],
      ["b", "under", 3.5],
    ]);
    expect(proposals[0]!.group).toMatchObject({ kind: "middle", lockedReturn: 1 / sum - 1 });
    expect(proposals[0]!.reason).toContain("total strictly between 2.5 and 3.5");
    expect(sized.bets.map((b) => b.stake.stake.toFixed(2))).toEqual(["49.37", "50.63"]);
    // A spread middle: home +1.5 at a, away +0.5 at b; a draw or a one-goal away win pays both.
    const spreads = [
      q("a", "home", 1.95, minutesBefore(10), "spread", 1.5),
      q("b", "away", 2.0, minutesBefore(10), "spread", 0.5),
    ];
    const middle = run(arbitrage, spreads, {}).proposals;
    expect(middle.map((p) => [p.quote.bookmaker, p.quote.selection, p.quote.line])).toEqual([
      ["a", "home", 1.5],
      ["b", "away", 0.5],
    ]);
    expect(middle[0]!.reason).toContain("home margin strictly between -1.5 and 0.5");
    // No middle when the worst case costs more than allowed.
    expect(run(arbitrage, totals, { maxMiddleCost: 0.01 }).proposals).toEqual([]);
  });
});

describe("line shopping", () => {
  it("takes the venue with the best price net of its fees", () => {
    const odds = [q("exchange", "home", 2.1), q("book", "home", 2.06), q("other", "home", 2.0)];
    const { context } = strategyContext(
      [{ gameId: "g1", commenceTime: kickoff, home: "H", away: "A", decidedAt, odds }],
      {
        sport: "TEST",
        ways: 2,
        markets: ["moneyline"],
        bettable: (b) => b !== "other",
        venueRules: (b) => (b === "exchange" ? commission : SPORTSBOOK_RULES),
      },
    );
    const [market] = [...marketsOf(context.games[0]!.quotes).values()];
    const best = bestQuotes(market!.books, context);
    // The exchange's 2.10 nets 2.045 after commission: the book's 2.06 is better.
    expect(best.get("home")).toMatchObject({ quote: { bookmaker: "book" }, net: 2.06 });
  });

  it("gives a strategy no quote stamped after the decision", () => {
    const later = q("soft", "home", 3.0, new Date(decidedAt.getTime() + 1));
    const { context } = strategyContext(
      [{ gameId: "g1", commenceTime: kickoff, home: "H", away: "A", decidedAt, odds: [...pinnacle, later] }],
      {
        sport: "TEST",
        ways: 2,
        markets: ["moneyline"],
        bettable: () => true,
        venueRules: () => SPORTSBOOK_RULES,
      },
    );
    const seen = [...context.games[0]!.history, ...context.games[0]!.quotes];
    expect(seen.every((s) => s.quotedAt <= decidedAt)).toBe(true);
    expect(seen.some((s) => s.price === 3)).toBe(false);
  });
});
