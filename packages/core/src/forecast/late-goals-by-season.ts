// The late-goal transitions (goals/late-goals.ts) as known at the start of a season: fitted on
// the earlier seasons' played games, each with the regulation matrix it was priced from on its own
// day and its regulation score; the identity until a season has 200 such games before it.
// Fitted once per season: the transitions are a league's habits, not a team's form.
import type { EloGame } from "../elo/replay.ts";
import { fitLateGoals, type LateGoals, type LateGoalsSample, NO_LATE_GOALS } from "../goals/late-goals.ts";
import type { GoalsTimeline } from "./goals-timeline.ts";

const MIN_GAMES = 200;

export class LateGoalsBySeason {
  private readonly fits = new Map<number, LateGoals>();

  constructor(
    private readonly games: readonly EloGame[],
    private readonly goals: GoalsTimeline,
  ) {}

  /** The transitions fitted on the games of seasons before `season`. */
  before(season: number): LateGoals {
    const cached = this.fits.get(season);
    if (cached) return cached;
    const samples: LateGoalsSample[] = [];
    this.games.forEach((g, i) => {
      if (g.season >= season || !g.regulation) return;
      const matrix = this.goals.matrixAt(i, g.date);
      if (matrix) samples.push({ matrix, home: g.regulation.home, away: g.regulation.away });
    });
    const fit = samples.length < MIN_GAMES ? NO_LATE_GOALS : fitLateGoals(samples);
    this.fits.set(season, fit);
    return fit;
  }
}
