// Tuning sees only its training span: a later result or price changes no tuned value; and the grid
// point it picks is the one with the lowest training log loss.
import { addDays } from "@edgeline/sdk";
import { describe, expect, it } from "vitest";
import { fivethirtyeightNfl } from "../elo/presets.ts";
import { btGame, btQuote, THRESHOLDS } from "./backtest.test-helpers.ts";
import { type BacktestHistory, PreparedHistory } from "./history.ts";
import { parseStrategy } from "./strategy.ts";
import { chooseThresholds, defaultEloGrid, eloAt, eloLogLoss, type ThresholdOutcome, tune } from "./tune.ts";

const TEAMS = ["A", "B", "C", "D"];

/** Two seasons of round robins; the home side of an odd game number wins by 7, otherwise loses by 3. */
function history(flipAfter?: string): BacktestHistory {
  const games = [];
  const quotes = [];
  let n = 0;
  for (const season of [2020, 2021]) {
    for (let w = 0; w < 12; w++) {
      const date = addDays(`${season}-09-01`, 7 * w);
      for (let m = 0; m < 2; m++, n++) {
        const home = TEAMS[(w + m) % 4]!;
        const away = TEAMS[(w + m + 1 + (w % 2)) % 4]!;
        let score: [number, number] = n % 2 ? [24, 17] : [17, 20];
        if (flipAfter && date > flipAfter) score = [score[1], score[0]];
        const id = `g${n}`;
        games.push({ ...btGame(id, date, home, away, score), season });
        quotes.push(
          btQuote(id, "X", "home", 2.05, `${date}T12:00:00Z`),
          btQuote(id, "X", "away", 1.85, `${date}T12:00:00Z`),
        );
      }
    }
  }
  return { sport: "TST", timeZone: "UTC", ways: 2, games, quotes };
}

const options = {
  from: "2020-09-01",
  trainTo: "2020-12-31",
  backtest: {
    model: { elo: fivethirtyeightNfl, betting: "elo" as const, blend: { minGames: 100, defaultWeight: 1 } },
    strategy: parseStrategy({ name: "t", parameters: { blend: { weight: 1 } } }, "test"),
    thresholds: THRESHOLDS,
    markets: ["moneyline" as const],
  },
};

describe("tune", () => {
  it("picks the grid point with the lowest training log loss, and thresholds by training growth", () => {
    const h = new PreparedHistory(history());
    const r = tune(h, options);
    expect(r.eloPoints).toHaveLength(100);
    const best = r.eloPoints[0]!;
    expect(r.eloPoints.every((p) => p.logLoss >= best.logLoss)).toBe(true);
    expect(eloLogLoss(h, eloAt(fivethirtyeightNfl, best), options.from, options.trainTo).logLoss).toBe(
      best.logLoss,
    );
    expect(r.elo.kFactor).toEqual({ kind: "constant", value: best.kFactor });
    expect(r.trainingGames).toBe(24);
    expect(r.thresholdPoints.length).toBeGreaterThan(0);
    expect(defaultEloGrid(fivethirtyeightNfl).kFactor).toEqual([10, 15, 20, 25, 30]);
  });

  it("a later result changes no tuned value", () => {
    const a = tune(new PreparedHistory(history()), options);
    const b = tune(new PreparedHistory(history(options.trainTo)), options);
    expect(b).toEqual(a);
    // …while the same change inside the span does change the search.
    const c = tune(new PreparedHistory(history("2020-10-15")), options);
    expect(c.eloPoints).not.toEqual(a.eloPoints);
  });
});

