import { addDaysIso, type DemoGame } from "./demo-calendar.ts";
import type { DemoTeam } from "./demo-leagues.ts";

const DAY_ABBREV = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

/** NHL season of a day: the season starting in October of that year, or of the year before. */
function seasonStartYear(day: string): number {
  const year = Number(day.slice(0, 4));
  return Number(day.slice(5, 7)) >= 7 ? year : year - 1;
}

/** 2026020123: season, type 02 (regular), game number from the day of season and index on the day. */
function nhlGameId(game: DemoGame): number {
  const start = seasonStartYear(game.date);
  const dayOfSeason = Math.round(
    (Date.parse(`${game.date}T00:00:00Z`) - Date.parse(`${start}-07-01T00:00:00Z`)) / 86_400_000,
  );
  return start * 1_000_000 + 20_000 + dayOfSeason * 8 + game.index + 1;
}

function teamJson(team: DemoTeam, score: number | undefined) {
  return {
    id: team.numericId,
    placeName: { default: team.place },
    commonName: { default: team.nickname },
    abbrev: team.code,
    logo: `https://assets.nhle.com/logos/nhl/svg/${team.code}_light.svg`,
    ...(score === undefined ? {} : { score }),
  };
}

function gameJson(game: DemoGame) {
  const start = seasonStartYear(game.date);
  const finished = game.result !== null;
  return {
    id: nhlGameId(game),
    season: start * 10_000 + start + 1,
    gameType: 2,
    venue: { default: `${game.home.place} Arena` },
    neutralSite: false,
    startTimeUTC: game.start.toISOString().replace(".000Z", "Z"),
    easternUTCOffset: "-05:00",
    venueUTCOffset: "-05:00",
    venueTimezone: "America/New_York",
    gameState: finished ? "OFF" : "FUT",
    gameScheduleState: "OK",
    tvBroadcasts: [],
    awayTeam: teamJson(game.away, game.result?.away),
    homeTeam: teamJson(game.home, game.result?.home),
    periodDescriptor: finished
      ? {
          number: game.result?.overtime ? 4 : 3,
          periodType: game.result?.overtime ? "OT" : "REG",
          maxRegulationPeriods: 3,
        }
      : {},
    ...(finished ? { gameOutcome: { lastPeriodType: game.result?.overtime ? "OT" : "REG" } } : {}),
    gameCenterLink: `/gamecenter/${game.away.code.toLowerCase()}-vs-${game.home.code.toLowerCase()}/${game.date.replaceAll("-", "/")}/${nhlGameId(game)}`,
  };
}

/** `GET /v1/schedule/{date}`: the week starting at `date`, as api-web.nhle.com returns it. */
export function nhlSchedulePayload(date: string, gamesOn: (day: string) => DemoGame[]) {
  const gameWeek = Array.from({ length: 7 }, (_, i) => {
    const day = addDaysIso(date, i);
    const games = gamesOn(day);
    return {
      date: day,
      dayAbbrev: DAY_ABBREV[new Date(`${day}T00:00:00Z`).getUTCDay()],
      numberOfGames: games.length,
      games: games.map(gameJson),
    };
  });
  const start = seasonStartYear(date);
  return {
    nextStartDate: addDaysIso(date, 7),
    previousStartDate: addDaysIso(date, -7),
    gameWeek,
    oddsPartners: [],
    preSeasonStartDate: `${start}-09-20`,
    regularSeasonStartDate: `${start}-10-07`,
    regularSeasonEndDate: `${start + 1}-04-16`,
    playoffEndDate: `${start + 1}-06-20`,
    numberOfGames: gameWeek.reduce((n, d) => n + d.numberOfGames, 0),
  };
}
