// The backtest on histories small enough to check by hand: stakes sized on the bankroll of the
// day, settlement, yield, ROI, drawdown, the losing run, CLV against the book's close and the
// consensus (and "not measurable" where a bet was taken at the close), the baselines, the
// forecasts on the same games; and the metric functions on their own.
import { Decimal } from "decimal.js";
import { describe, expect, it } from "vitest";
import { devig } from "../odds/devig.ts";
import { btGame, btQuote, evenModel, THRESHOLDS } from "./backtest.test-helpers.ts";
import { bootstrapYieldInterval, longestLosingRun } from "./betting-summary.ts";
import { runBacktest } from "./engine.ts";
import { formatReport } from "./format.ts";
import { type BacktestHistory, PreparedHistory } from "./history.ts";
import { backtest, curveCsv } from "./report.ts";
import { parseStrategy } from "./strategy.ts";

const D = (x: string | number) => new Decimal(x);

const history: BacktestHistory = {
  sport: "TST",
  timeZone: "UTC",
  ways: 2,
  games: [btGame("g1", "2024-01-01", "A", "B", [2, 1]), btGame("g2", "2024-01-02", "C", "D", [0, 1])],
  quotes: [
    btQuote("g1", "Book", "home", 2.2, "2024-01-01T08:00:00Z"),
    btQuote("g1", "Book", "away", 1.8, "2024-01-01T08:00:00Z"),
    btQuote("g1", "Book", "home", 2.0, "2024-01-01T18:00:00Z"),
    btQuote("g1", "Book", "away", 1.9, "2024-01-01T18:00:00Z"),
    btQuote("g2", "Book", "home", 2.2, "2024-01-02T10:00:00Z"),
    btQuote("g2", "Book", "away", 1.8, "2024-01-02T10:00:00Z"),
    // After the start: never a pre-game price.
    btQuote("g2", "Book", "home", 9.0, "2024-01-02T19:30:00Z"),
  ],
};

const options = (prices: object) => ({
  from: "2024-01-01",
  to: "2024-01-02",
  model: evenModel,
  strategy: parseStrategy({ name: "raw", parameters: { prices, blend: { weight: 1 } } }, "test"),
  thresholds: THRESHOLDS,
  markets: ["moneyline"] as const,
});

