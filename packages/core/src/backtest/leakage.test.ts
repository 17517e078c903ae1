// No look-ahead, as a property: on random histories (moneylines and spreads from two books, opening
// and closing prices, the blend fitted walk-forward), changing the result of any game dated on or
// after a decision's day (its own day's games included: a day is decided before its games), and any
// price quoted after the decision, changes no rating, probability, blend weight, bankroll,
// recommendation or stake of that decision.
import { addDays } from "@edgeline/sdk";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fivethirtyeightNfl } from "../elo/presets.ts";
import { nflMarginModel } from "../margins/presets.ts";
import { btGame, btQuote, THRESHOLDS } from "./backtest.test-helpers.ts";
import { runBacktest } from "./engine.ts";
import { type BacktestHistory, type BacktestQuote, PreparedHistory } from "./history.ts";
import { parseStrategy } from "./strategy.ts";

const TEAMS = ["A", "B", "C", "D", "E", "F"];
const DAYS = 10;
const FIRST = "2023-09-01";
const model = {
  // With the schedule terms and ratings that learn from each game's close: a close is no result's leak either.
  elo: { ...fivethirtyeightNfl, schedule: { backToBack: 20, rested: 5 }, marketUpdate: { share: 0.3 } },
  margin: nflMarginModel,
  betting: "elo" as const,
  blend: { minGames: 4, defaultWeight: 1 },
};

interface GameDraw {
  home: number;
  away: number;
  score: [number, number];
  /** Home win probability the prices are made from, and the home line. */
  p: number;
  line: number;
  /** How the close moves from the opening. */
  drift: number;
}

const gameDraw = fc.record({
  home: fc.integer({ min: 0, max: 5 }),
  away: fc.integer({ min: 0, max: 5 }),
  score: fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 40 })),
  p: fc.double({ min: 0.25, max: 0.75, noNaN: true }),
  line: fc.integer({ min: -10, max: 10 }).map((x) => x + 0.5),
  drift: fc.double({ min: -0.08, max: 0.08, noNaN: true }),
});

/** Two books, each quoting an opening price the evening before and a close an hour before the start. */
function historyOf(draws: readonly GameDraw[]): BacktestHistory {
  const games: BacktestHistory["games"][number][] = [];
  const quotes: BacktestQuote[] = [];
  draws.forEach((d, k) => {
    const date = addDays(FIRST, Math.floor(k / 2));
    const away = d.away === d.home ? (d.home + 1) % TEAMS.length : d.away;
    const id = `g${k}`;
    games.push(btGame(id, date, TEAMS[d.home]!, TEAMS[away]!, d.score));
    const open = `${addDays(date, -1)}T20:00:00Z`;
    const close = `${date}T18:00:00Z`;
    for (const [book, margin] of [
      ["X", 1.04],
      ["Y", 1.06],
    ] as const) {
      for (const [at, p] of [
        [open, d.p],
        [close, Math.min(0.9, Math.max(0.1, d.p + d.drift))],
      ] as const) {
        quotes.push(
          btQuote(id, book, "home", 1 / (p * margin), at),
          btQuote(id, book, "away", 1 / ((1 - p) * margin), at),
        );
        quotes.push(
          btQuote(id, book, "home", 1.91, at, "spread", d.line),
          btQuote(id, book, "away", 1.91 + (book === "X" ? 0.06 : 0), at, "spread", -d.line),
        );
      }
    }
  });
  return { sport: "TST", timeZone: "UTC", ways: 2, games, quotes };
}

function run(history: BacktestHistory, prices: object) {
  return runBacktest(new PreparedHistory(history), {
    from: addDays(FIRST, 1),
    to: addDays(FIRST, DAYS),
    model,
    strategy: parseStrategy(
      { name: "leak", parameters: { prices, markets: ["moneyline", "spread"] } },
      "test",
    ),
    thresholds: { ...THRESHOLDS, minEdge: 0 },
    markets: ["moneyline", "spread"],
  });
}

describe("the backtest never looks ahead", () => {
  for (const prices of [{ at: "opening" }, { at: "closing" }, { at: "lead", minutes: 120 }]) {
    it(`changing later results and prices changes no earlier decision (${prices.at} prices)`, () => {
      fc.assert(
        fc.property(
          fc.array(gameDraw, { minLength: 2 * DAYS, maxLength: 2 * DAYS }),
          fc.integer({ min: 2, max: DAYS }),
          fc.array(gameDraw, { minLength: 2 * DAYS, maxLength: 2 * DAYS }),
          (draws, k, other) => {
            const cutoff = addDays(FIRST, k);
            // Decisions of days before the cutoff are compared: results change from the day before it.
            const resultsFrom = addDays(cutoff, -1);
            const original = historyOf(draws);
            const changedDraws = draws.map((d, i) => ({ ...d, score: other[i]!.score }));
            const changed = historyOf(changedDraws);
            // Later results changed above; later prices changed here (every quote from the cutoff on).
            const otherPrices = historyOf(other).quotes;
            const perturbed: BacktestHistory = {
              ...changed,
              games: changed.games.map((g, i) => (g.date >= resultsFrom ? g : original.games[i]!)),
              quotes: changed.quotes.map((q, i) =>
                q.lastUpdate >= new Date(`${cutoff}T00:00:00Z`)
                  ? { ...q, price: otherPrices[i]!.price }
                  : original.quotes[i]!,
              ),
            };
            const a = run(original, prices);
            const b = run(perturbed, prices);
            const before = new Date(`${cutoff}T00:00:00Z`);
            const early = <T extends { decidedAt: Date }>(xs: readonly T[]) =>
              xs.filter((x) => x.decidedAt < before);
            expect(early(b.decisions)).toEqual(early(a.decisions));
            const bets = (r: typeof a) =>
              early(r.bets).map((x) => [
                x.gameId,
                x.market,
                x.selection,
                x.line,
                x.bookmaker,
                x.price.toString(),
                x.stake.toString(),
                x.probability,
                x.weight,
              ]);
            expect(bets(b)).toEqual(bets(a));
            expect(early(a.decisions).length).toBeGreaterThan(0);
          },
        ),
        { numRuns: 40 },
      );
    });
  }
});
