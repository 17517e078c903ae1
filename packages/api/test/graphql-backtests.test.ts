// backtestRuns and backtestRun over real HTTP: runs a real backtest (core's engine on a small
// history made here) stored through the repository, read back with their figures, report and curve.
import {
  type BacktestHistory,
  backtest,
  backtestRunInput,
  createPgPool,
  fivethirtyeightNfl,
  insertBacktestRun,
  PreparedHistory,
  parseStrategy,
} from "@edgeline/core";
import { addDays } from "@edgeline/sdk";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { dataOf, type Harness, startHarness } from "./graphql-harness.ts";

/** Six weeks of a four-team league, home sides priced at 2.10 / 1.80 the morning of each game. */
function history(): BacktestHistory {
  const teams = ["AAA", "BBB", "CCC", "DDD"];
  const games: BacktestHistory["games"][number][] = [];
  const quotes: BacktestHistory["quotes"][number][] = [];
  for (let w = 0; w < 6; w++) {
    const date = addDays("2024-09-08", 7 * w);
    for (let m = 0; m < 2; m++) {
      const gameId = `NFL_${date.replaceAll("-", "")}_${teams[(w + m + 1) % 4]}_${teams[(w + m) % 4]}`;
      const home = teams[(w + m) % 4]!;
      const away = teams[(w + m + 1) % 4]!;
      const at = new Date(`${date}T12:00:00Z`);
      games.push({
        gameId,
        date,
        season: 2024,
        commenceTime: new Date(`${date}T17:00:00Z`),
        status: "Final",
        home,
        away,
        homeScore: 20 + m * 7,
        awayScore: 17 + w,
      });
      for (const [outcome, price] of [
        ["home", 2.1],
        ["away", 1.8],
      ] as const)
        quotes.push({
          gameId,
          bookmaker: "Book",
          outcome,
          price,
          lastUpdate: at,
          marketId: `${gameId}:${outcome}`,
        });
    }
  }
  return { sport: "NFL", timeZone: "UTC", ways: 2, games, quotes };
}

let h: Harness;
let stored: { id: string; report: ReturnType<typeof backtest>["report"]; points: number };

beforeAll(async () => {
  h = await startHarness({
    seed: async (_api, db) => {
      const pool = createPgPool({ connectionString: db.url, poolSize: 1 });
      try {
        const options = {
          from: "2024-09-01",
          to: "2024-12-31",
          model: {
            elo: fivethirtyeightNfl,
            betting: "elo" as const,
            blend: { minGames: 100, defaultWeight: 1 },
          },
          strategy: parseStrategy({ name: "graphql", parameters: { blend: { weight: 1 } } }, "test"),
          thresholds: { minEdge: 0.02, maxEdge: 0.25, minOdds: 1.2, maxOdds: 6, maxPerDay: 5 },
          markets: ["moneyline" as const],
        };
        const { report, run } = backtest(new PreparedHistory(history()), options);
        const id = await insertBacktestRun(pool, backtestRunInput(report, run));
        await insertBacktestRun(pool, { ...backtestRunInput(report, run), sport: "EPL", strategy: "other" });
        // The same history loaded with an assumed price (it has no unpriced lines to give it to).
        const assumed = backtest(
          new PreparedHistory({ ...history(), assumedPrice: { american: -110, decimal: 1.9091, quotes: 0 } }),
          options,
        );
        await insertBacktestRun(pool, { ...backtestRunInput(assumed.report, assumed.run), sport: "NBA" });
        stored = { id, report, points: run.curve.length };
      } finally {
        await pool.end();
      }
    },
  });
});
afterAll(() => h?.close());

