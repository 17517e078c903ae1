// The blend bets into the price it is struck at: a strategy betting the open fits its weight on
// earlier games' opening consensus (never a close) and the report scores that blend beside the open;
// given the earlier games' out-of-sample forecasts, the weight is fitted on those alone.
import { addDays } from "@edgeline/sdk";
import { describe, expect, it } from "vitest";
import { blendProbabilities } from "../blend/blend.ts";
import { fitBlendWeight } from "../blend/fit-weight.ts";
import type { GameForecast } from "../forecast/game-forecast.ts";
import { devig } from "../odds/devig.ts";
import { btGame, btQuote, evenModel, THRESHOLDS } from "./backtest.test-helpers.ts";
import { runBacktest } from "./engine.ts";
import { type BacktestHistory, PreparedHistory } from "./history.ts";
import { backtest } from "./report.ts";
import { parseStrategy } from "./strategy.ts";

const TEAMS = ["A", "B", "C", "D"];
const FIRST = "2024-01-01";
const DAYS = 24;

/** Two games a day; the opening price (08:00) and a different close (18:00); `closeShift` moves every close. */
function history(closeShift = 0): BacktestHistory {
  const games: BacktestHistory["games"][number][] = [];
  const quotes: BacktestHistory["quotes"][number][] = [];
  for (let d = 0; d < DAYS; d++) {
    const date = addDays(FIRST, d);
    for (let m = 0; m < 2; m++) {
      const k = 2 * d + m;
      const id = `g${k}`;
      const home = TEAMS[(d + m) % 4]!;
      const away = TEAMS[(d + m + 1 + (d % 3)) % 4]!;
      games.push(btGame(id, date, home, away, (k * 7) % 5 < 3 ? [3, 1] : [1, 2]));
      const open = 0.35 + ((k * 3) % 7) * 0.05;
      const close = Math.min(0.85, Math.max(0.15, open + 0.1 * Math.sin(k) + closeShift));
      for (const [at, p] of [
        [`${date}T08:00:00Z`, open],
        [`${date}T18:00:00Z`, close],
      ] as const)
        quotes.push(
          btQuote(id, "X", "home", 1 / (p * 1.05), at),
          btQuote(id, "X", "away", 1 / ((1 - p) * 1.05), at),
        );
    }
  }
  return { sport: "TST", timeZone: "UTC", ways: 2, games, quotes };
}

const options = (prices: object, blend: object = { weight: "fitted", minGames: 10, defaultWeight: 0 }) => ({
  from: addDays(FIRST, 8),
  to: addDays(FIRST, DAYS - 1),
  model: evenModel,
  strategy: parseStrategy({ name: "t", parameters: { prices, blend } }, "test"),
  thresholds: THRESHOLDS,
  markets: ["moneyline"] as const,
});

const openingHome = (h: BacktestHistory, gameId: string) => {
  const [home, away] = h.quotes.filter((q) => q.gameId === gameId).slice(0, 2);
  return devig([home!.price, away!.price]).probabilities;
};

