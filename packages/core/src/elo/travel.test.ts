import { eloModel, type GeoPoint, type VenueLocation } from "@edgeline/sdk";
import { describe, expect, it } from "vitest";
import { fastReplayElo } from "./fast-replay.ts";
import { eloDifference } from "./probability.ts";
import { type EloGame, replayElo } from "./replay.ts";
import { gameContext, withRestDays, withSchedule } from "./schedule.ts";
import { greatCircleMiles, withTravel } from "./travel.ts";

const EARTH_RADIUS_MILES = 3958.8;

const game = (
  date: string,
  home: string,
  away: string,
  score: [number, number] | null,
  extra: Partial<EloGame> = {},
): EloGame => ({
  date,
  season: 2020,
  home,
  away,
  homeScore: score?.[0] ?? null,
  awayScore: score?.[1] ?? null,
  ...extra,
});

// Three sites on the equator, a degree of longitude apart; team M moves from 2° to 3° in 2021.
const SITES: Record<string, GeoPoint> = {
  A: { lat: 0, lon: 0 },
  B: { lat: 0, lon: 1 },
  C: { lat: 0, lon: 2 },
};
const venues: VenueLocation = (team, season) =>
  team === "M" ? { lat: 0, lon: season >= 2021 ? 3 : 2 } : (SITES[team] ?? null);
const DEGREE = (Math.PI / 180) * EARTH_RADIUS_MILES;

describe("great-circle miles", () => {
  it("measures arcs of the sphere: a degree of the equator, a quarter meridian, a city pair", () => {
    expect(greatCircleMiles({ lat: 0, lon: 0 }, { lat: 0, lon: 1 })).toBeCloseTo(DEGREE, 9);
    expect(greatCircleMiles({ lat: 0, lon: 30 }, { lat: 90, lon: 0 })).toBeCloseTo(
      (Math.PI / 2) * EARTH_RADIUS_MILES,
      9,
    );
    expect(greatCircleMiles({ lat: 10, lon: 179.5 }, { lat: 10, lon: -179.5 })).toBeCloseTo(
      DEGREE * Math.cos((10 * Math.PI) / 180),
      1,
    );
    // Boston to Los Angeles by the spherical law of cosines, an independent formula.
    const [a, b] = [
      { lat: 42.366, lon: -71.062 },
      { lat: 34.043, lon: -118.267 },
    ];
    const r = (d: number) => (d * Math.PI) / 180;
    const cosines =
      EARTH_RADIUS_MILES *
      Math.acos(
        Math.sin(r(a.lat)) * Math.sin(r(b.lat)) +
          Math.cos(r(a.lat)) * Math.cos(r(b.lat)) * Math.cos(r(b.lon - a.lon)),
      );
    expect(greatCircleMiles(a, b)).toBeCloseTo(cosines, 6);
    expect(greatCircleMiles(b, a)).toBe(greatCircleMiles(a, b));
    expect(greatCircleMiles(a, a)).toBe(0);
  });
});

describe("travel per side", () => {
  it("counts miles from each side's previous played game of the season to this game's site", () => {
    const games = withTravel(
      [
        game("2020-10-01", "A", "B", [100, 90]), // both sides' first game
        game("2020-10-02", "C", "A", [95, 99]), // A travels A → C, C's first
        game("2020-10-03", "C", "B", null), // postponed: nobody's previous game
        game("2020-10-04", "C", "B", [80, 85]), // C stays home; B travels A → C
        game("2020-10-05", "A", "C", [1, 2], { neutral: true }), // neutral: no site, no travel
        game("2020-10-06", "B", "C", [1, 2]), // C's previous site unknown
        game("2020-10-07", "X", "A", [1, 2]), // X has no known venue
      ],
      venues,
    );
    expect(games.map((g) => [g.homeTravel, g.awayTravel])).toEqual([
      [undefined, undefined],
      [undefined, 2 * DEGREE],
      [0, 2 * DEGREE],
      [0, 2 * DEGREE],
      [undefined, undefined],
      [DEGREE, undefined],
      [undefined, undefined],
    ]);
    expect(gameContext(games[1]!)).toEqual({
      neutral: undefined,
      playoff: undefined,
      awayTravel: 2 * DEGREE,
    });
  });

  it("starts each season afresh and takes each season's venue (a relocation)", () => {
    const games = withTravel(
      [
        game("2020-10-01", "M", "A", [1, 0]),
        game("2020-10-03", "A", "M", [1, 0]),
        game("2021-10-01", "A", "M", [1, 0], { season: 2021 }), // a new season: no previous game
        game("2021-10-03", "M", "A", [1, 0], { season: 2021 }), // M's new home, 3° from A
      ],
      venues,
    );
    expect(games.map((g) => [g.homeTravel, g.awayTravel])).toEqual([
      [undefined, undefined],
      [2 * DEGREE, 2 * DEGREE],
      [undefined, undefined],
      [3 * DEGREE, 3 * DEGREE],
    ]);
  });

  it("is the rest days alone for a sport without venues", () => {
    const games = [game("2020-10-01", "A", "B", [1, 0]), game("2020-10-02", "B", "A", [1, 0])];
    expect(withSchedule(games)).toEqual(withRestDays(games));
    expect(withSchedule(games, venues).map((g) => [g.homeRest, g.awayTravel])).toEqual([
      [undefined, undefined],
      [1, DEGREE],
    ]);
  });
});

describe("the travel term", () => {
  const config = eloModel({
    name: "t",
    kFactor: { kind: "constant", value: 20 },
    homeAdvantage: 100,
    playoffMultiplier: 1.5,
    schedule: { backToBack: 0, rested: 0, travelPerCubeRootMile: 2 },
  });

  it("costs each side perCubeRootMile × miles^(1/3), the difference applied before the playoff multiplier", () => {
    expect(eloDifference(config, 1500, 1500, { awayTravel: 1000, homeTravel: 8 })).toBeCloseTo(
      100 + 20 - 4,
      12,
    );
    expect(eloDifference(config, 1500, 1500, { homeTravel: 1000 })).toBeCloseTo(80, 12);
    expect(eloDifference(config, 1500, 1500, { awayTravel: 1000, playoff: true })).toBeCloseTo(180, 12);
    const noTravel = { ...config, schedule: { backToBack: 0, rested: 0 } };
    expect(eloDifference(noTravel, 1500, 1500, { awayTravel: 1000 })).toBe(100);
  });

  it("rates the same in the live replay and the backtest's fast replay", () => {
    const games = withSchedule(
      [
        game("2020-10-01", "A", "B", [100, 90]),
        game("2020-10-02", "C", "A", [95, 99]),
        game("2020-10-03", "B", "C", [80, 85]),
        game("2020-10-04", "A", "C", [80, 85]),
      ],
      venues,
    );
    const slow = replayElo(config, games);
    const fast = fastReplayElo(config, games);
    expect(slow.games.map((g) => g.probabilities.home)).toEqual([...fast.home]);
    const untravelled = games.map(({ homeTravel: _h, awayTravel: _a, ...g }) => g);
    // The away side A came 138 miles: without it, the home side is less of a favourite.
    expect(fastReplayElo(config, untravelled).home[1]).toBeLessThan(fast.home[1]!);
  });
});
