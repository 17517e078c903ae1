// A sport's model resolved to numbers (the registry resolves preset names), and the forecaster
// over a history of games it drives: for game i decided on day D, the forecast the betting model
// gives from what was known at the start of D, and the Elo ratings (every sport has them).
import type { BlendSettings, EloConfig, GoalsModelSettings } from "@edgeline/sdk";
import type { EloGame } from "../elo/replay.ts";
import { gameContext } from "../elo/schedule.ts";
import type { EloMarginModel } from "../margins/elo-margin.ts";
import { EloTimeline } from "./elo-timeline.ts";
import { eloForecast, type GameForecast, goalsForecast } from "./game-forecast.ts";
import { GoalsTimeline } from "./goals-timeline.ts";

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
  return model.betting === "goals" ? `dixon-coles xi ${model.goals!.xi}` : model.elo.name;
}

export class SportForecaster {
  readonly elo: EloTimeline;
  readonly goals: GoalsTimeline | undefined;

  constructor(
    readonly model: ResolvedSportModel,
    readonly games: readonly EloGame[],
    readonly ways: 2 | 3,
    options: { initialRatings?: Readonly<Record<string, number>> } = {},
  ) {
    this.elo = new EloTimeline(model.elo, games, options);
    if (model.betting === "goals") {
      if (!model.goals) throw new Error('a model betting "goals" needs goals settings');
      this.goals = new GoalsTimeline(
        games.map((g) => ({
          date: g.date,
          home: g.home,
          away: g.away,
          homeGoals: g.homeScore,
          awayGoals: g.awayScore,
        })),
        model.goals,
      );
    }
  }

  /** Elo's forecast of game i from the ratings at the start of `day`. */
  eloForecast(i: number, day: string): GameForecast | undefined {
    const g = this.games[i]!;
    const r = this.elo.ratingsAt(i, day);
    return eloForecast(this.model.elo, r.home, r.away, this.ways, gameContext(g), this.model.margin);
  }

  /** The betting model's forecast of game i decided on `day`, or undefined where it cannot price it. */
  forecast(i: number, day: string): GameForecast | undefined {
    if (!this.goals) return this.eloForecast(i, day);
    const matrix = this.goals.matrixAt(i, day);
    return matrix ? goalsForecast(matrix, this.ways) : undefined;
  }
}
