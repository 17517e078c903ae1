// update_elo -> elo_ratings. The replay of every final game before the run's day is cheap (17k
// games in milliseconds), so the step computes the full expected history and writes only its
// difference from the table: the open row of each entity that played is closed and the new one
// inserted, and a full rebuild and a day-by-day update end in identical rows by construction.
// Rerunning an earlier day (a backfill, a corrected score) replays through the latest day already
// rated, so later days are recomputed from the changed history, never deleted.
import type { SportPlugin, VenueLocation } from "@edgeline/sdk";
import type { EloGame } from "../elo/index.ts";
import { replayElo, withSchedule } from "../elo/index.ts";
import { latestRatedDay, syncEloHistory } from "../repositories/elo-ratings.ts";
import { finalGamesBefore, type GameRow } from "../repositories/games.ts";
import type { StepDefinition } from "./step.ts";

/**
 * A played game as the Elo engine takes it; the season falls back to the game's year. Neutral
 * sites get no home advantage and playoff games the model's playoff multiplier.
 */
export function toEloGame(g: GameRow): EloGame {
  return {
    date: g.gameDate,
    season: g.season ?? Number(g.gameDate.slice(0, 4)),
    home: g.homeTeamId!,
    away: g.awayTeamId!,
    homeScore: g.homeScore,
    awayScore: g.awayScore,
    neutral: g.neutralSite,
    playoff: g.playoff,
    ...(g.homeRegulationScore !== null && g.awayRegulationScore !== null && g.homeScore !== null
      ? { regulation: { home: g.homeRegulationScore, away: g.awayRegulationScore } }
      : {}),
  };
}

/** The sport's venue lookup, bound to its plugin (a plugin may define it as a method); absent: no travel. */
export function venueLocationOf(plugin: SportPlugin): VenueLocation | undefined {
  const lookup = plugin.venueLocation;
  return lookup ? (teamId, season) => lookup.call(plugin, teamId, season) : undefined;
}

/** entity_name by id: the latest name a game gave the team. */
export function entityNames(games: readonly GameRow[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const g of games) {
    if (g.homeTeamId && g.homeTeamName) names.set(g.homeTeamId, g.homeTeamName);
    if (g.awayTeamId && g.awayTeamName) names.set(g.awayTeamId, g.awayTeamName);
  }
  return names;
}

export const updateElo: StepDefinition = {
  name: "update_elo",
  async prepare(deps, { sport, date }) {
    const { plugin, elo } = deps.plugins.sport(sport);
    return async (client) => {
      const rated = await latestRatedDay(client, plugin.code);
      const through = rated !== undefined && rated > date ? rated : date;
      const games = (await finalGamesBefore(client, plugin.code, through)).filter(
        (g) => g.homeTeamId && g.awayTeamId,
      );
      const { history } = replayElo(elo, withSchedule(games.map(toEloGame), venueLocationOf(plugin)));
      return syncEloHistory(client, plugin.code, history, entityNames(games));
    };
  },
};
