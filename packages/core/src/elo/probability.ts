// Pre-game probabilities from two ratings. Pure: no state, no I/O.
import type { EloConfig } from "@edgeline/sdk";

/** Where and when a game is played, as far as the probability is concerned. */
export interface GameContext {
  /** No home advantage at a neutral site. */
  neutral?: boolean;
  /** Playoff games scale the Elo difference by `playoffMultiplier`. */
  playoff?: boolean;
  /** Days since each side's previous game of the season (1 = back-to-back); absent: its first. */
  homeRest?: number;
  awayRest?: number;
  /** Miles each side travelled from its previous game's site; absent: not known. */
  homeTravel?: number;
  awayTravel?: number;
  /** The game's de-vigged closing home probability: read by the rating update only (marketUpdate). */
  closingHome?: number;
}

/** Pre-game probabilities. `draw` is present only when the config has a draw model. */
export interface GameProbabilities {
  home: number;
  away: number;
  draw?: number;
  /** The home-side Elo difference used: (home − away + home advantage) × playoff multiplier. */
  eloDiff: number;
  /** Elo expected score of the home side, home + draw/2. Equals `home` without draws. */
  expectedHome: number;
}

/** Elo expected score of a side `diff` points better: 1 / (10^(−diff/scale) + 1), written as 538 writes it. */
export function expectedScore(diff: number, scale = 400): number {
  return 1.0 / (10 ** (-diff / scale) + 1.0);
}

/** The Elo difference whose expected score is `p` (the inverse of expectedScore), p clamped off 0 and 1. */
export function eloDifferenceOf(p: number, scale = 400): number {
  const q = Math.min(Math.max(p, 1e-6), 1 - 1e-6);
  return scale * Math.log10(q / (1 - q));
}

/** The home side's expected score from moneyline probabilities: [home, away], or [home, draw, away] with half the draw. */
export function expectedHomeOf(moneyline: readonly number[]): number {
  return moneyline.length === 3 ? moneyline[0]! + moneyline[1]! / 2 : moneyline[0]!;
}

/** The home side's adjusted Elo difference. */
export function eloDifference(
  config: Pick<EloConfig, "homeAdvantage" | "playoffMultiplier" | "schedule">,
  homeRating: number,
  awayRating: number,
  context: GameContext = {},
): number {
  let diff = homeRating - awayRating + (context.neutral ? 0 : config.homeAdvantage);
  const s = config.schedule;
  if (s) {
    diff += restPoints(s, context.homeRest) - restPoints(s, context.awayRest);
    diff += travelPoints(s, context.awayTravel) - travelPoints(s, context.homeTravel);
  }
  return context.playoff ? diff * config.playoffMultiplier : diff;
}

/**
 * Pre-game probabilities for the home (first-named) side, the away side and, when the sport has a
 * draw model, the draw. They sum to 1.
 */
export function gameProbabilities(
  config: EloConfig,
  homeRating: number,
  awayRating: number,
  context: GameContext = {},
): GameProbabilities {
  const eloDiff = eloDifference(config, homeRating, awayRating, context);
  const expectedHome = expectedScore(eloDiff, config.scale);
  if (config.draws.kind === "none") {
    return { home: expectedHome, away: 1 - expectedHome, eloDiff, expectedHome };
  }
  const draw = config.draws.drawRateAtEven * 4 * expectedHome * (1 - expectedHome);
  const home = expectedHome - draw / 2;
  return { home, draw, away: 1 - home - draw, eloDiff, expectedHome };
}

/** A side's schedule term: the back-to-back penalty, the rested bonus, or 0. */
function restPoints(s: NonNullable<EloConfig["schedule"]>, rest: number | undefined): number {
  if (rest === undefined) return 0;
  if (rest <= 1) return -s.backToBack;
  return rest >= 3 ? s.rested : 0;
}

/** The Elo points a side loses to travel: perCubeRootMile × miles^(1/3) (538's NBA form), or 0. */
function travelPoints(s: NonNullable<EloConfig["schedule"]>, miles: number | undefined): number {
  if (miles === undefined || !s.travelPerCubeRootMile) return 0;
  return s.travelPerCubeRootMile * Math.cbrt(miles);
}
