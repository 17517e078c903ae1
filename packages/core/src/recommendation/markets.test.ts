// Spreads, totals, the blend with the consensus and suspect quotes, by hand.
import { Decimal } from "decimal.js";
import { describe, expect, it } from "vitest";
import { blendProbabilities } from "../blend/blend.ts";
import { blendLineOutcome, withWinShare } from "../blend/line-blend.ts";
import { fivethirtyeightNfl } from "../elo/presets.ts";
import { gameProbabilities } from "../elo/probability.ts";
import { eloForecast } from "../forecast/game-forecast.ts";
import { effectiveProbability } from "../margins/line-probabilities.ts";
import { nflMarginModel } from "../margins/presets.ts";
import { devig } from "../odds/devig.ts";
import { DEFAULT_STAKING_LIMITS } from "../staking/caps.ts";
import { lineKellyFraction } from "../staking/kelly.ts";
import { lineEdge } from "../staking/value.ts";
import {
  consensusWinProbability,
  type GameForRecommendation,
  knownQuotes,
  marketConsensus,
  type OddsQuote,
  type RecommendationContext,
  recommendBets,
} from "./index.ts";

const kickoff = new Date("2024-01-07T18:00:00Z");
const at = new Date("2024-01-07T12:00:00Z");
const q = (
  bookmaker: string,
  market: OddsQuote["market"],
  outcome: OddsQuote["outcome"],
  price: number,
  line: number | null = null,
  lastUpdate = at,
): OddsQuote => ({ bookmaker, market, outcome, price, line, lastUpdate });

const ctx: RecommendationContext = {
  sport: "NFL",
  config: fivethirtyeightNfl,
  thresholds: { minEdge: 0.02, maxEdge: 0.25, minOdds: 1.3, maxOdds: 5, maxPerDay: 5 },
  bankroll: new Decimal(1000),
  limits: DEFAULT_STAKING_LIMITS,
  generatedAt: new Date("2024-01-07T13:00:00Z"),
  margin: nflMarginModel,
  markets: ["moneyline", "spread", "total"],
};

const game = (home: number, away: number, odds: OddsQuote[]): GameForRecommendation => ({
  gameId: "g",
  gameDate: "2024-01-07",
  commenceTime: kickoff,
  ratings: {
    home: { rating: home, validFrom: "2024-01-01" },
    away: { rating: away, validFrom: "2024-01-01" },
  },
  odds,
});

describe("the consensus", () => {
  it("de-vigs each complete book and averages; lines only with the same line; under-round books left out", () => {
    const quotes = [
      q("A", "moneyline", "home", 1.8),
      q("A", "moneyline", "away", 2.1),
      q("B", "moneyline", "home", 1.85),
      q("B", "moneyline", "away", 2.0),
      q("C", "moneyline", "home", 2.2), // C quotes one side only
      q("A", "spread", "home", 1.91, -3),
      q("A", "spread", "away", 1.91, 3),
      q("B", "spread", "home", 2.0, -3.5),
      q("B", "spread", "away", 1.8, 3.5),
      q("C", "spread", "home", 1.95, -3),
      q("C", "spread", "away", 1.95, 2.5), // lines that do not match: no pair
      q("A", "total", "over", 2.1, 44.5),
      q("A", "total", "under", 2.1, 44.5), // under-round (1/2.1 + 1/2.1 < 1): an arbitrage, not a margin
    ];
    const c = marketConsensus(quotes, 2);
    const a = devig([1.8, 2.1]).probabilities;
    const b = devig([1.85, 2.0]).probabilities;
    expect(c.moneyline![0]).toBeCloseTo((a[0]! + b[0]!) / 2, 15);
    expect(c.spread.get(-3)).toBeCloseTo(0.5, 15);
    expect(c.spread.get(-3.5)).toBeCloseTo(devig([2.0, 1.8]).probabilities[0]!, 15);
    expect(c.spread.size).toBe(2);
    expect(c.total.size).toBe(0);
    expect(c.marketTotal).toBe(44.5);
    expect(consensusWinProbability(c, "spread", "away", 3.5)).toBeCloseTo(
      devig([2.0, 1.8]).probabilities[1]!,
      15,
    );
    expect(consensusWinProbability(c, "spread", "home", -7)).toBeUndefined();
  });

  it("knows only quotes made before the decision and the start, the latest of each book", () => {
    const later = new Date("2024-01-07T14:00:00Z");
    const known = knownQuotes(
      "g",
      [
        q("A", "moneyline", "home", 1.8),
        q("A", "moneyline", "home", 1.7, null, later),
        q("A", "spread", "home", 1.9),
      ],
      new Date("2024-01-07T13:00:00Z"),
      kickoff,
      ["moneyline", "spread"],
    );
    // The 14:00 quote is after the decision; the spread quote has no line.
    expect(known).toEqual([q("A", "moneyline", "home", 1.8)]);
  });
});

