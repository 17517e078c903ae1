// Named Elo presets: FiveThirtyEight's published NFL, NBA and NHL models, reproduced against 538's
// own data (see the tests). A sport plugin names one of these or brings its own configuration.
import { type EloConfig, eloModel } from "@edgeline/sdk";

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

export const fivethirtyeightNfl = eloModel({
  name: "fivethirtyeight-nfl",
  kFactor: { kind: "constant", value: 20 },
  homeAdvantage: 65,
  marginOfVictory: { kind: "log", floor: 1 },
  favouriteMultiplier: { kind: "ratio", numerator: 2.2, base: 2.2, slope: 0.001, onDraw: 2.2 / 1.0 },
  seasonReversion: { fraction: 1 / 3.0, mean: 1505, special: NFL_SPECIAL_REVERSIONS },
  newEntityRating: 1300,
  sources: {
    all: `${NFL_CODE} (K, HFA, REVERT, REVERSIONS, MOV); reproduces nfl_games.csv elo_prob1`,
    newEntityRating:
      "538: 'new franchises should be given a rating of 1300' (neilpaine.substack.com/p/nfl-elo-ratings-are-back)",
    initialRatings: "fivethirtyeight/nfl-elo-game:data/initial_elos.csv (pass as initial ratings)",
  },
});

export const fivethirtyeightNba = eloModel({
  name: "fivethirtyeight-nba",
  kFactor: { kind: "constant", value: 20 },
  homeAdvantage: 100,
  marginOfVictory: { kind: "power", offset: 3, exponent: 0.8 },
  favouriteMultiplier: { kind: "ratio", numerator: 1, base: 7.5, slope: 0.006, onDraw: 1 / 7.5 },
  seasonReversion: { fraction: 0.25, mean: 1505, special: [] },
  newEntityRating: 1300,
  sources: {
    kFactor: `${NBA_PAGE}; reproduces 538 2020-21 post-game ratings`,
    homeAdvantage: `${NBA_PAGE}; reproduces 538 2020-21 elo_prob1`,
    marginOfVictory: `${NBA_PAGE}: (MOV+3)^0.8 / (7.5 + 0.006·EloDiff_winner)`,
    seasonReversion:
      "538 NBA page: keep 75%, revert 25% to 1505. UNVERIFIED: 538's 2021-22 openers do not match it",
    newEntityRating: "538 (expansion teams start at 1300), as for the NFL",
  },
});

export const fivethirtyeightNhl = eloModel({
  name: "fivethirtyeight-nhl",
  kFactor: { kind: "constant", value: 6 },
  homeAdvantage: 50,
  marginOfVictory: { kind: "log-linear", slope: 0.6686, intercept: 0.8048 },
  favouriteMultiplier: { kind: "ratio", numerator: 2.05, base: 2.05, slope: 0.001, onDraw: 1 },
  playoffMultiplier: 1.25,
  seasonReversion: { fraction: 0.3, mean: 1505, special: [] },
  newEntityRating: 1300,
  sources: {
    all: `${NHL_PAGE}: HFA 50, playoff ×1.25, shift = K × MOV × favourite; reproduces 538 2022-23 ratings`,
    kFactor: "K=6: reproduces 538 2022-23 post-game ratings; elo.harvitronix.com/nhl raises it 'from 6 to 8'",
    seasonReversion:
      "UNVERIFIED: 30% toward 1505 is our assumption; no consecutive-season 538 files to check it",
  },
});

/** Every preset, by name. */
export const ELO_PRESETS: Readonly<Record<string, EloConfig>> = Object.fromEntries(
  [fivethirtyeightNfl, fivethirtyeightNba, fivethirtyeightNhl].map((c) => [c.name, c]),
);

/** A preset by name; throws naming the known presets. */
export function eloPreset(name: string): EloConfig {
  const preset = ELO_PRESETS[name];
  if (!preset) {
    throw new Error(`Unknown Elo preset "${name}"; known presets: ${Object.keys(ELO_PRESETS).join(", ")}`);
  }
  return preset;
}
