import type { DemoGame } from "./demo-calendar.ts";
import { type DemoLeague, fullName } from "./demo-leagues.ts";

/** ESPN sport/league uids ("s:20~l:28" is the NFL, "s:600~l:700" the Premier League). */
const ESPN_LEAGUE: Record<
  string,
  { sport: number; league: number; slug: string; abbreviation: string; name: string }
> = {
  nfl: { sport: 20, league: 28, slug: "nfl", abbreviation: "NFL", name: "National Football League" },
  epl: { sport: 600, league: 700, slug: "eng.1", abbreviation: "ENG.1", name: "English Premier League" },
};

/** ESPN writes instants without seconds: "2022-09-11T17:00Z". */
const espnInstant = (d: Date) => d.toISOString().slice(0, 16) + "Z";

function statusJson(game: DemoGame) {
  const done = game.result !== null;
  return {
    clock: 0,
    displayClock: "0:00",
    period: done ? (game.league.key === "nfl" ? 4 : 2) : 0,
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

function eventJson(game: DemoGame) {
  const league = ESPN_LEAGUE[game.league.key]!;
  const id = `9${game.date.replaceAll("-", "")}${game.league.key === "nfl" ? 1 : 2}${game.index}`;
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
        abbreviation: team.code,
        displayName: fullName(team),
        shortDisplayName: team.nickname || team.place,
      },
      score: score === undefined ? "0" : String(score),
    };
  };
  const status = statusJson(game);
  return {
    id,
    uid,
    date: espnInstant(game.start),
    name: `${fullName(game.away)} at ${fullName(game.home)}`,
    shortName: `${game.away.code} @ ${game.home.code}`,
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
export function espnScoreboardPayload(league: DemoLeague, date: string, games: DemoGame[]) {
  const meta = ESPN_LEAGUE[league.key]!;
  return {
    leagues: [
      {
        id: String(meta.league),
        uid: `s:${meta.sport}~l:${meta.league}`,
        name: meta.name,
        abbreviation: meta.abbreviation,
        slug: meta.slug,
      },
    ],
    day: { date },
    events: games.map(eventJson),
  };
}

export function espnLeaguePath(league: DemoLeague): { sport: string; league: string } {
  return league.key === "nfl" ? { sport: "football", league: "nfl" } : { sport: "soccer", league: "eng.1" };
}
