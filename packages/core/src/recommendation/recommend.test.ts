import {
  parseRecommendationThresholds,
  type RecommendationThresholds,
  SPORTSBOOK_RULES,
} from "@edgeline/sdk";
import { Decimal } from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fivethirtyeightNfl } from "../elo/presets.ts";
import { expectedScore } from "../elo/probability.ts";
import { drawTestConfig } from "../elo/test-configs.test-helpers.ts";
import { DEFAULT_STAKING_LIMITS } from "../staking/caps.ts";
import { exchangeCost, testExchange } from "../staking/test-venue.test-helpers.ts";
import {
  type GameForRecommendation,
  type OddsQuote,
  type RecommendationContext,
  recommendBets,
} from "./index.ts";

/** The tests' own thresholds: 3% edge, odds 1.25 to 5 (6 for 3-way), five a day. */
const US: RecommendationThresholds = { minEdge: 0.03, maxEdge: 1, minOdds: 1.25, maxOdds: 5, maxPerDay: 5 };
const SOCCER: RecommendationThresholds = { ...US, minEdge: 0.05, maxOdds: 6 };

const D = (x: string | number) => new Decimal(x);
const kickoff = new Date("2024-01-07T18:00:00Z");
const before = (minutes: number) => new Date(kickoff.getTime() - minutes * 60_000);
const quote = (
  bookmaker: string,
  outcome: OddsQuote["outcome"],
  price: number,
  at = before(60),
): OddsQuote => ({
  bookmaker,
  outcome,
  price,
  lastUpdate: at,
});

const nflCtx: RecommendationContext = {
  sport: "NFL",
  config: fivethirtyeightNfl,
  thresholds: US,
  bankroll: D(1000),
  limits: DEFAULT_STAKING_LIMITS,
  generatedAt: before(30),
};

function game(
  id: string,
  home: number,
  away: number,
  odds: OddsQuote[],
  start = kickoff,
): GameForRecommendation & Required<Pick<GameForRecommendation, "ratings">> {
  return {
    gameId: id,
    gameDate: "2024-01-07",
    commenceTime: start,
    ratings: {
      home: { rating: home, validFrom: "2024-01-01" },
      away: { rating: away, validFrom: "2024-01-01" },
    },
    odds,
  };
}