describe("a strategy betting the open blends with the open", () => {
  const raw = history();
  const h = new PreparedHistory(raw);
  const o = options({ at: "opening" });
  const { run, report } = backtest(h, o);

  it("fits each day's weight on the earlier games' opening consensus", () => {
    const day = addDays(FIRST, 15);
    const samples = raw.games.flatMap((g, i) =>
      g.date < day
        ? [
            {
              date: g.date,
              model: run.forecaster.forecast(i, g.date)!.moneyline,
              market: openingHome(raw, g.gameId),
              outcome: g.homeScore! > g.awayScore! ? 0 : 1,
            },
          ]
        : [],
    );
    expect(h.consensusAt(0, { at: "opening" }, () => true).moneyline).toEqual(openingHome(raw, "g0"));
    expect(run.weights.get(day)!.moneyline!.weight).toBeCloseTo(fitBlendWeight(samples).weight, 9);
  });

  it("no close enters its weights, bets or blend: moving every close changes only the closing market's score", () => {
    const moved = backtest(new PreparedHistory(history(0.07)), o);
    expect(moved.run.weights).toEqual(run.weights);
    expect(moved.run.bets.map((b) => [b.gameId, b.probability, b.stake.toString()])).toEqual(
      run.bets.map((b) => [b.gameId, b.probability, b.stake.toString()]),
    );
    const [a, b] = [report.forecasts.sameGames!, moved.report.forecasts.sameGames!];
    expect(b.blend).toEqual(a.blend);
    expect(b.betInto).toEqual(a.betInto);
    expect(b.market.brier).not.toBe(a.market.brier);
  });

  it("scores the blend with the open and the open itself on the same games", () => {
    const f = report.forecasts;
    expect(f.prices).toEqual({ at: "opening" });
    const same = f.sameGames!;
    expect(same.betInto!.games).toBe(same.market.games);
    const inSpan = raw.games.flatMap((g, i) => (g.date >= o.from && g.date <= o.to ? [[g, i] as const] : []));
    const brier = (p: (gameId: string, i: number, date: string) => number) =>
      inSpan.reduce(
        (s, [g, i]) => s + (p(g.gameId, i, g.date) - (g.homeScore! > g.awayScore! ? 1 : 0)) ** 2,
        0,
      ) / inSpan.length;
    expect(same.betInto!.binaryBrier).toBeCloseTo(
      brier((id) => openingHome(raw, id)[0]!),
      12,
    );
    const blended = brier(
      (id, i, date) =>
        blendProbabilities(
          run.forecaster.forecast(i, date)!.moneyline,
          openingHome(raw, id),
          run.weights.get(date)!.moneyline!.weight,
        )[0]!,
    );
    expect(same.blend.binaryBrier).toBeCloseTo(blended, 12);
    // At the close there is no separate market to bet into.
    expect(backtest(h, options({ at: "closing" })).report.forecasts.sameGames!.betInto).toBeUndefined();
  });
});

describe("prior forecasts: the blend's samples before the span are the given out-of-sample forecasts", () => {
  const raw = history();
  const h = new PreparedHistory(raw);
  const o = options({ at: "closing" });
  it("only the given games are samples before the span; the span's own games are the model's", () => {
    const none = runBacktest(h, { ...o, priorForecasts: new Map() });
    // No sample before the span: the first 10 games of the span (5 days) are at the default weight.
    const first = [...none.weights.entries()].filter(([, w]) => !w.moneyline!.fitted).map(([d]) => d);
    expect(first).toEqual([0, 1, 2, 3, 4].map((k) => addDays(o.from, k)));
    // Every earlier game's forecast replaced by one that was always wrong: no weight, where the model's own earned some.
    const wrong = (g: (typeof raw.games)[number]) => (g.homeScore! > g.awayScore! ? [0.2, 0.8] : [0.8, 0.2]);
    const prior = new Map<string, GameForecast>(
      raw.games
        .filter((g) => g.date < o.from)
        .map((g, i) => [g.gameId, { ...run0.forecaster.forecast(i, g.date)!, moneyline: wrong(g) }]),
    );
    const withPrior = runBacktest(h, { ...o, priorForecasts: prior });
    expect(withPrior.weights.get(o.from)!.moneyline).toEqual({ weight: 0, fitted: true });
    expect(run0.weights.get(o.from)!.moneyline!.weight).toBeGreaterThan(0);
    const samples = raw.games
      .filter((g) => g.date < o.from)
      .map((g) => ({
        date: g.date,
        model: wrong(g),
        market: h.closing(raw.games.indexOf(g), () => true).moneyline!,
        outcome: g.homeScore! > g.awayScore! ? 0 : 1,
      }));
    expect(withPrior.weights.get(o.from)!.moneyline!.weight).toBeCloseTo(fitBlendWeight(samples).weight, 9);
  });
  const run0 = runBacktest(h, o);
});
