// Point spreads and totals for the sports Elo rates (NFL, NBA, ...): a margin model on top of the
// Elo difference. FiveThirtyEight's rule turns an Elo difference into a point spread by dividing it
// by a constant (NFL 25, NBA 28); the margin about that expectation is modelled as a normal
// rounded to whole points, with its spread fitted from results (fit-margin.ts). The normal
// margin model for NFL point spreads goes back to Stern (1991), "On the probability of winning a
// football game", The American Statistician 45(3):179-183 (margin − spread ~ N(0, 13.86²)).
import { type DiscreteDistribution, discreteNormal } from "./distribution.ts";
import { type LineOutcomeProbabilities, spreadOutcome, totalOutcome } from "./line-probabilities.ts";

export interface EloMarginModel {
  name: string;
  /** Elo points per point of margin: the expected home margin is eloDiff / eloPerPoint. */
  eloPerPoint: number;
  /** Standard deviation of the home margin about its expectation, in points. */
  marginSd: number;
  /** Standard deviation of the total about the expected total given to {@link eloTotalOutcome}. */
  totalSd: number;
  /** Whether a game can end level (NFL yes, rarely; NBA never: overtime until someone wins). */
  ties: boolean;
  /** Where each number comes from. */
  sources: Readonly<Record<string, string>>;
}

/**
 * The expected home margin for an adjusted Elo difference (home − away + home advantage, times
 * any playoff multiplier: elo/probability.ts `eloDifference`).
 */
export function expectedMargin(model: EloMarginModel, eloDiff: number): number {
  return eloDiff / model.eloPerPoint;
}

/** The distribution of the home margin (home − away points) at an adjusted Elo difference. */
export function eloMarginDistribution(model: EloMarginModel, eloDiff: number): DiscreteDistribution {
  return discreteNormal(expectedMargin(model, eloDiff), model.marginSd, { zeroAllowed: model.ties });
}

/** A spread bet on `selection` at the backed side's `line`, at an adjusted Elo difference. */
export function eloSpreadOutcome(
  model: EloMarginModel,
  eloDiff: number,
  selection: "home" | "away",
  line: number,
): LineOutcomeProbabilities {
  return spreadOutcome(eloMarginDistribution(model, eloDiff), selection, line);
}

/**
 * An over/under bet at `line` when the game's expected total is `expectedTotal` (Elo says nothing
 * about totals: take it from the consensus total or a scoring model), the total being a normal
 * rounded to whole points with the model's `totalSd`, cut at 0.
 */
export function eloTotalOutcome(
  model: EloMarginModel,
  expectedTotal: number,
  selection: "over" | "under",
  line: number,
): LineOutcomeProbabilities {
  const total = discreteNormal(expectedTotal, model.totalSd, { lowest: 0 });
  return totalOutcome(total, selection, line);
}
