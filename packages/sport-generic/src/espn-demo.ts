// The ESPN sports' part of the demo: scoreboard payloads in site.api.espn.com's shape for the
// games the host generates from a league's DemoLeague.
import { type DemoGame, type DemoLeague, demoTeamName as fullName, type SportDemo } from "@edgeline/sdk";
import type { EspnLeagueConfig } from "./espn-league-config.ts";
import { espnSlug } from "./fake-espn.ts";

/** What ESPN calls the league in its payloads ("s:20~l:28" is the NFL, "s:600~l:700" the Premier League). */
export interface EspnDemoLeague {
  uid: { sport: number; league: number };
  /** Periods of a finished game (4 quarters, 2 halves). */
  periods: number;
  league: DemoLeague;
}

/** ESPN writes instants without seconds: "2022-09-11T17:00Z". */
const espnInstant = (d: Date) => d.toISOString().slice(0, 16) + "Z";

function statusJson(game: DemoGame, meta: EspnDemoLeague) {
  const done = game.result !== null;
  return {
    clock: 0,
    displayClock: "0:00",
    period: done ? meta.periods : 0,
    type: done
      ? {
          id: "3",
          name: "STATUS_FINAL",
          state: "post",
          completed: true,
          description: "Final",
          detail: "Final",
          shortDetail: "Final",
        }
      : {
          id: "1",
          name: "STATUS_SCHEDULED",
          state: "pre",
          completed: false,
          description: "Scheduled",
          detail: game.start.toUTCString(),
          shortDetail: game.start.toUTCString(),
        },
  };
}

function eventJson(game: DemoGame, meta: EspnDemoLeague) {
  const league = meta.uid;
  const id = `9${game.date.replaceAll("-", "")}${league.league}${game.index}`;
  const uid = `s:${league.sport}~l:${league.league}~e:${id}`;
  const competitor = (side: "home" | "away") => {
    const team = side === "home" ? game.home : game.away;
    const score = game.result ? game.result[side] : undefined;
    const other = game.result ? game.result[side === "home" ? "away" : "home"] : undefined;
    return {
      id: String(team.numericId),
      uid: `s:${league.sport}~l:${league.league}~t:${team.numericId}`,
      type: "team",
      order: side === "home" ? 0 : 1,
      homeAway: side,
      ...(score !== undefined && other !== undefined ? { winner: score > other } : {}),
      team: {
        id: String(team.numericId),
        location: team.place,
        name: team.nickname || team.place,
        abbreviation: team.id,
        displayName: fullName(team),
        shortDisplayName: team.nickname || team.place,
      },
      score: score === undefined ? "0" : String(score),
    };
  };
  const status = statusJson(game, meta);
  return {
    id,
    uid,
    date: espnInstant(game.start),
    name: `${fullName(game.away)} at ${fullName(game.home)}`,
    shortName: `${game.away.id} @ ${game.home.id}`,
    season: {
      year: Number(game.date.slice(0, 4)) - (Number(game.date.slice(5, 7)) < 7 ? 1 : 0),
      type: 2,
      slug: "regular-season",
    },
    competitions: [
      {
        id,
        uid,
        date: espnInstant(game.start),
        startDate: espnInstant(game.start),
        neutralSite: false,
        venue: { id: String(game.home.numericId), fullName: `${game.home.place} Stadium` },
        competitors: [competitor("home"), competitor("away")],
        status,
      },
    ],
    status,
  };
}

/** `GET /apis/site/v2/sports/{sport}/{league}/scoreboard?dates=YYYYMMDD` for one day. */
export function espnScoreboardPayload(
  config: EspnLeagueConfig,
  meta: EspnDemoLeague,
  date: string,
  games: readonly DemoGame[],
) {
  // The league's slug is its path's last part ("nfl", "eng.1"); its abbreviation the same in capitals.
  const slug = config.leaguePath.split("/")[1]!;
  return {
    leagues: [
      {
        id: String(meta.uid.league),
        uid: `s:${meta.uid.sport}~l:${meta.uid.league}`,
        name: config.name,
        abbreviation: slug.toUpperCase(),
        slug,
      },
    ],
    day: { date },
    events: games.map((g) => eventJson(g, meta)),
  };
}

/** A league's demo: one scoreboard file per day, where the fake ESPN route looks for it. */
export function espnDemo(config: EspnLeagueConfig, meta: EspnDemoLeague): SportDemo {
  const [sport, league] = config.leaguePath.split("/") as [string, string];
  return {
    league: meta.league,
    async writeDay(day, gamesOn, write) {
      await write(
        "espn",
        `${espnSlug(sport, league)}-scoreboard-${day}.json`,
        espnScoreboardPayload(config, meta, day, gamesOn(day)),
      );
    },
  };
}
