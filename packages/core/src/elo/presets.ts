// Named Elo presets. FiveThirtyEight's three are reproduced against 538's own data (see the tests);
// the others are documented defaults whose sources are listed in each preset's `sources`.
import type { EloConfig, EloSport } from "./config.ts";

const NONE = { kind: "none" } as const;

/** 538 NFL's hard-coded between-season reversions ("of unknown origin" in their code). */
const NFL_SPECIAL_REVERSIONS = [
  { entityId: "CBD", season: 1925, rating: 1502.032 },
  { entityId: "RAC", season: 1926, rating: 1403.384 },
  { entityId: "LOU", season: 1926, rating: 1307.201 },
  { entityId: "CIB", season: 1927, rating: 1362.919 },
  { entityId: "MNN", season: 1929, rating: 1306.702 },
  { entityId: "BFF", season: 1929, rating: 1331.943 },
  { entityId: "LAR", season: 1944, rating: 1373.977 },
  { entityId: "PHI", season: 1944, rating: 1497.988 },
  { entityId: "ARI", season: 1945, rating: 1353.939 },
  { entityId: "PIT", season: 1945, rating: 1353.939 },
  { entityId: "CLE", season: 1999, rating: 1300.0 },
] as const;

const NFL_CODE = "fivethirtyeight/nfl-elo-game:forecast.py@fbec1af";
const NBA_PAGE = "538 'How Our NBA Predictions Work' (quoted at stats.stackexchange.com/questions/168047)";
const NHL_PAGE =
  "538 'How Our NHL Predictions Work' (mirror: mysportsanalysis.com/blogs/sports-fivethirtyeight)";

export const fivethirtyeightNfl: EloConfig = {
  name: "fivethirtyeight-nfl",
  sport: "NFL",
  kFactor: { kind: "constant", value: 20 },
  homeAdvantage: 65,
  scale: 400,
  marginOfVictory: { kind: "log", floor: 1 },
  favouriteMultiplier: { kind: "ratio", numerator: 2.2, base: 2.2, slope: 0.001, onDraw: 2.2 / 1.0 },
  playoffMultiplier: 1,
  seasonReversion: { fraction: 1 / 3.0, mean: 1505, special: NFL_SPECIAL_REVERSIONS },
  initialRating: 1500,
  newEntityRating: 1300,
  draws: NONE,
  sources: {
    all: `${NFL_CODE} (K, HFA, REVERT, REVERSIONS, MOV); reproduces nfl_games.csv elo_prob1`,
    newEntityRating:
      "538: 'new franchises should be given a rating of 1300' (neilpaine.substack.com/p/nfl-elo-ratings-are-back)",
    initialRatings: "fivethirtyeight/nfl-elo-game:data/initial_elos.csv (pass as initial ratings)",
  },
};

export const fivethirtyeightNba: EloConfig = {
  name: "fivethirtyeight-nba",
  sport: "NBA",
  kFactor: { kind: "constant", value: 20 },
  homeAdvantage: 100,
  scale: 400,
  marginOfVictory: { kind: "power", offset: 3, exponent: 0.8 },
  favouriteMultiplier: { kind: "ratio", numerator: 1, base: 7.5, slope: 0.006, onDraw: 1 / 7.5 },
  playoffMultiplier: 1,
  seasonReversion: { fraction: 0.25, mean: 1505, special: [] },
  initialRating: 1500,
  newEntityRating: 1300,
  draws: NONE,
  sources: {
    kFactor: `${NBA_PAGE}; reproduces 538 2020-21 post-game ratings`,
    homeAdvantage: `${NBA_PAGE}; reproduces 538 2020-21 elo_prob1`,
    marginOfVictory: `${NBA_PAGE}: (MOV+3)^0.8 / (7.5 + 0.006·EloDiff_winner)`,
    seasonReversion:
      "538 NBA page: keep 75%, revert 25% to 1505. UNVERIFIED: 538's 2021-22 openers do not match it",
    newEntityRating: "538 (expansion teams start at 1300), as for the NFL",
  },
};

export const fivethirtyeightNhl: EloConfig = {
  name: "fivethirtyeight-nhl",
  sport: "NHL",
  kFactor: { kind: "constant", value: 6 },
  homeAdvantage: 50,
  scale: 400,
  marginOfVictory: { kind: "log-linear", slope: 0.6686, intercept: 0.8048 },
  favouriteMultiplier: { kind: "ratio", numerator: 2.05, base: 2.05, slope: 0.001, onDraw: 1 },
  playoffMultiplier: 1.25,
  seasonReversion: { fraction: 0.3, mean: 1505, special: [] },
  initialRating: 1500,
  newEntityRating: 1300,
  draws: NONE,
  sources: {
    all: `${NHL_PAGE}: HFA 50, playoff ×1.25, shift = K × MOV × favourite; reproduces 538 2022-23 ratings`,
    kFactor: "K=6: reproduces 538 2022-23 post-game ratings; elo.harvitronix.com/nhl raises it 'from 6 to 8'",
    seasonReversion:
      "UNVERIFIED: 30% toward 1505 is our assumption; no consecutive-season 538 files to check it",
  },
};

