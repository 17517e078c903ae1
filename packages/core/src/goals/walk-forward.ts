// Walk-forward Dixon-Coles: before each match day, fit on the games played strictly before it, and
// price that day's games. No game is ever priced by a fit that saw its own result, or any result of
// its day or later (a test changes later results and checks no earlier prediction moves).
import { groupBy } from "@edgeline/sdk";
import { type DixonColesFit, type DixonColesOptions, fitDixonColes, type GoalsGame } from "./fit.ts";
import {
  DEFAULT_MAX_GOALS,
  predictScoreMatrix,
  type ScoreMatrix,
  type ThreeWayProbabilities,
  threeWayProbabilities,
} from "./score-matrix.ts";

export interface WalkForwardOptions extends Omit<DixonColesOptions, "asOf" | "start"> {
  /**
   * A game is priced only when each team has played at least this many games in the fit (default
   * 3): with fewer, the team's two parameters are barely identified (a team that has not scored yet
   * has its attack at the lower bound).
   */
  minGamesPerTeam?: number;
  maxGoals?: number;
}

export interface WalkForwardPrediction {
  game: GoalsGame;
  /** Index of the game in the input. */
  index: number;
  lambdaHome: number;
  lambdaAway: number;
  probabilities: ThreeWayProbabilities;
  matrix: ScoreMatrix;
  /** Played games the fit used (all dated before the game's day). */
  gamesFitted: number;
}

export interface WalkForwardResult {
  predictions: WalkForwardPrediction[];
  /** Games not priced, with the reason (too little history). */
  skipped: Array<{ game: GoalsGame; index: number; reason: string }>;
  /** Match days fitted. */
  fits: number;
  /** Days whose fit stopped before its tolerance (none expected: reported, not hidden). */
  unconvergedDays: string[];
}

/** Prices every game whose teams have enough history, each from a fit on games before its day. */
export function walkForwardDixonColes(
  games: readonly GoalsGame[],
  options: WalkForwardOptions = {},
): WalkForwardResult {
  const minGames = options.minGamesPerTeam ?? 3;
  const maxGoals = options.maxGoals ?? DEFAULT_MAX_GOALS;
  const byDay = groupBy(
    games.map((_g, i) => i),
    (i) => games[i]!.date,
  );
  const days = [...byDay.keys()].sort();
  const played = games
    .map((g, i) => ({ g, i }))
    .filter(({ g }) => g.homeGoals !== null && g.awayGoals !== null)
    .sort((a, b) => (a.g.date < b.g.date ? -1 : a.g.date > b.g.date ? 1 : a.i - b.i));
  const result: WalkForwardResult = { predictions: [], skipped: [], fits: 0, unconvergedDays: [] };
  let known = 0; // played games dated before the current day
  let fit: DixonColesFit | undefined;
  for (const day of days) {
    const before = known;
    while (known < played.length && played[known]!.g.date < day) known++;
    const today = byDay.get(day)!;
    if (known === 0) {
      for (const i of today) result.skipped.push({ game: games[i]!, index: i, reason: "no earlier games" });
      continue;
    }
    if (!fit || known !== before) {
      fit = fitDixonColes(
        played.slice(0, known).map((p) => p.g),
        { ...options, asOf: day, start: fit },
      );
      result.fits += 1;
      if (!fit.converged) result.unconvergedDays.push(day);
    }
    for (const i of today) {
      const game = games[i]!;
      const short = [game.home, game.away].filter((t) => (fit!.gamesByTeam[t] ?? 0) < minGames);
      if (short.length > 0) {
        result.skipped.push({
          game,
          index: i,
          reason: `${short.join(" and ")} played fewer than ${minGames} games before ${day}`,
        });
        continue;
      }
      const matrix = predictScoreMatrix(fit, game.home, game.away, maxGoals);
      result.predictions.push({
        game,
        index: i,
        lambdaHome: matrix.lambdaHome,
        lambdaAway: matrix.lambdaAway,
        probabilities: threeWayProbabilities(matrix),
        matrix,
        gamesFitted: fit.games,
      });
    }
  }
  return result;
}
