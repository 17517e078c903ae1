// One game's rating update. Pure: ratings in, ratings out.

import type { EloConfig, KFactor } from "@edgeline/sdk";
import { favouriteFactor, marginMultiplier } from "./multipliers.ts";
import {
  eloDifferenceOf,
  type GameContext,
  type GameProbabilities,
  gameProbabilities,
} from "./probability.ts";

/** A played game's score, home side first. */
export interface GameScore {
  homeScore: number;
  awayScore: number;
}

/** The home side's result: 1 win, 0.5 draw, 0 loss. */
export function homeResult(score: GameScore): 1 | 0.5 | 0 {
  if (score.homeScore > score.awayScore) return 1;
  if (score.homeScore < score.awayScore) return 0;
  return 0.5;
}

/** K for an entity that has played `gamesPlayed` games before this one. */
export function kFor(k: KFactor, gamesPlayed: number): number {
  if (k.kind === "constant") return k.value;
  return k.numerator / (gamesPlayed + k.offset) ** k.exponent;
}

export interface RatedGame {
  probabilities: GameProbabilities;
  homePost: number;
  awayPost: number;
  /** Points the home side gained (negative when it lost points). */
  homeShift: number;
  awayShift: number;
}

/**
 * Rates one played game. With a constant K the update is zero-sum: the home side gains
 * K × margin multiplier × favourite multiplier × (result − expected), the away side loses it.
 */
export function rateGame(
  config: EloConfig,
  homeRating: number,
  awayRating: number,
  score: GameScore,
  context: GameContext = {},
  gamesPlayed: { home: number; away: number } = { home: 0, away: 0 },
): RatedGame {
  const probabilities = gameProbabilities(config, homeRating, awayRating, context);
  const result = homeResult(score);
  const isDraw = result === 0.5;
  const winnerEloDiff = result === 0 ? -probabilities.eloDiff : probabilities.eloDiff;
  const multiplier =
    marginMultiplier(config.marginOfVictory, Math.abs(score.homeScore - score.awayScore)) *
    favouriteFactor(config.favouriteMultiplier, winnerEloDiff, isDraw);
  const surprise = result - probabilities.expectedHome;
  // What the market thought of the game, learnt beside its result (zero-sum either way): the
  // ratings' difference moves `share` of the way to the Elo difference the close implies.
  const market =
    config.marketUpdate && context.closingHome !== undefined
      ? (config.marketUpdate.share *
          (eloDifferenceOf(context.closingHome, config.scale) - probabilities.eloDiff)) /
        2
      : 0;
  const homeShift = kFor(config.kFactor, gamesPlayed.home) * multiplier * surprise + market;
  const awayShift =
    config.kFactor.kind === "constant"
      ? -homeShift
      : -(kFor(config.kFactor, gamesPlayed.away) * multiplier * surprise) - market;
  return {
    probabilities,
    homePost: homeRating + homeShift,
    awayPost: awayRating + awayShift,
    homeShift,
    awayShift,
  };
}
