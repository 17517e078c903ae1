// The travel term in a backtest: the history's venues give each game its sides' miles, and tune's
// schedule stage searches the travel values beside rest (0 among them, so it may drop the term).
import { addDays, type VenueLocation } from "@edgeline/sdk";
import { describe, expect, it } from "vitest";
import { fivethirtyeightNba } from "../elo/presets.ts";
import { btGame, btQuote, THRESHOLDS } from "./backtest.test-helpers.ts";
import { type BacktestHistory, PreparedHistory } from "./history.ts";
import { parseStrategy } from "./strategy.ts";
import { defaultEloGrid, eloAt, eloLogLoss, tune } from "./tune.ts";

const TEAMS = ["A", "B", "C", "D"];
const venues: VenueLocation = (team) => ({ lat: 40, lon: -80 - 10 * TEAMS.indexOf(team) });

/** Forty days of one game a day rotating four teams; the home side wins every third game. */
function history(venueLocation?: VenueLocation): BacktestHistory {
  const games = [];
  const quotes = [];
  for (let d = 0; d < 40; d++) {
    const day = addDays("2020-11-01", d);
    const home = TEAMS[d % 4]!;
    const away = TEAMS[(d + 1 + (d % 3)) % 4]!;
    const id = `g${d}`;
    games.push(btGame(id, day, home, away, d % 3 === 0 ? [100, 90] : [95, 99]));
    quotes.push(
      btQuote(id, "X", "home", 1.9, `${day}T12:00:00Z`),
      btQuote(id, "X", "away", 1.9, `${day}T12:00:00Z`),
    );
  }
  return {
    sport: "TST",
    timeZone: "UTC",
    ways: 2,
    games,
    quotes,
    ...(venueLocation ? { venueLocation } : {}),
  };
}

const options = {
  from: "2020-11-01",
  trainTo: "2020-12-10",
  backtest: {
    model: { elo: fivethirtyeightNba, betting: "elo" as const, blend: { minGames: 100, defaultWeight: 1 } },
    strategy: parseStrategy({ name: "t", parameters: { blend: { weight: 1 } } }, "test"),
    thresholds: THRESHOLDS,
    markets: ["moneyline" as const],
  },
};

describe("travel in backtests and tuning", () => {
  it("gives the replayed games their miles when the history knows its venues, and none otherwise", () => {
    const withVenues = new PreparedHistory(history(venues)).eloGames;
    expect(withVenues.filter((g) => g.awayTravel !== undefined).length).toBeGreaterThan(30);
    expect(new PreparedHistory(history()).eloGames.some((g) => g.awayTravel !== undefined)).toBe(false);
  });

  it("searches the travel values in the schedule stage and keeps the best point's in the tuned config", () => {
    const h = new PreparedHistory(history(venues));
    const r = tune(h, {
      ...options,
      eloGrid: {
        ...defaultEloGrid(fivethirtyeightNba),
        schedule: { backToBack: [0, 30], rested: [0], travel: [0, 2, 4], playoffMultiplier: [1] },
      },
    });
    const grid = defaultEloGrid(fivethirtyeightNba);
    const main = grid.kFactor.length * grid.homeAdvantage.length * 2 * 2;
    expect(r.eloPoints).toHaveLength(main + 2 * 3);
    expect(new Set(r.eloPoints.map((p) => p.travel))).toEqual(new Set([undefined, 0, 2, 4]));
    const best = r.eloPoints[0]!;
    expect(r.elo.schedule?.travelPerCubeRootMile).toBe(best.travel ? best.travel : undefined);
    expect(eloLogLoss(h, eloAt(fivethirtyeightNba, best), options.from, options.trainTo).logLoss).toBe(
      best.logLoss,
    );
    // Travel moves the training log loss: the values are really priced, not carried along.
    const at = { ...r.eloPoints.find((p) => p.travel === 0)! };
    const loss = (travel: number) =>
      eloLogLoss(h, eloAt(fivethirtyeightNba, { ...at, travel }), options.from, options.trainTo).logLoss;
    expect(loss(4)).not.toBe(loss(0));
    expect(eloAt(fivethirtyeightNba, { ...at, travel: 0 }).schedule).toEqual({
      backToBack: at.backToBack,
      rested: 0,
    });
  });
});
