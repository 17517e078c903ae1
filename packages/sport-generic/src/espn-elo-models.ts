// The Elo models of the ESPN sports: documented starting points whose sources (and what is
// unverified) are listed in each model's `sources`. Tune by backtest.
import { type EloConfig, eloModel } from "@edgeline/sdk";

export const mlbDefault = eloModel({
  name: "default-mlb",
  kFactor: { kind: "constant", value: 4 },
  homeAdvantage: 24,
  playoffMultiplier: 4 / 3,
  seasonReversion: { fraction: 1 / 3, mean: 1505, special: [] },
  sources: {
    homeAdvantage:
      "538 MLB 2020 file: elo_prob1 = logistic(elo1 − elo2 + 24) (modelling-anchors §1.6, VERIFIED)",
    playoffMultiplier: "538 MLB 2020 file: playoff rows use EloDiff × 4/3 (VERIFIED)",
    kFactor:
      "K=4 is commonly quoted for 538 MLB; UNVERIFIED, and 538's MOV term is not reproduced (none here)",
    seasonReversion: "UNVERIFIED: one third toward 1505, by analogy with 538 NFL",
  },
});

export const ncaabDefault = eloModel({
  name: "default-ncaab",
  kFactor: { kind: "constant", value: 64 },
  homeAdvantage: 150,
  seasonReversion: { fraction: 0.5, mean: 1500, special: [] },
  sources: {
    kFactor:
      "K=64, HCA=150: grid search by log loss, 2024-25 train / 2025-26 test, sports.patrickeganfoley.com/reports/elo-model-tuning-2026",
    homeAdvantage: "as kFactor",
    seasonReversion: "UNVERIFIED: half-way to 1500, our assumption for high roster turnover",
  },
});

/** Club soccer: eloratings.net's goal-difference weights and home advantage, ClubElo's K. */
function soccer(name: string, drawRateAtEven: number, drawSource: string): EloConfig {
  return eloModel({
    name,
    kFactor: { kind: "constant", value: 20 },
    homeAdvantage: 100,
    marginOfVictory: { kind: "goal-difference" },
    draws: { kind: "quadratic", drawRateAtEven },
    sources: {
      kFactor: "K=20: clubelo.com/System (UNVERIFIED here)",
      homeAdvantage: "100 points and goal-difference weights 1 / 1.5 / (11+N)/8: eloratings.net/about",
      seasonReversion: "none: ClubElo carries ratings across seasons",
      draws: drawSource,
    },
  });
}

export const eplDefault = soccer(
  "default-epl",
  0.3,
  "UNVERIFIED: 0.30 at even strength gives ~25% draws over a typical season's spread of E; calibrate on results",
);
export const ligue1Default = soccer(
  "default-ligue1",
  0.32,
  "UNVERIFIED: 0.32 at even strength, Ligue 1 draws a little more often than the EPL; calibrate on results",
);

export const tennisDefault = eloModel({
  name: "default-tennis",
  kFactor: { kind: "shrinking", numerator: 250, offset: 5, exponent: 0.4 },
  homeAdvantage: 0,
  sources: {
    kFactor:
      "538 tennis Elo K = 250/(matches+5)^0.4, as reported by Kovalchik (2016), J. Quant. Anal. Sports 12(3)",
    homeAdvantage: "none: players, not home teams",
  },
});