describe("a line's win share", () => {
  it("is moved by rescaling the winning and losing grades, the push kept", () => {
    const o = { win: 0.45, halfWin: 0, push: 0.1, halfLoss: 0, loss: 0.45 };
    const moved = withWinShare(o, 0.6);
    expect(moved.push).toBe(0.1);
    expect(moved.win).toBeCloseTo(0.54, 15);
    expect(moved.loss).toBeCloseTo(0.36, 15);
    const quarter = { win: 0.35, halfWin: 0.2, push: 0, halfLoss: 0, loss: 0.45 };
    const q2 = withWinShare(quarter, 0.55);
    expect(effectiveProbability(q2)).toBeCloseTo(0.55, 14);
    expect(q2.win + q2.halfWin + q2.loss).toBeCloseTo(1, 14);
    expect(q2.win / q2.halfWin).toBeCloseTo(0.35 / 0.2, 12);
  });

  it("blends in log-odds with the market's win probability: w = 1 the model, w = 0 the market", () => {
    const o = { win: 0.5, halfWin: 0, push: 0.05, halfLoss: 0, loss: 0.45 };
    expect(blendLineOutcome(o, 0.48, 1).blendShare).toBeCloseTo(effectiveProbability(o), 14);
    expect(blendLineOutcome(o, 0.48, 0).blendShare).toBeCloseTo(0.48, 14);
  });
});

