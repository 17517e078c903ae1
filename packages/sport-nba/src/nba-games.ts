import {
  createEntityIndex,
  type DateRange,
  type GameDraft,
  type GameRecord,
  isInRange,
  toGameRecords,
} from "@edgeline/sdk";
import type {
  NbaScheduleGame,
  NbaSchedulePayload,
  NbaScoreboardGame,
  NbaScoreboardPayload,
} from "./nba-schemas.ts";
import { nbaStatus } from "./nba-status.ts";
import { NBA_TEAMS } from "./nba-teams.ts";

export const NBA_CODE = "NBA";
const teams = createEntityIndex(NBA_TEAMS);
/**
 * The season type, the third digit of a game id ("0042200163"): 1 preseason, 2 regular season,
 * 3 All-Star, 4 playoffs, 5 play-in, 6 the NBA Cup final. Preseason games are left out (not
 * rated), and so is the All-Star game, whose "teams" are not franchises. The play-in counts as
 * regular season, as 538's NBA forecasts rated it.
 */
const PRESEASON_TYPE = "1";
const ALL_STAR_TYPE = "3";
const PLAYOFF_TYPE = "4";

/** Left out of the records: preseason (by id, or by the schedule's label) and the All-Star game. */
function leftOut(game: { gameId: string; gameLabel?: string | undefined }): boolean {
  const type = game.gameId[2];
  return type === PRESEASON_TYPE || type === ALL_STAR_TYPE || game.gameLabel?.trim() === "Preseason";
}

type NbaTeam = NbaScoreboardGame["homeTeam"];

function team(t: NbaTeam): { id: string; name: string } | undefined {
  if (!t.teamTricode) return undefined;
  return teams.resolve("nba", t.teamTricode, [t.teamCity, t.teamName].filter(Boolean).join(" "));
}

/** "0022500524" -> 2025 (the season's starting year). */
export function nbaSeason(gameId: string): number {
  return 2000 + Number(gameId.slice(3, 5));
}

function draft(
  game: NbaScheduleGame | NbaScoreboardGame,
  gameDate: string,
  commenceTime: string,
  liveScores: boolean,
  venue: string | null,
  neutralSite: boolean,
): GameDraft | undefined {
  const home = team(game.homeTeam);
  const away = team(game.awayTeam);
  if (!home || !away || leftOut(game)) return undefined;
  const status = nbaStatus(game);
  const scored = status === "Final" || (status === "InProgress" && liveScores);
  return {
    sourceKey: game.gameId,
    sport: NBA_CODE,
    gameDate,
    season: nbaSeason(game.gameId),
    status,
    homeTeamId: home.id,
    homeTeamName: home.name,
    awayTeamId: away.id,
    awayTeamName: away.name,
    homeScore: scored ? game.homeTeam.score : null,
    awayScore: scored ? game.awayTeam.score : null,
    commenceTime: new Date(commenceTime),
    venue,
    neutralSite,
    playoff: game.gameId[2] === PLAYOFF_TYPE,
  };
}

/** Schedule games in range. Live games get no score: the schedule file shows 0-0 until the end. */
export function nbaScheduleDrafts(payload: NbaSchedulePayload, range: DateRange): GameDraft[] {
  return payload.leagueSchedule.gameDates
    .flatMap((d) => d.games)
    .map((g) =>
      draft(
        g,
        g.gameDateEst.slice(0, 10),
        g.gameDateTimeUTC,
        false,
        g.arenaName || null,
        g.isNeutral ?? false,
      ),
    )
    .filter((g): g is GameDraft => g !== undefined && isInRange(g.gameDate, range));
}

/** Scoreboard games in range, with live scores; the game day is the one in `gameCode`. */
export function nbaScoreboardDrafts(payload: NbaScoreboardPayload, range: DateRange): GameDraft[] {
  return payload.scoreboard.games
    .map((g) => {
      const day = g.gameCode.slice(0, 8);
      const gameDate = `${day.slice(0, 4)}-${day.slice(4, 6)}-${day.slice(6, 8)}`;
      // The scoreboard does not say where a game is played; the schedule's flag is kept on merge.
      return draft(g, gameDate, g.gameTimeUTC, true, null, false);
    })
    .filter((g): g is GameDraft => g !== undefined && isInRange(g.gameDate, range));
}

/**
 * Final records: schedule games, with status and scores taken from the scoreboard where it has
 * the game (it is the fresher of the two), keeping the schedule's venue and neutral-site flag.
 */
export function mergeNbaGames(
  schedule: readonly GameDraft[],
  scoreboard: readonly GameDraft[],
): GameRecord[] {
  const byId = new Map(schedule.map((g) => [g.sourceKey, g]));
  for (const live of scoreboard) {
    const planned = byId.get(live.sourceKey);
    byId.set(
      live.sourceKey,
      planned
        ? { ...live, venue: planned.venue ?? live.venue, neutralSite: planned.neutralSite ?? false }
        : live,
    );
  }
  return toGameRecords([...byId.values()]);
}
