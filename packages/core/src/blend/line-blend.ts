// Blending a line bet (spread or total). A de-vigged two-way line market says how likely the stake
// at risk is to be won, P(win | no push) in effect (margins/ effectiveProbability); the model says
// that and how likely a push or half grade is. The blend pools the two win shares in log-odds,
// then gives the model's grade probabilities that blended win share, keeping its push and its
// split between whole and half grades.
import { effectiveProbability, type LineOutcomeProbabilities } from "../margins/line-probabilities.ts";
import { blendProbabilities } from "./blend.ts";

/**
 * The grade probabilities rescaled so that their win share (effectiveProbability) is `q`: the
 * winning grades (win, halfWin) by one factor, the losing ones (loss, halfLoss) by another, with
 * the push and the total unchanged.
 */
export function withWinShare(o: LineOutcomeProbabilities, q: number): LineOutcomeProbabilities {
  if (!(q > 0 && q < 1)) throw new Error(`a win share must be in (0, 1), got ${q}`);
  const won = o.win + o.halfWin / 2; // stake won, as a share of the stake
  const lost = o.loss + o.halfLoss / 2;
  const winMass = o.win + o.halfWin;
  const lossMass = o.loss + o.halfLoss;
  if (won === 0 || lost === 0) throw new Error("the bet cannot both win and lose: no win share to move");
  // a·won / (a·won + b·lost) = q and a·winMass + b·lossMass = winMass + lossMass.
  const ratio = (won * (1 - q)) / (q * lost); // b / a
  const a = (winMass + lossMass) / (winMass + ratio * lossMass);
  const b = a * ratio;
  return { win: o.win * a, halfWin: o.halfWin * a, push: o.push, halfLoss: o.halfLoss * b, loss: o.loss * b };
}

/** A line bet's model grades blended with the market's de-vigged win probability of the same side and line. */
export function blendLineOutcome(
  model: LineOutcomeProbabilities,
  marketWinProbability: number,
  weight: number,
): { outcome: LineOutcomeProbabilities; modelShare: number; blendShare: number } {
  const modelShare = effectiveProbability(model);
  const [blendShare] = blendProbabilities(
    [modelShare, 1 - modelShare],
    [marketWinProbability, 1 - marketWinProbability],
    weight,
  ) as [number, number];
  return { outcome: withWinShare(model, blendShare), modelShare, blendShare };
}