export const mlbDefault: EloConfig = {
  name: "default-mlb",
  sport: "MLB",
  kFactor: { kind: "constant", value: 4 },
  homeAdvantage: 24,
  scale: 400,
  marginOfVictory: NONE,
  favouriteMultiplier: NONE,
  playoffMultiplier: 4 / 3,
  seasonReversion: { fraction: 1 / 3, mean: 1505, special: [] },
  initialRating: 1500,
  newEntityRating: 1500,
  draws: NONE,
  sources: {
    homeAdvantage:
      "538 MLB 2020 file: elo_prob1 = logistic(elo1 − elo2 + 24) (modelling-anchors §1.6, VERIFIED)",
    playoffMultiplier: "538 MLB 2020 file: playoff rows use EloDiff × 4/3 (VERIFIED)",
    kFactor:
      "K=4 is commonly quoted for 538 MLB; UNVERIFIED, and 538's MOV term is not reproduced (none here)",
    seasonReversion: "UNVERIFIED: one third toward 1505, by analogy with 538 NFL",
  },
};

export const ncaabDefault: EloConfig = {
  name: "default-ncaab",
  sport: "NCAAB",
  kFactor: { kind: "constant", value: 64 },
  homeAdvantage: 150,
  scale: 400,
  marginOfVictory: NONE,
  favouriteMultiplier: NONE,
  playoffMultiplier: 1,
  seasonReversion: { fraction: 0.5, mean: 1500, special: [] },
  initialRating: 1500,
  newEntityRating: 1500,
  draws: NONE,
  sources: {
    kFactor:
      "K=64, HCA=150: grid search by log loss, 2024-25 train / 2025-26 test, sports.patrickeganfoley.com/reports/elo-model-tuning-2026",
    homeAdvantage: "as kFactor",
    seasonReversion: "UNVERIFIED: half-way to 1500, our assumption for high roster turnover",
  },
};

/** Club soccer: eloratings.net's goal-difference weights and home advantage, ClubElo's K. */
function soccer(name: string, sport: EloSport, drawRateAtEven: number, drawSource: string): EloConfig {
  return {
    name,
    sport,
    kFactor: { kind: "constant", value: 20 },
    homeAdvantage: 100,
    scale: 400,
    marginOfVictory: { kind: "goal-difference" },
    favouriteMultiplier: NONE,
    playoffMultiplier: 1,
    seasonReversion: null,
    initialRating: 1500,
    newEntityRating: 1500,
    draws: { kind: "quadratic", drawRateAtEven },
    sources: {
      kFactor: "K=20: clubelo.com/System (UNVERIFIED here)",
      homeAdvantage: "100 points and goal-difference weights 1 / 1.5 / (11+N)/8: eloratings.net/about",
      seasonReversion: "none: ClubElo carries ratings across seasons",
      draws: drawSource,
    },
  };
}

export const eplDefault = soccer(
  "default-epl",
  "EPL",
  0.3,
  "UNVERIFIED: 0.30 at even strength gives ~25% draws over a typical season's spread of E; calibrate on results",
);
export const ligue1Default = soccer(
  "default-ligue1",
  "LIGUE1",
  0.32,
  "UNVERIFIED: 0.32 at even strength, Ligue 1 draws a little more often than the EPL; calibrate on results",
);

export const tennisDefault: EloConfig = {
  name: "default-tennis",
  sport: "TENNIS",
  kFactor: { kind: "shrinking", numerator: 250, offset: 5, exponent: 0.4 },
  homeAdvantage: 0,
  scale: 400,
  marginOfVictory: NONE,
  favouriteMultiplier: NONE,
  playoffMultiplier: 1,
  seasonReversion: null,
  initialRating: 1500,
  newEntityRating: 1500,
  draws: NONE,
  sources: {
    kFactor:
      "538 tennis Elo K = 250/(matches+5)^0.4, as reported by Kovalchik (2016), J. Quant. Anal. Sports 12(3)",
    homeAdvantage: "none: players, not home teams",
  },
};

/** Every preset, by name. */
export const ELO_PRESETS: Readonly<Record<string, EloConfig>> = Object.fromEntries(
  [
    fivethirtyeightNfl,
    fivethirtyeightNba,
    fivethirtyeightNhl,
    mlbDefault,
    ncaabDefault,
    eplDefault,
    ligue1Default,
    tennisDefault,
  ].map((c) => [c.name, c]),
);

/** The preset a sport uses unless told otherwise. */
export const DEFAULT_PRESET_BY_SPORT: Readonly<Record<EloSport, string>> = {
  NFL: "fivethirtyeight-nfl",
  NBA: "fivethirtyeight-nba",
  NHL: "fivethirtyeight-nhl",
  MLB: "default-mlb",
  NCAAB: "default-ncaab",
  EPL: "default-epl",
  LIGUE1: "default-ligue1",
  TENNIS: "default-tennis",
};

/** A preset by name; throws naming the known presets. */
export function eloPreset(name: string): EloConfig {
  const preset = ELO_PRESETS[name];
  if (!preset) {
    throw new Error(`Unknown Elo preset "${name}"; known presets: ${Object.keys(ELO_PRESETS).join(", ")}`);
  }
  return preset;
}

/** The default preset of a sport code (NFL, NBA, NHL, MLB, NCAAB, EPL, LIGUE1, TENNIS). */
export function eloConfigForSport(sport: string): EloConfig {
  const name = DEFAULT_PRESET_BY_SPORT[sport.toUpperCase() as EloSport];
  if (!name) {
    throw new Error(
      `Unknown sport "${sport}"; known sports: ${Object.keys(DEFAULT_PRESET_BY_SPORT).join(", ")}`,
    );
  }
  return eloPreset(name);
}
