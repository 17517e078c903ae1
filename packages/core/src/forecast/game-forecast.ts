// One game's pre-game forecast in the form every market asks of it: the moneyline's outcome
// probabilities, and for spreads and totals the probability of each settlement grade at any line.
// Two makers: Elo (ratings, with a margin model for spreads) and the goals model (its score
// matrix prices every market). The recommendation rule and the backtest only see this shape.
import type { EloConfig } from "@edgeline/sdk";
import { type GameContext, gameProbabilities } from "../elo/probability.ts";
import {
  goalTotalOutcome,
  handicapOutcome,
  type ScoreMatrix,
  threeWayProbabilities,
  twoWayFromRegulation,
} from "../goals/index.ts";
import { type EloMarginModel, eloSpreadOutcome, eloTotalOutcome } from "../margins/elo-margin.ts";
import type { LineOutcomeProbabilities } from "../margins/line-probabilities.ts";

export type ForecastSource = "elo" | "goals";

export interface GameForecast {
  source: ForecastSource;
  /** Moneyline outcome probabilities: [home, away] for a 2-way market, [home, draw, away] for 3-way. */
  moneyline: readonly number[];
  /** A spread bet on `selection` at the backed side's `line`; absent when the model prices no spreads. */
  spread?(selection: "home" | "away", line: number): LineOutcomeProbabilities;
  /**
   * An over/under bet at `line`. `marketTotal` is the books' consensus total line, which a model
   * that knows nothing of scoring (Elo) centres its total on; undefined when it cannot price it.
   */
  total?(
    selection: "over" | "under",
    line: number,
    marketTotal?: number,
  ): LineOutcomeProbabilities | undefined;
}

/**
 * Elo's forecast from both sides' ratings. A 3-way moneyline needs the config's draw model; a
 * 2-way sport ignores it. With a margin model it prices spreads (538's Elo-to-points rule) and
 * totals about the consensus total line (Elo says nothing about scoring, so an Elo total bet is
 * a bet on a book whose line sits away from the others').
 */
export function eloForecast(
  config: EloConfig,
  homeRating: number,
  awayRating: number,
  ways: 2 | 3,
  context: GameContext = {},
  margin?: EloMarginModel,
): GameForecast | undefined {
  const p = gameProbabilities(config, homeRating, awayRating, context);
  let moneyline: number[];
  if (ways === 3) {
    if (p.draw === undefined) return undefined; // no draw model: the 3-way market is not priced
    moneyline = [p.home, p.draw, p.away];
  } else {
    moneyline = [p.expectedHome, 1 - p.expectedHome];
  }
  const forecast: GameForecast = { source: "elo", moneyline };
  if (margin) {
    forecast.spread = (selection, line) => eloSpreadOutcome(margin, p.eloDiff, selection, line);
    forecast.total = (selection, line, marketTotal) =>
      marketTotal === undefined ? undefined : eloTotalOutcome(margin, marketTotal, selection, line);
  }
  return forecast;
}

/**
 * The goals model's forecast from a game's score matrix. On a 2-way moneyline a draw left in the
 * matrix is split evenly; a model of regulation goals prices its final from `finalScoreMatrix`
 * (goals/overtime.ts), which has no draws, so that every market reads the same matrix.
 */
export function goalsForecast(matrix: ScoreMatrix, ways: 2 | 3): GameForecast {
  const p = threeWayProbabilities(matrix);
  return {
    source: "goals",
    moneyline: ways === 3 ? [p.home, p.draw, p.away] : twoWayFromRegulation(p, 0.5),
    spread: (selection, line) => handicapOutcome(matrix, selection, line),
    total: (selection, line) => goalTotalOutcome(matrix, selection, line),
  };
}
