// Hockey's two-way moneyline from a regulation score matrix: a game tied after regulation goes to
// overtime (and the shootout), which the goals model does not see, so P(home wins) = P(home ahead
// after regulation) + P(tied) · P(home wins after regulation). The last factor is its own model,
// fitted on earlier games that went past regulation: a constant home share, or a logistic in a
// strength difference (the regulation model's log(λ_home / λ_away)) where the data supports one.
import type { ScoreMatrix, ThreeWayProbabilities } from "./score-matrix.ts";

/** A game decided after regulation, as the overtime model learns from it. */
export interface ExtraTimeGame {
  homeWon: boolean;
  /** The pre-game strength difference the logistic uses (home minus away); 0 when unknown. */
  strength: number;
}

/** P(home wins after regulation) = 1 / (1 + exp(−(intercept + slope · strength))). */
export interface OvertimeModel {
  kind: "constant" | "logistic";
  intercept: number;
  slope: number;
  /** Games fitted and the home wins among them. */
  games: number;
  homeWins: number;
  /** Log-likelihood of the fitted games. */
  logLikelihood: number;
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
const logit = (p: number) => Math.log(p / (1 - p));

function logLikelihood(games: readonly ExtraTimeGame[], intercept: number, slope: number): number {
  let ll = 0;
  for (const g of games) {
    const p = sigmoid(intercept + slope * g.strength);
    ll += Math.log(g.homeWon ? p : 1 - p);
  }
  return ll;
}

/** The constant home share: its maximum-likelihood estimate is the share of home wins. */
export function fitConstantOvertime(games: readonly ExtraTimeGame[]): OvertimeModel {
  const homeWins = games.filter((g) => g.homeWon).length;
  if (homeWins === 0 || homeWins === games.length)
    throw new Error(`an overtime model needs both home and away wins, got ${homeWins} of ${games.length}`);
  const intercept = logit(homeWins / games.length);
  return {
    kind: "constant",
    intercept,
    slope: 0,
    games: games.length,
    homeWins,
    logLikelihood: logLikelihood(games, intercept, 0),
  };
}

/** The logistic in `strength`, by Newton's method on its two parameters (the log-likelihood is concave). */
export function fitLogisticOvertime(games: readonly ExtraTimeGame[]): OvertimeModel {
  const start = fitConstantOvertime(games);
  let [a, b] = [start.intercept, 0];
  for (let iteration = 0; iteration < 50; iteration++) {
    let [ga, gb, haa, hab, hbb] = [0, 0, 0, 0, 0];
    for (const g of games) {
      const p = sigmoid(a + b * g.strength);
      const r = (g.homeWon ? 1 : 0) - p;
      const w = p * (1 - p);
      ga += r;
      gb += r * g.strength;
      haa += w;
      hab += w * g.strength;
      hbb += w * g.strength * g.strength;
    }
    const det = haa * hbb - hab * hab;
    // No spread in strength: the slope is not identified and the constant is the fit.
    if (!(det > 1e-12 * haa * haa)) return start;
    const da = (hbb * ga - hab * gb) / det;
    const db = (haa * gb - hab * ga) / det;
    a += da;
    b += db;
    if (Math.abs(da) < 1e-10 && Math.abs(db) < 1e-10) break;
  }
  return { ...start, kind: "logistic", intercept: a, slope: b, logLikelihood: logLikelihood(games, a, b) };
}

/**
 * The logistic where a likelihood-ratio test prefers it to the constant at 5% (twice the gain in
 * log-likelihood above 3.84, χ² with one degree of freedom), else the constant: a slope the data
 * cannot tell from zero only adds noise.
 */
export function fitOvertimeModel(games: readonly ExtraTimeGame[]): OvertimeModel {
  const constant = fitConstantOvertime(games);
  const logistic = fitLogisticOvertime(games);
  return 2 * (logistic.logLikelihood - constant.logLikelihood) > 3.841 ? logistic : constant;
}

/** P(home wins after regulation) for a game of this strength difference. */
export function overtimeHomeProbability(model: OvertimeModel, strength: number): number {
  return sigmoid(model.intercept + model.slope * strength);
}

/** The two-way moneyline [home, away] of a regulation forecast and the overtime home probability. */
export function twoWayFromRegulation(
  regulation: ThreeWayProbabilities,
  overtimeHome: number,
): [number, number] {
  if (!(overtimeHome >= 0 && overtimeHome <= 1))
    throw new Error(`the overtime home probability must lie in [0, 1], got ${overtimeHome}`);
  const home = regulation.home + regulation.draw * overtimeHome;
  return [home, regulation.away + regulation.draw * (1 - overtimeHome)];
}

/** The strength difference the logistic reads from a regulation matrix: log(λ_home / λ_away). */
export const regulationStrength = (matrix: Pick<ScoreMatrix, "lambdaHome" | "lambdaAway">): number =>
  Math.log(matrix.lambdaHome / matrix.lambdaAway);

/**
 * The final score's matrix from a regulation matrix: a game tied at k–k after regulation ends
 * k+1–k with the overtime home probability and k–k+1 otherwise (overtime is sudden death and a
 * shootout counts one goal), so every market on the final (moneyline, puck line, totals) prices
 * from it. One goal a side larger than the regulation grid; no draws.
 */
export function finalScoreMatrix(regulation: ScoreMatrix, overtimeHome: number): ScoreMatrix {
  if (!(overtimeHome >= 0 && overtimeHome <= 1))
    throw new Error(`the overtime home probability must lie in [0, 1], got ${overtimeHome}`);
  const from = regulation.maxGoals + 1;
  const size = from + 1;
  const probabilities = new Float64Array(size * size);
  for (let i = 0; i < from; i++) {
    for (let j = 0; j < from; j++) {
      const p = regulation.probabilities[i * from + j]!;
      if (i !== j) probabilities[i * size + j]! += p;
      else {
        probabilities[(i + 1) * size + j]! += p * overtimeHome;
        probabilities[i * size + j + 1]! += p * (1 - overtimeHome);
      }
    }
  }
  return { ...regulation, maxGoals: from, probabilities };
}