describe("tune: schedule, market and abstaining stages", () => {
  it("searches the schedule terms and the market update at the best point, and abstains when every threshold lost", () => {
    const h = new PreparedHistory(history());
    const r = tune(h, {
      ...options,
      eloGrid: {
        ...defaultEloGrid(fivethirtyeightNfl),
        schedule: { backToBack: [0, 30], rested: [0], playoffMultiplier: [1] },
        marketUpdate: { share: [0, 0.5], kFactor: [20], homeAdvantage: [0, 65] },
      },
      abstainWhenLosing: true,
    });
    expect(r.eloPoints).toHaveLength(100 + 2 + 4);
    const best = r.eloPoints[0]!;
    expect(r.elo.marketUpdate === undefined).toBe(best.marketShare === undefined);
    expect(eloLogLoss(h, eloAt(fivethirtyeightNfl, best), options.from, options.trainTo).logLoss).toBe(
      best.logLoss,
    );
    const lost = r.thresholdPoints.every((p) => p.logGrowth < 0);
    expect(r.thresholds.minEdge).toBe(lost ? 0.25 : tune(h, options).thresholds.minEdge);
    if (lost) expect(r.thresholdNote).toMatch(/nothing is bet/);
  });
});

describe("chooseThresholds: the point that grew the bankroll most over the record's spans", () => {
  const point = (minEdge: number, bets: number, logGrowth: number): ThresholdOutcome => ({
    minEdge,
    kellyFraction: 0.25,
    bets,
    logGrowth,
  });
  const o = { kellyFraction: 0.25, abstainWhenLosing: true };
  it("compounds the spans: the sum of their log growths, bets added", () => {
    // 0.02 grew +0.10 then lost 0.08 (+0.02 in all); 0.05 grew +0.01 twice (+0.02): tie → the lower edge.
    const c = chooseThresholds(
      [
        [point(0.02, 40, 0.1), point(0.05, 10, 0.01), point(0.08, 0, 0)],
        [point(0.02, 50, -0.08), point(0.05, 12, 0.01), point(0.08, 3, -0.01)],
      ],
      THRESHOLDS,
      o,
    );
    expect(c.thresholds).toEqual({ ...THRESHOLDS, minEdge: 0.02 });
    expect(c.thresholdPoints.map((p) => [p.minEdge, p.bets])).toEqual([
      [0.02, 90],
      [0.05, 22],
      [0.08, 3],
    ]);
    expect(c.thresholdPoints[0]!.logGrowth).toBeCloseTo(0.02, 12);
    expect(c.thresholdNote).toBeUndefined();
    // One more losing span for 0.02 and 0.05 wins.
    const d = chooseThresholds(
      [
        [point(0.02, 40, 0.1), point(0.05, 10, 0.01)],
        [point(0.02, 50, -0.081), point(0.05, 12, 0.01)],
      ],
      THRESHOLDS,
      o,
    );
    expect(d.thresholds.minEdge).toBe(0.05);
  });
  it("abstains when no point grew the bankroll, or there is no record; keeps the given thresholds otherwise", () => {
    const losing = chooseThresholds([[point(0.02, 40, -0.1), point(0.05, 10, 0)]], THRESHOLDS, o);
    expect(losing.thresholds.minEdge).toBe(THRESHOLDS.maxEdge);
    expect(losing.thresholdNote).toMatch(/best log growth 0\.0000.*nothing is bet/);
    const none = chooseThresholds([], THRESHOLDS, o);
    expect(none.thresholds.minEdge).toBe(THRESHOLDS.maxEdge);
    expect(none.thresholdNote).toMatch(/no record of a bet/);
    const kept = chooseThresholds([[point(0.02, 0, 0)]], THRESHOLDS, { ...o, abstainWhenLosing: false });
    expect(kept.thresholds).toBe(THRESHOLDS);
    expect(kept.thresholdNote).toMatch(/thresholds kept as given/);
    // Without abstaining, the point that lost least is bet.
    expect(
      chooseThresholds([[point(0.02, 40, -0.1), point(0.05, 10, -0.02)]], THRESHOLDS, {
        ...o,
        abstainWhenLosing: false,
      }).thresholds.minEdge,
    ).toBe(0.05);
  });
});