describe("recommendBets on spreads and totals", () => {
  const p = gameProbabilities(fivethirtyeightNfl, 1600, 1500);

  it("bets a spread at its line with the edge and Kelly of its grades (a whole line can push)", () => {
    // The model makes home about a 6.6-point favourite (165 Elo / 25): home −3 has value at 1.95.
    const recs = recommendBets([game(1600, 1500, [q("A", "spread", "home", 1.95, -3)])], ctx);
    expect(recs).toHaveLength(1);
    const r = recs[0]!;
    const grades = eloForecast(fivethirtyeightNfl, 1600, 1500, 2, {}, nflMarginModel)!.spread!("home", -3);
    expect(grades.push).toBeGreaterThan(0.02); // a 3-point margin: the whole line pushes
    expect(r).toMatchObject({
      recommendationType: "spread",
      side: "home",
      line: -3,
      status: "pending",
      reason: null,
    });
    expect(r.edge.toNumber()).toBe(Number(lineEdge(grades, 1.95).toFixed(4)));
    expect(r.confidence.toNumber()).toBe(Number(effectiveProbability(grades).toFixed(4)));
    // ¼ Kelly of the line bet, capped at 2% of the bankroll.
    const want = 1000 * 0.25 * lineKellyFraction(grades, 1.95);
    expect(r.recommendedStake.toNumber()).toBe(Math.floor(Math.min(want, 20) * 100) / 100);
    expect(p.eloDiff).toBe(165);
  });

  it("blends each market with its own weight against the consensus of the same line", () => {
    const odds = [
      q("A", "moneyline", "home", 1.6),
      q("A", "moneyline", "away", 2.45),
      q("A", "spread", "home", 1.95, -3),
      q("A", "spread", "away", 1.89, 3),
    ];
    const recs = recommendBets([game(1600, 1500, odds)], {
      ...ctx,
      blendWeights: { moneyline: 0.5, spread: 0.5 },
    });
    const market = devig([1.6, 2.45]).probabilities;
    const blend = blendProbabilities([p.home, p.away], market, 0.5);
    const ml = recs.find((r) => r.recommendationType === "moneyline")!;
    expect(ml.confidence.toNumber()).toBe(Number(blend[0]!.toFixed(4)));
    expect(ml.modelProbability.toNumber()).toBe(Number(p.home.toFixed(4)));
    expect(ml.marketProbability!.toNumber()).toBe(Number(market[0]!.toFixed(4)));
    expect(ml.blendWeight.toString()).toBe("0.5");
    expect(ml.edge.toNumber()).toBe(Number((blend[0]! * 1.6 - 1).toFixed(4)));
    const spread = recs.find((r) => r.recommendationType === "spread")!;
    const grades = eloForecast(fivethirtyeightNfl, 1600, 1500, 2, {}, nflMarginModel)!.spread!("home", -3);
    const b = blendLineOutcome(grades, devig([1.95, 1.89]).probabilities[0]!, 0.5);
    expect(spread.edge.toNumber()).toBe(Number(lineEdge(b.outcome, 1.95).toFixed(4)));
    // One event: the moneyline and the spread share the per-event cap.
    expect(recs.reduce((s, r) => s + r.recommendedStake.toNumber(), 0)).toBeLessThanOrEqual(30);
  });

  it("bets nothing on a market it blends but the books do not quote in full", () => {
    const odds = [q("A", "moneyline", "home", 1.6), q("A", "spread", "home", 1.95, -3)];
    expect(
      recommendBets([game(1600, 1500, odds)], { ...ctx, blendWeights: { moneyline: 0.5, spread: 0.5 } }),
    ).toEqual([]);
    // A raw model (weight 1) needs no consensus.
    expect(recommendBets([game(1600, 1500, odds)], ctx).length).toBe(2);
  });

  it("an edge above the maximum is recorded as suspect, never staked, and takes no place of a bet", () => {
    const odds = [
      q("A", "moneyline", "home", 2.5),
      q("A", "total", "over", 1.9, 40.5),
      q("A", "total", "under", 1.9, 40.5),
    ];
    const recs = recommendBets([game(1600, 1500, odds)], {
      ...ctx,
      thresholds: { ...ctx.thresholds, maxPerDay: 0 },
    });
    expect(recs).toHaveLength(1);
    const [s] = recs;
    expect(s).toMatchObject({ recommendationType: "moneyline", side: "home", status: "suspect" });
    expect(s!.recommendedStake.isZero()).toBe(true);
    expect(s!.reason).toMatch(/edge 0\.\d{4} above the maximum 0\.25/);
    expect(s!.edge.toNumber()).toBeCloseTo(p.home * 2.5 - 1, 4);
  });

  it("prices a total about the consensus line (Elo knows no scoring): a book off the consensus is the bet", () => {
    const odds = [
      q("A", "total", "over", 1.91, 44.5),
      q("A", "total", "under", 1.91, 44.5),
      q("B", "total", "over", 1.91, 44.5),
      q("B", "total", "under", 1.91, 44.5),
      q("C", "total", "under", 1.91, 48.5),
      q("C", "total", "over", 1.91, 48.5),
    ];
    const recs = recommendBets([game(1500, 1500, odds)], { ...ctx, markets: ["total"] });
    expect(recs.map((r) => [r.bookmaker, r.side, r.line])).toEqual([["C", "under", 48.5]]);
  });

  it("decides each game at its own time when given (a backtest's price timing)", () => {
    const g = {
      ...game(1600, 1500, [q("A", "moneyline", "home", 1.6, null, new Date("2024-01-07T17:00:00Z"))]),
    };
    expect(recommendBets([g], { ...ctx, markets: ["moneyline"] })).toEqual([]);
    const decided = { ...g, decidedAt: new Date("2024-01-07T17:30:00Z") };
    expect(recommendBets([decided], { ...ctx, markets: ["moneyline"] })).toHaveLength(1);
  });
});
