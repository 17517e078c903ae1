// The goals model as known on any day: Dixon-Coles fitted on the games played before the day
// (within a window), each fit made once per decision day and warm-started from the previous one.
// A game is priced on a day only when both teams have enough games in that day's fit.
import type { GoalsModelSettings } from "@edgeline/sdk";
import { addDays } from "@edgeline/sdk";
import { type DixonColesFit, fitDixonColes, type GoalsGame } from "../goals/fit.ts";
import { DEFAULT_MAX_GOALS, predictScoreMatrix, type ScoreMatrix } from "../goals/score-matrix.ts";

export const DEFAULT_GOALS_WINDOW_DAYS = 730;
export const DEFAULT_MIN_GAMES_PER_TEAM = 3;

export class GoalsTimeline {
  private readonly played: GoalsGame[];
  private readonly fits = new Map<string, DixonColesFit | null>();
  private lastFit: DixonColesFit | undefined;
  /** Days whose fit stopped before its tolerance: reported, not hidden. */
  readonly unconvergedDays: string[] = [];

  constructor(
    readonly games: readonly GoalsGame[],
    readonly settings: GoalsModelSettings,
  ) {
    this.played = games
      .filter((g) => g.homeGoals !== null && g.awayGoals !== null)
      .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  }

  /** The fit on games dated in [day − window, day), or null when there are none. */
  fitOn(day: string): DixonColesFit | null {
    const cached = this.fits.get(day);
    if (cached !== undefined) return cached;
    const from = addDays(day, -(this.settings.windowDays ?? DEFAULT_GOALS_WINDOW_DAYS));
    const window = this.played.filter((g) => g.date >= from && g.date < day);
    let fit: DixonColesFit | null = null;
    if (window.length > 0) {
      fit = fitDixonColes(window, {
        xi: this.settings.xi,
        ...(this.lastFit ? { start: this.lastFit } : {}),
      });
      if (!fit.converged) this.unconvergedDays.push(day);
      this.lastFit = fit;
    }
    this.fits.set(day, fit);
    return fit;
  }

  /** Game `i`'s score matrix as known at the start of `day`, or undefined with too little history. */
  matrixAt(i: number, day: string): ScoreMatrix | undefined {
    const g = this.games[i]!;
    const fit = this.fitOn(day);
    if (!fit) return undefined;
    const min = this.settings.minGamesPerTeam ?? DEFAULT_MIN_GAMES_PER_TEAM;
    if ((fit.gamesByTeam[g.home] ?? 0) < min || (fit.gamesByTeam[g.away] ?? 0) < min) return undefined;
    return predictScoreMatrix(fit, g.home, g.away, this.settings.maxGoals ?? DEFAULT_MAX_GOALS);
  }
}
