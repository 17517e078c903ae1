// What a spread or total bet is likely to pay, from the distribution of the game's margin or
// total: the probability of each grade settlement can give (win, half win, push, half loss, loss).
// The grades come from settlement/lines.ts, so a probability and a settlement always agree.
import { gradeSpread, gradeTotal, type LineGrade } from "../settlement/lines.ts";
import type { DiscreteDistribution } from "./distribution.ts";

/** The probability of each settlement grade of one line bet; they sum to 1. */
export interface LineOutcomeProbabilities {
  win: number;
  /** Quarter lines only: one half wins, the other pushes. */
  halfWin: number;
  /** Whole lines only: the stake comes back. */
  push: number;
  /** Quarter lines only: one half loses, the other pushes. */
  halfLoss: number;
  loss: number;
}

const KEY: Record<string, keyof LineOutcomeProbabilities> = {
  "1": "win",
  "0.5": "halfWin",
  "0": "push",
  "-0.5": "halfLoss",
  "-1": "loss",
};

function outcomes(d: DiscreteDistribution, grade: (value: number) => LineGrade): LineOutcomeProbabilities {
  const out: LineOutcomeProbabilities = { win: 0, halfWin: 0, push: 0, halfLoss: 0, loss: 0 };
  d.probabilities.forEach((p, i) => {
    if (p > 0) out[KEY[String(grade(d.min + i))]!] += p;
  });
  return out;
}

/**
 * A handicap bet on `selection` at `line` (the backed side's line: home −1.5, away +0.25), given
 * the distribution of the home margin (home − away).
 */
export function spreadOutcome(
  homeMargin: DiscreteDistribution,
  selection: "home" | "away",
  line: number,
): LineOutcomeProbabilities {
  const s = selection === "home" ? 1 : -1;
  return outcomes(homeMargin, (m) => gradeSpread(s * m, line));
}

/** An over or under bet at `line`, given the distribution of the game's total. */
export function totalOutcome(
  total: DiscreteDistribution,
  selection: "over" | "under",
  line: number,
): LineOutcomeProbabilities {
  return outcomes(total, (t) => gradeTotal(t, selection, line));
}

/**
 * The two-way probability equivalent to a line bet: the share of the stake at risk that is won,
 * (win + halfWin/2) / (win + halfWin/2 + loss + halfLoss/2). For a whole line it is
 * P(win | no push); its inverse is the fair price (the odds at which the bet's expected return is
 * 0), so it is what a de-vigged two-way line market is compared and blended with.
 */
export function effectiveProbability(o: LineOutcomeProbabilities): number {
  const won = o.win + o.halfWin / 2;
  const lost = o.loss + o.halfLoss / 2;
  if (won + lost === 0) throw new Error("the bet pushes with certainty: it has no win probability");
  return won / (won + lost);
}

/** The share of the stake expected to be at risk (not pushed back): 1 − push − (halfWin + halfLoss)/2. */
export function stakeAtRisk(o: LineOutcomeProbabilities): number {
  return o.win + o.loss + (o.halfWin + o.halfLoss) / 2;
}