describe("a backtest by hand", () => {
  const h = new PreparedHistory(history);

  it("sizes each day's stakes on that day's bankroll and settles them by the live rules", () => {
    // Both games are coin flips to the even model. Opening prices: home 2.20 has edge 0.10,
    // ¼ Kelly 2.08% is capped at 2%: 20.00 wins 24.00; the next day 2% of 1,024.00 = 20.48 loses.
    const run = runBacktest(h, options({ at: "opening" }));
    expect(
      run.bets.map((b) => [
        b.gameId,
        b.selection,
        b.price.toString(),
        b.stake.toString(),
        b.result.toString(),
      ]),
    ).toEqual([
      ["g1", "home", "2.2", "20", "24"],
      ["g2", "home", "2.2", "20.48", "-20.48"],
    ]);
    expect(run.decisions.map((d) => d.bankroll)).toEqual(["1000.00", "1024.00"]);
    expect(
      run.curve.map((p) => [p.day, p.bankroll.toFixed(2), p.staked.toFixed(2), p.profit.toFixed(2), p.bets]),
    ).toEqual([
      ["2024-01-01", "1024.00", "20.00", "24.00", 1],
      ["2024-01-02", "1003.52", "20.48", "-20.48", 1],
    ]);
    expect(curveCsv([run])).toBe(
      "strategy,day,bankroll,staked,profit,bets\nraw,2024-01-01,1024.00,20.00,24.00,1\nraw,2024-01-02,1003.52,20.48,-20.48,1\n",
    );
  });

  it("reports yield, ROI, drawdown, the losing run, CLV, baselines and forecasts", () => {
    const { report } = backtest(h, options({ at: "opening" }));
    const b = report.betting;
    expect(b).toMatchObject({
      bets: 2,
      turnover: "40.48",
      profit: "3.52",
      startingBankroll: "1000.00",
      endingBankroll: "1003.52",
      longestLosingRun: 1,
    });
    expect(b.yield).toBeCloseTo(3.52 / 40.48, 12);
    expect(b.roi).toBeCloseTo(0.00352, 12);
    expect(b.maxDrawdown).toBeCloseTo(20.48 / 1024, 12);
    expect(b.yieldInterval![0]).toBeLessThan(b.yield!);
    expect(b.yieldInterval![1]).toBeGreaterThan(b.yield!);
    // g1 was struck at 2.20 and its book closed at 2.00: +10%, beaten. g2's only price (10:00,
    // the game at 19:00) held to the start: 0, measured, not beaten.
    const pClose = devig([2.0, 1.9]).probabilities[0]!;
    expect(report.clv.sameBook).toMatchObject({ measured: 2, atClose: 0, lineMoved: 0, beatShare: 0.5 });
    expect(report.clv.sameBook.average).toBeCloseTo(0.05, 12);
    // At the close, both bets are taken at their book's last price: nothing to measure.
    const closing = backtest(h, options({ at: "closing" })).report;
    expect(closing.clv.sameBook).toMatchObject({ measured: 0, atClose: closing.betting.bets, average: null });
    expect(closing.betting.bets).toBeGreaterThan(0);
    expect(report.clv.consensus.measured).toBe(2);
    expect(report.clv.consensus.average).toBeCloseTo(
      (pClose * 2.2 - 1 + (devig([2.2, 1.8]).probabilities[0]! * 2.2 - 1)) / 2,
      12,
    );
    // Baselines at the opening prices: home +1.2 then −1; the favourite (away both times) −1 then +0.8.
    expect(report.baselines.alwaysHome).toMatchObject({ bets: 2, profit: 0.2 });
    expect(report.baselines.alwaysHome.yield).toBeCloseTo(0.1, 12);
    expect(report.baselines.favourite).toMatchObject({ bets: 2, profit: -0.2 });
    // The consensus is the probability: no price beats it by 2%.
    expect(report.baselines.consensus.bets).toBe(0);
    // Forecasts on the same two games: the even model says 0.5 both times.
    const f = report.forecasts.sameGames!;
    expect(f.model.binaryBrier).toBeCloseTo(0.25, 12);
    expect(f.blend.binaryBrier).toBeCloseTo(0.25, 12);
    const p2 = devig([2.2, 1.8]).probabilities[0]!;
    expect(f.market.binaryBrier).toBeCloseTo(((pClose - 1) ** 2 + p2 ** 2) / 2, 12);
    const text = formatReport(report);
    expect(text).toContain("yield: profit / turnover");
    expect(text).toMatch(/against the same book's close: +\+5\.00% average over 2 bets; 50% beat the close/);
  });

  it("at the closing price: no line movement to measure, said so", () => {
    const { report } = backtest(h, options({ at: "closing" }));
    // g1 at the close 2.00 is no edge against 0.5; g2 is bet at 2.20 (its only price).
    expect(report.betting.bets).toBe(1);
    expect(report.clv.sameBook.measured).toBe(0);
    expect(report.clv.sameBook.note).toMatch(
      /not measurable: every bet was taken at its book's closing price/,
    );
  });

  it("an archive's closing line, stamped at the start, is the close; a quote after the start is not", () => {
    const archive = new PreparedHistory({
      ...history,
      quotes: [
        btQuote("g2", "Book", "home", 2.2, "2024-01-02T19:00:00Z"),
        btQuote("g2", "Book", "away", 1.8, "2024-01-02T19:00:00Z"),
        btQuote("g2", "Book", "home", 3.0, "2024-01-02T19:00:01Z"),
      ],
    });
    const run = runBacktest(archive, options({ at: "closing" }));
    expect(run.bets.map((b) => [b.gameId, b.price.toString()])).toEqual([["g2", "2.2"]]);
    expect(archive.closing(1, () => true).moneyline![0]).toBeCloseTo(devig([2.2, 1.8]).probabilities[0]!, 15);
  });

  it("a game the data never finished voids its bets", () => {
    const postponed = new PreparedHistory({
      ...history,
      games: [
        history.games[0]!,
        { ...history.games[1]!, status: "Postponed", homeScore: null, awayScore: null },
      ],
    });
    const run = runBacktest(postponed, options({ at: "opening" }));
    expect(run.bets[1]).toMatchObject({ status: "void" });
    expect(run.bets[1]!.result.isZero()).toBe(true);
  });
});

describe("metric functions", () => {
  const bets = [D(-1), D(-2), D(0), D(-1), D(3), D(-1)].map((result) => ({ stake: D(2), result }));
  it("the longest losing run skips pushes and is broken by a win", () => {
    expect(longestLosingRun(bets)).toBe(3);
    expect(longestLosingRun([])).toBe(0);
  });
  it("the bootstrap interval is seeded, contains the yield, and needs two bets", () => {
    const a = bootstrapYieldInterval(bets, { seed: "s" });
    expect(bootstrapYieldInterval(bets, { seed: "s" })).toEqual(a);
    const y = -2 / 12;
    expect(a![0]).toBeLessThanOrEqual(y);
    expect(a![1]).toBeGreaterThanOrEqual(y);
    expect(bootstrapYieldInterval(bets.slice(0, 1))).toBeNull();
  });
  it("strategy files are validated, naming the field", () => {
    expect(() => parseStrategy({ name: "x", parameters: { prices: { at: "noon" } } }, "s.json")).toThrow(
      /s\.json: parameters\.prices\.at/,
    );
    expect(() =>
      parseStrategy({ name: "x", parameters: { staking: { kellyFraction: 2 } } }, "s.json"),
    ).toThrow(/kellyFraction must be ≤ 1/);
    expect(() => parseStrategy({ name: "x", extra: 1 }, "s.json")).toThrow(/s\.json/);
    expect(parseStrategy({ name: "x" }, "s.json")).toMatchObject({
      prices: { at: "closing" },
      bankroll: "1000.00",
      blend: { weight: "fitted" },
    });
  });
});
