import {
  createEntityIndex,
  type DateRange,
  type GameDraft,
  type GameRecord,
  type GameStatus,
  isInRange,
  toGameRecords,
} from "@edgeline/sdk";
import type { NhlGame, NhlSchedulePayload } from "./nhl-schedule-schema.ts";
import { NHL_TEAMS } from "./nhl-teams.ts";

export const NHL_CODE = "NHL";
const teams = createEntityIndex(NHL_TEAMS);
/**
 * Regular season (2) and playoffs (3). Preseason (1) is left out: teams rest their regulars, and
 * a rating that learnt from it would be worse; the all-star game (4) has no real teams.
 */
const REGULAR_SEASON = 2;
const PLAYOFFS = 3;
const GAME_TYPES = new Set([REGULAR_SEASON, PLAYOFFS]);

/** gameScheduleState wins over gameState: a postponed game still says FUT. */
export function nhlStatus(game: Pick<NhlGame, "gameState" | "gameScheduleState">): GameStatus {
  switch (game.gameScheduleState) {
    case "PPD":
    case "SUSP": // suspended games are finished on a later date, like a postponement
      return "Postponed";
    case "CNCL":
      return "Cancelled";
  }
  switch (game.gameState) {
    case "FUT":
    case "PRE":
      return "Scheduled";
    case "LIVE":
    case "CRIT":
      return "InProgress";
    case "FINAL":
    case "OFF":
    case "OVER":
      return "Final";
  }
}

function team(t: NhlGame["homeTeam"]): { id: string; name: string } {
  const fromPayload = [t.placeName?.default, t.commonName?.default].filter(Boolean).join(" ");
  return teams.resolve("nhl", t.abbrev, fromPayload);
}

/**
 * A finished game's score at the end of regulation. Overtime is sudden death and the shootout
 * counts as one goal for its winner, so a game decided after regulation was tied at the loser's
 * score; a final of any other margin is not trusted to say how it ended.
 */
export function nhlRegulationScore(
  game: Pick<NhlGame, "gameOutcome" | "homeTeam" | "awayTeam">,
): { home: number; away: number } | undefined {
  const [home, away] = [game.homeTeam.score, game.awayTeam.score];
  const ended = game.gameOutcome?.lastPeriodType;
  if (home === undefined || away === undefined || ended === undefined) return undefined;
  if (ended === "REG") return home === away ? undefined : { home, away };
  if ((ended !== "OT" && ended !== "SO") || Math.abs(home - away) !== 1) return undefined;
  const tied = Math.min(home, away);
  return { home: tied, away: tied };
}

function toDraft(game: NhlGame, gameDate: string): GameDraft {
  const status = nhlStatus(game);
  const home = team(game.homeTeam);
  const away = team(game.awayTeam);
  const scored = status === "InProgress" || status === "Final";
  const regulation = nhlRegulationScore(game);
  return {
    sourceKey: String(game.id),
    sport: NHL_CODE,
    gameDate,
    season: Math.floor(game.season / 10_000),
    status,
    homeTeamId: home.id,
    homeTeamName: home.name,
    awayTeamId: away.id,
    awayTeamName: away.name,
    homeScore: scored ? (game.homeTeam.score ?? null) : null,
    awayScore: scored ? (game.awayTeam.score ?? null) : null,
    commenceTime: new Date(game.startTimeUTC),
    venue: game.venue?.default ?? null,
    neutralSite: game.neutralSite ?? false,
    playoff: game.gameType === PLAYOFFS,
    ...(status === "Final" && regulation ? { regulationScore: regulation } : {}),
  };
}

/** Games of a schedule payload whose (Eastern) day lies in `range`, as validated records. */
export function nhlScheduleToGames(payload: NhlSchedulePayload, range: DateRange): GameRecord[] {
  const drafts = payload.gameWeek
    .filter((day) => isInRange(day.date, range))
    .flatMap((day) => day.games.filter((g) => GAME_TYPES.has(g.gameType)).map((g) => toDraft(g, day.date)));
  return toGameRecords(drafts);
}
