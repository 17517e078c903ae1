// A sport's model resolved to numbers (the registry resolves preset names), and the forecaster
// over a history of games it drives: for game i decided on day D, the forecast the betting model
// gives from what was known at the start of D, and the Elo ratings (every sport has them).
import type { BlendSettings, EloConfig, GoalsModelSettings } from "@edgeline/sdk";
import type { EloGame } from "../elo/replay.ts";
import { gameContext } from "../elo/schedule.ts";
import { applyLateGoals } from "../goals/late-goals.ts";
import { finalScoreMatrix } from "../goals/overtime.ts";
import type { ScoreMatrix } from "../goals/score-matrix.ts";
import type { EloMarginModel } from "../margins/elo-margin.ts";
import { EloTimeline } from "./elo-timeline.ts";
import { eloForecast, type GameForecast, goalsForecast } from "./game-forecast.ts";
import { GoalsTimeline } from "./goals-timeline.ts";
import { LateGoalsBySeason } from "./late-goals-by-season.ts";
import { OvertimeRecord } from "./overtime-record.ts";

export interface ResolvedSportModel {
  elo: EloConfig;
  margin?: EloMarginModel;
  goals?: GoalsModelSettings;
  betting: "elo" | "goals";
  /** The blend's settings, defaults filled in (no shrinkage when absent). */
  blend: ResolvedBlendSettings;
}

export type ResolvedBlendSettings = Required<Omit<BlendSettings, "shrinkage">> &
  Pick<BlendSettings, "shrinkage">;

export const DEFAULT_BLEND_SETTINGS: Readonly<Required<BlendSettings>> = {
  minGames: 100,
  defaultWeight: 1,
  shrinkage: 0,
};

/** A short name of the model that is bet, for reports ("fivethirtyeight-nfl", "dixon-coles xi 0.0018"). */
export function modelName(model: ResolvedSportModel): string {
  if (model.betting !== "goals") return model.elo.name;
  const g = model.goals!;
  return `dixon-coles xi ${g.xi}${g.regulation ? " on regulation" : ""}${g.lateGoals ? ", late goals apart" : ""}`;
}

export class SportForecaster {
  readonly elo: EloTimeline;
  readonly goals: GoalsTimeline | undefined;
  /** The games decided after regulation, for a goals model on regulation scores. */
  readonly overtime: OvertimeRecord | undefined;
  /** The late-goal transitions by season, for a goals model on regulation with `lateGoals`. */
  readonly lateGoals: LateGoalsBySeason | undefined;

  constructor(
    readonly model: ResolvedSportModel,
    readonly games: readonly EloGame[],
    readonly ways: 2 | 3,
    options: { initialRatings?: Readonly<Record<string, number>> } = {},
  ) {
    this.elo = new EloTimeline(model.elo, games, options);
    if (model.betting === "goals") {
      if (!model.goals) throw new Error('a model betting "goals" needs goals settings');
      // On regulation, a game whose regulation score is not known is left out of the fit.
      const regulation = model.goals.regulation === true;
      this.goals = new GoalsTimeline(
        games.map((g) => {
          const score = regulation ? g.regulation : undefined;
          return {
            date: g.date,
            home: g.home,
            away: g.away,
            homeGoals: regulation ? (score?.home ?? null) : g.homeScore,
            awayGoals: regulation ? (score?.away ?? null) : g.awayScore,
          };
        }),
        model.goals,
      );
      if (regulation) this.overtime = new OvertimeRecord(games);
      if (regulation && model.goals.lateGoals) this.lateGoals = new LateGoalsBySeason(games, this.goals);
    }
  }

  /** Elo's forecast of game i from the ratings at the start of `day`. */
  eloForecast(i: number, day: string): GameForecast | undefined {
    const g = this.games[i]!;
    const r = this.elo.ratingsAt(i, day);
    return eloForecast(this.model.elo, r.home, r.away, this.ways, gameContext(g), this.model.margin);
  }

  /**
   * The goals model's score matrix of game i decided on `day`, the one every market prices from:
   * the late goals applied, and on regulation scores with a two-way market the final's (overtime
   * added). Undefined without a goals model or where it cannot price the game.
   */
  scoreMatrixAt(i: number, day: string): ScoreMatrix | undefined {
    const matrix = this.goals?.matrixAt(i, day);
    if (!matrix) return undefined;
    const regulation = this.lateGoals
      ? applyLateGoals(matrix, this.lateGoals.before(this.games[i]!.season))
      : matrix;
    return this.overtime && this.ways === 2
      ? finalScoreMatrix(regulation, this.overtime.homeShareBefore(day))
      : regulation;
  }

  /** The betting model's forecast of game i decided on `day`, or undefined where it cannot price it. */
  forecast(i: number, day: string): GameForecast | undefined {
    if (!this.goals) return this.eloForecast(i, day);
    const matrix = this.scoreMatrixAt(i, day);
    return matrix && goalsForecast(matrix, this.ways);
  }
}