describe("backtest runs", () => {
  test("lists runs by sport with their figures and curve, newest first", async () => {
    const { backtestRuns } = dataOf(
      await h.gql<{
        backtestRuns: {
          totalCount: number;
          edges: { node: Record<string, unknown> & { curve: Array<{ day: string; bankroll: string }> } }[];
        };
      }>(
        `{ backtestRuns(sport: "NFL", first: 10) { totalCount edges { node {
             id sport strategy from to model bets turnover profit yield roi maxDrawdown startingBankroll endingBankroll
             curve { day bankroll staked profit bets } } } } }`,
      ),
    );
    expect(backtestRuns.totalCount).toBe(1);
    const run = backtestRuns.edges[0]!.node;
    const b = stored.report.betting;
    expect(b.bets).toBeGreaterThan(0);
    expect(run).toMatchObject({
      id: stored.id,
      sport: "NFL",
      strategy: "graphql",
      from: "2024-09-01",
      to: "2024-12-31",
      model: "fivethirtyeight-nfl",
      bets: b.bets,
      turnover: b.turnover,
      profit: b.profit,
      endingBankroll: b.endingBankroll,
      startingBankroll: "1000.00",
      yield: b.yield!.toFixed(6),
    });
    expect(run.curve).toHaveLength(stored.points);
    expect(run.curve.map((p: { day: string }) => p.day)).toEqual(
      [...run.curve.map((p: { day: string }) => p.day)].sort(),
    );
    expect(run.curve.at(-1)!.bankroll).toBe(b.endingBankroll);
  });

  test("the assumed price a run bet unpriced lines at, typed; null for a run that assumed none", async () => {
    const q = (sport: string) =>
      h.gql<{ backtestRuns: { edges: { node: { assumedPrice: Record<string, unknown> | null } }[] } }>(
        `query ($sport: String!) { backtestRuns(sport: $sport, first: 5) { edges { node {
           assumedPrice { american decimal quotes bets note } } } } }`,
        { sport },
      );
    expect(dataOf(await q("NFL")).backtestRuns.edges[0]!.node.assumedPrice).toBeNull();
    expect(dataOf(await q("NBA")).backtestRuns.edges[0]!.node.assumedPrice).toEqual({
      american: -110,
      decimal: 1.9091,
      quotes: 0,
      bets: 0,
      note: "0 line quotes given without a price were priced at an assumed -110 (decimal 1.9091); 0 bets were struck at it, so their profit, yield and CLV rest on that assumption",
    });
  });

  test("one run by id, with its report as JSON; an unknown id is null, a malformed one an argument error", async () => {
    const one = dataOf(
      await h.gql<{ backtestRun: { report: string; parameters: string } | null }>(
        `query ($id: ID!) { backtestRun(id: $id) { report parameters } }`,
        { id: stored.id },
      ),
    );
    expect(JSON.parse(one.backtestRun!.report).betting).toEqual(
      JSON.parse(JSON.stringify(stored.report.betting)),
    );
    expect(JSON.parse(one.backtestRun!.parameters).name).toBe("graphql");
    expect(dataOf(await h.gql(`{ backtestRun(id: "999999") { id } }`)).backtestRun).toBeNull();
    const bad = await h.gql(`{ backtestRun(id: "x1") { id } }`);
    expect(bad.body.errors?.[0]?.message).toMatch(/id/);
  });

  test("the report's figures typed: yield interval, CLV, forecasts with calibration, baselines", async () => {
    const { backtestRun } = dataOf(
      await h.gql<{
        backtestRun: {
          yieldLow: number | null;
          yieldHigh: number | null;
          clv: { consensusMeasured: number; consensusAverage: number | null } | null;
          forecasts: Array<{
            forecaster: string;
            games: number;
            brier: number;
            calibration: Array<{ count: number; meanProbability: number | null }>;
          }>;
          baselines: Array<{ name: string; definition: string; bets: number; yield: number | null }>;
        };
      }>(
        `query ($id: ID!) { backtestRun(id: $id) { yieldLow yieldHigh
           clv { consensusMeasured consensusAverage sameBookMeasured beatShare note }
           forecasts { forecaster games brier logLoss accuracy calibration { lower upper count meanProbability observedRate } }
           baselines { name definition bets yield yieldLow yieldHigh } } }`,
        { id: stored.id },
      ),
    );
    const r = stored.report;
    expect([backtestRun.yieldLow, backtestRun.yieldHigh]).toEqual(r.betting.yieldInterval);
    expect(backtestRun.clv).toMatchObject({
      consensusMeasured: r.clv.consensus.measured,
      consensusAverage: r.clv.consensus.average,
    });
    const names = backtestRun.forecasts.map((f) => f.forecaster);
    expect(names).toEqual([...(r.forecasts.sameGames ? ["model", "blend", "market"] : []), "modelAll"]);
    const all = backtestRun.forecasts.at(-1)!;
    expect(all.games).toBe(r.forecasts.modelAll!.games);
    expect(all.brier).toBeCloseTo(r.forecasts.modelAll!.brier, 12);
    // Every forecast lands in one bucket; an empty bucket has no mean (null, not NaN).
    expect(all.calibration.reduce((n, b) => n + b.count, 0)).toBe(2 * all.games);
    for (const b of all.calibration) expect(b.meanProbability === null).toBe(b.count === 0);
    expect(backtestRun.baselines.map((b) => b.name).sort()).toEqual(["alwaysHome", "consensus", "favourite"]);
    const home = backtestRun.baselines.find((b) => b.name === "alwaysHome")!;
    expect(home).toMatchObject({ bets: r.baselines.alwaysHome.bets, yield: r.baselines.alwaysHome.yield });
    expect(home.definition).toMatch(/home/);
  });
});
