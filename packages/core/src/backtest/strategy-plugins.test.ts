// Strategies as plugins in the backtest: files naming a plugin and its parameters (and the old
// files, which are model-edge), the engine handing a strategy only the history up to each
// decision, and strategies compared on the same games with CLV against Pinnacle's close.
import { CORE_VERSION, defineStrategy, type StrategyGame } from "@edgeline/sdk";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { btGame, btQuote, evenModel, THRESHOLDS } from "./backtest.test-helpers.ts";
import { runBacktest } from "./engine.ts";
import { formatComparison } from "./format.ts";
import { type BacktestHistory, PreparedHistory } from "./history.ts";
import { backtest } from "./report.ts";
import { BUNDLED_CATALOG, parseStrategy } from "./strategy.ts";

// Pinnacle opens 50/50 on g1 and moves to the home side; a soft book lags at 2.10 until the close.
const history: BacktestHistory = {
  sport: "TST",
  timeZone: "UTC",
  ways: 2,
  games: [btGame("g1", "2024-01-01", "A", "B", [2, 1]), btGame("g2", "2024-01-02", "C", "D", [0, 1])],
  quotes: [
    btQuote("g1", "pinnacle", "home", 1.95, "2024-01-01T08:00:00Z"),
    btQuote("g1", "pinnacle", "away", 1.95, "2024-01-01T08:00:00Z"),
    btQuote("g1", "soft", "home", 2.1, "2024-01-01T09:00:00Z"),
    btQuote("g1", "soft", "away", 1.75, "2024-01-01T09:00:00Z"),
    btQuote("g1", "pinnacle", "home", 1.8, "2024-01-01T18:00:00Z"),
    btQuote("g1", "pinnacle", "away", 2.1, "2024-01-01T18:00:00Z"),
    btQuote("g2", "pinnacle", "home", 2.0, "2024-01-02T09:00:00Z"),
    btQuote("g2", "pinnacle", "away", 1.9, "2024-01-02T09:00:00Z"),
    btQuote("g2", "soft", "home", 1.9, "2024-01-02T09:30:00Z"),
    btQuote("g2", "soft", "away", 2.05, "2024-01-02T09:30:00Z"),
    btQuote("g2", "soft", "away", 1.8, "2024-01-02T18:30:00Z"),
  ],
};

const base = {
  from: "2024-01-01",
  to: "2024-01-02",
  model: evenModel,
  thresholds: THRESHOLDS,
  markets: ["moneyline" as const],
};

describe("strategy files", () => {
  it("name a strategy and its parameters; a file without one is model-edge", () => {
    const s = parseStrategy(
      {
        name: "sharp",
        strategy: "sharp-reference",
        parameters: {
          prices: { at: "opening" },
          bookmakers: ["soft"],
          threshold: 0.03,
          maxQuoteAgeMinutes: 600,
        },
      },
      "s.json",
    );
    expect(s).toMatchObject({ strategy: "sharp-reference", bookmakers: ["soft"], maxQuoteAgeMinutes: 600 });
    expect(s.options).toMatchObject({ threshold: 0.03, sharp: { pinnacle: 1 }, maxAgeMinutes: 10_080 });
    expect(parseStrategy({ name: "old", parameters: { blend: { weight: 1 } } }, "old.json")).toMatchObject({
      strategy: "model-edge",
      options: {},
    });
  });

  it("name the field at fault, in the plugin's own parameters too", () => {
    expect(() =>
      parseStrategy({ name: "x", strategy: "sharp-reference", parameters: { threshold: 2 } }, "s.json"),
    ).toThrow(/^s\.json: parameters\.threshold: /);
    expect(() => parseStrategy({ name: "x", parameters: { thresold: 0.02 } }, "s.json")).toThrow(
      /s\.json: parameters/,
    );
    expect(() => parseStrategy({ name: "x", strategy: "martingale" }, "s.json")).toThrow(
      /unknown strategy "martingale"; strategies: model-edge, sharp-reference, consensus, arbitrage/,
    );
  });
});

describe("the engine", () => {
  it("hands a strategy no quote stamped after its decision, under every price timing", () => {
    const seen: Array<{ game: StrategyGame; latest: number }> = [];
    const spy = defineStrategy({
      name: "spy",
      displayName: "Spy",
      description: "records what it is shown",
      coreVersion: `^${CORE_VERSION}`,
      parameters: z.object({}),
      propose(ctx) {
        for (const game of ctx.games) {
          const times = [...game.history, ...game.quotes].map((q) => q.quotedAt.getTime());
          seen.push({ game, latest: Math.max(...times) });
        }
        return [];
      },
    });
    const h = new PreparedHistory(history, ["moneyline"]);
    for (const prices of [{ at: "opening" }, { at: "lead", minutes: 120 }, { at: "closing" }]) {
      seen.length = 0;
      const strategy = { ...parseStrategy({ name: "spy", parameters: { prices } }, "t"), strategy: "spy" };
      runBacktest(h, { ...base, strategy, plugin: spy });
      expect(seen).toHaveLength(2);
      for (const { game, latest } of seen) expect(latest).toBeLessThanOrEqual(game.decidedAt.getTime());
    }
    // Two hours before g1 the close (18:00) is not yet known: the history holds the 08:00 and 09:00 quotes only.
    seen.length = 0;
    runBacktest(h, {
      ...base,
      strategy: {
        ...parseStrategy({ name: "spy", parameters: { prices: { at: "lead", minutes: 120 } } }, "t"),
        strategy: "spy",
      },
      plugin: spy,
    });
    expect(seen[0]!.game.history.map((q) => q.price)).toEqual([1.95, 1.95, 2.1, 1.75]);
  });

  it("compares strategies on the same games, with CLV against Pinnacle's de-vigged close", () => {
    const h = new PreparedHistory(history, ["moneyline"]);
    const sharp = parseStrategy(
      {
        name: "sharp",
        strategy: "sharp-reference",
        parameters: { prices: { at: "lead", minutes: 120 }, stake: { kind: "flat", amount: "10" } },
      },
      "t",
    );
    const { report, run } = backtest(h, {
      ...base,
      strategy: sharp,
      plugin: BUNDLED_CATALOG.get("sharp-reference")!,
    });
    // g1: soft 2.10 against Pinnacle's 50% (edge 5%); g2: soft away 2.05 against 1/1.9/(1/2+1/1.9) = 51.28% (edge 5.1%).
    expect(
      run.bets.map((b) => [b.gameId, b.bookmaker, b.selection, b.price.toNumber(), b.stake.toFixed(2)]),
    ).toEqual([
      ["g1", "soft", "home", 2.1, "10.00"],
      ["g2", "soft", "away", 2.05, "10.00"],
    ]);
    // Pinnacle closes g1 at 1.80/2.10 (home 53.85% de-vigged): 0.5385 × 2.10 − 1 = +13.1%; g2's close is its only quote.
    const p1 = 1 / 1.8 / (1 / 1.8 + 1 / 2.1);
    const p2 = 1 / 1.9 / (1 / 2 + 1 / 1.9);
    expect(report.sharpClv.measured).toBe(2);
    expect(report.sharpClv.average).toBeCloseTo((p1 * 2.1 - 1 + p2 * 2.05 - 1) / 2, 10);
    expect(report.sharpClv.positiveShare).toBe(1);
    const table = formatComparison([report, report]);
    expect(table).toContain("sharp (sharp-reference)");
    expect(table).toMatch(/CLV vs sharp\s+beat it/);
  });
});