describe("recommendBets", () => {
  const pHome = expectedScore(100 + 65); // 1600 v 1500 plus 65 home field

  it("recommends the best price with value, sized by capped ¼ Kelly", () => {
    const recs = recommendBets(
      [
        game("g1", 1600, 1500, [
          quote("bookA", "home", 1.5),
          quote("bookB", "home", 1.55),
          quote("bookA", "away", 3.2), // no value on the away side
          quote("bookC", "home", 2.5, new Date(kickoff.getTime() + 60_000)), // after kick-off: unknown
          quote("bookD", "home", 2.4, before(10)), // after generatedAt: unknown yet
        ]),
      ],
      nflCtx,
    );
    expect(recs).toHaveLength(1);
    const r = recs[0]!;
    expect(r).toMatchObject({
      gameId: "g1",
      side: "home",
      bookmaker: "bookB",
      odds: 1.55,
      status: "pending",
    });
    expect(r.confidence.toNumber()).toBe(Number(pHome.toFixed(4)));
    expect(r.edge.toNumber()).toBe(Number((pHome * 1.55 - 1).toFixed(4)));
    // ¼ Kelly = 0.25 × 0.1179 / 0.55 ≈ 5.4% > the 2% per-bet cap → $20.
    expect(r.recommendedStake.toFixed(2)).toBe("20.00");
    expect(r.expectedValue.toFixed(2)).toBe(
      D(20)
        .times(pHome * 1.55 - 1)
        .toFixed(2),
    );
    expect(r.expiresAt).toEqual(kickoff);
  });

  it("uses only information dated before the game: rejects a post-game rating, skips started games", () => {
    const g = game("g1", 1600, 1500, [quote("bookB", "home", 1.55)]);
    const leaked = { ...g, ratings: { ...g.ratings, away: { rating: 1500, validFrom: "2024-01-08" } } };
    expect(() => recommendBets([leaked], nflCtx)).toThrow(/valid from 2024-01-08, after the game's date/);
    expect(recommendBets([g], { ...nflCtx, generatedAt: kickoff })).toEqual([]);
  });

  it("orders by edge and keeps at most maxPerDay", () => {
    const games = [
      game("a", 1550, 1500, [quote("b", "home", 1.75)]),
      game("b", 1600, 1500, [quote("b", "home", 1.55)]),
      game("c", 1500, 1500, [quote("b", "home", 1.8)]),
    ];
    const ctx = { ...nflCtx, thresholds: { ...nflCtx.thresholds, maxPerDay: 2 } };
    const recs = recommendBets(games, ctx);
    const edges = games.map(
      (g) => expectedScore(g.ratings.home.rating - g.ratings.away.rating + 65) * g.odds[0]!.price - 1,
    );
    const expected = ["a", "b", "c"]
      .map((id, i) => [id, edges[i]!] as const)
      .sort((x, y) => y[1] - x[1])
      .slice(0, 2);
    expect(recs.map((r) => r.gameId)).toEqual(expected.map((e) => e[0]));
  });

  it("respects the odds range and minimum edge", () => {
    const ctx = { ...nflCtx, thresholds: { ...nflCtx.thresholds, maxOdds: 1.5 } };
    expect(recommendBets([game("g", 1600, 1500, [quote("b", "home", 1.55)])], ctx)).toEqual([]);
    const strict = { ...nflCtx, thresholds: { ...nflCtx.thresholds, minEdge: 0.2 } };
    expect(recommendBets([game("g", 1600, 1500, [quote("b", "home", 1.55)])], strict)).toEqual([]);
  });

  it("prices a fee-charging venue net of fees, stakes whole contracts, and keeps the quote it used", () => {
    const at = before(45);
    const recs = recommendBets(
      [game("g", 1600, 1500, [{ ...quote("exchange", "home", 1 / 0.6, at), marketId: "x:G", quoteId: "7" }])],
      { ...nflCtx, venueRules: (book) => (book === "exchange" ? testExchange : SPORTSBOOK_RULES) },
    );
    const r = recs[0]!;
    expect(r.marketId).toBe("x:G");
    expect(r.odds).toBeCloseTo(1 / 0.6 / 1.02, 12);
    expect(Number.isInteger(r.contracts)).toBe(true);
    expect(r.recommendedStake.equals(exchangeCost(r.contracts!, D("0.6")))).toBe(true);
    expect(r.recommendedStake.lte(D(20))).toBe(true);
    expect([r.bookmaker, r.price.toString(), r.quotedAt, r.quoteId]).toEqual(["exchange", "1.6667", at, "7"]);
  });

  it("3-way soccer: draw is a candidate and one game's outcomes share simultaneous Kelly and the event cap", () => {
    const ctx: RecommendationContext = {
      ...nflCtx,
      sport: "EPL",
      config: drawTestConfig,
      thresholds: SOCCER,
      limits: { ...DEFAULT_STAKING_LIMITS, maxPerBet: 0.5, maxPerEvent: 0.03 },
    };
    const recs = recommendBets(
      [game("m", 1500, 1500, [quote("b", "draw", 4.5), quote("b", "home", 2.4)])],
      ctx,
    );
    expect(recs.map((r) => r.side).sort()).toEqual(["draw", "home"]);
    const total = recs.reduce((s, r) => s.plus(r.recommendedStake), D(0));
    expect(total.lte(D(30))).toBe(true);
  });

  it("thresholds are validated, and an edge must fit DECIMAL(5,4)", () => {
    expect(() => parseRecommendationThresholds({ ...US, maxEdge: 12 })).toThrow(/DECIMAL\(5,4\)/);
    expect(() => parseRecommendationThresholds({ ...US, minOdds: 6 })).toThrow(/minOdds must be ≤ maxOdds/);
    expect(() => parseRecommendationThresholds({ ...US, maxPerDay: 1.5 })).toThrow(/whole number/);
  });

  it("property: the output does not depend on the order of games or quotes", () => {
    const g = fc.record({
      home: fc.integer({ min: 1300, max: 1700 }),
      away: fc.integer({ min: 1300, max: 1700 }),
      prices: fc.array(
        fc.record({
          book: fc.constantFrom("a", "b", "c"),
          side: fc.constantFrom("home", "away") as fc.Arbitrary<"home" | "away">,
          price: fc.integer({ min: 126, max: 500 }),
        }),
        { maxLength: 6 },
      ),
    });
    fc.assert(
      fc.property(fc.array(g, { maxLength: 6 }), fc.integer(), (gs, seed) => {
        const games = gs.map((x, i) =>
          game(
            `g${i}`,
            x.home,
            x.away,
            x.prices.map((p) => quote(p.book, p.side, p.price / 100)),
          ),
        );
        const shuffled = [...games]
          .reverse()
          .map((x) => ({ ...x, odds: [...x.odds].sort(() => (seed % 2 ? 1 : -1)) }));
        const strip = (rs: ReturnType<typeof recommendBets>) =>
          rs.map((r) => [r.gameId, r.side, r.bookmaker, r.edge.toString(), r.recommendedStake.toString()]);
        expect(strip(recommendBets(shuffled, nflCtx))).toEqual(strip(recommendBets(games, nflCtx)));
      }),
    );
  });
});
