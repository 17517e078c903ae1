// The NHL's part of the demo: its teams, slate and scoring, and api-web schedule payloads.
import {
  addDays,
  type DemoGame,
  type DemoTeam,
  daysBetween,
  decidedScore,
  demoTeams,
  type SportDemo,
  weekday,
} from "@edgeline/sdk";

const DAY_ABBREV = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

/** NHL season of a day: the season starting in October of that year, or of the year before. */
function seasonStartYear(day: string): number {
  const year = Number(day.slice(0, 4));
  return Number(day.slice(5, 7)) >= 7 ? year : year - 1;
}

/** 2026020123: season, type 02 (regular), game number from the day of season and index on the day. */
function nhlGameId(game: DemoGame): number {
  const start = seasonStartYear(game.date);
  const dayOfSeason = daysBetween(`${start}-07-01`, game.date);
  return start * 1_000_000 + 20_000 + dayOfSeason * 8 + game.index + 1;
}

function teamJson(team: DemoTeam, score: number | undefined) {
  return {
    id: team.numericId,
    placeName: { default: team.place },
    commonName: { default: team.nickname },
    abbrev: team.id,
    logo: `https://assets.nhle.com/logos/nhl/svg/${team.id}_light.svg`,
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
    gameCenterLink: `/gamecenter/${game.away.id.toLowerCase()}-vs-${game.home.id.toLowerCase()}/${game.date.replaceAll("-", "/")}/${nhlGameId(game)}`,
  };
}

/** `GET /v1/schedule/{date}`: the week starting at `date`, as api-web.nhle.com returns it. */
export function nhlSchedulePayload(date: string, gamesOn: (day: string) => readonly DemoGame[]) {
  const gameWeek = Array.from({ length: 7 }, (_, i) => {
    const day = addDays(date, i);
    const games = gamesOn(day);
    return {
      date: day,
      dayAbbrev: DAY_ABBREV[weekday(day)],
      numberOfGames: games.length,
      games: games.map(gameJson),
    };
  });
  const start = seasonStartYear(date);
  return {
    nextStartDate: addDays(date, 7),
    previousStartDate: addDays(date, -7),
    gameWeek,
    oddsPartners: [],
    preSeasonStartDate: `${start}-09-20`,
    regularSeasonStartDate: `${start}-10-07`,
    regularSeasonEndDate: `${start + 1}-04-16`,
    playoffEndDate: `${start + 1}-06-20`,
    numberOfGames: gameWeek.reduce((n, d) => n + d.numberOfGames, 0),
  };
}

/** Evening games in North America start after midnight UTC, i.e. on the next UTC day. */
const NHL_STARTS = [
  [1, "00:00"],
  [1, "00:30"],
  [1, "02:00"],
  [1, "03:00"],
] as const;

export const nhlDemo: SportDemo = {
  league: {
    teams: demoTeams(`
      BOS  6 Boston / Bruins
      BUF  7 Buffalo / Sabres
      DET 17 Detroit / Red Wings
      FLA 13 Florida / Panthers
      MTL  8 Montreal / Canadiens
      OTT  9 Ottawa / Senators
      TOR 10 Toronto / Maple Leafs
      NYR  3 New York / Rangers
      PHI  4 Philadelphia / Flyers
      PIT  5 Pittsburgh / Penguins
      CHI 16 Chicago / Blackhawks
      COL 21 Colorado / Avalanche
      DAL 25 Dallas / Stars
      EDM 22 Edmonton / Oilers
      VAN 23 Vancouver / Canucks
      SEA 55 Seattle / Kraken
    `),
    homeAdvantage: 35,
    drawRate: 0,
    slate: (day) => ({ games: day === 1 || day === 3 ? 3 : 5, starts: NHL_STARTS }),
    score(winner, r) {
      const w = 2 + (r % 4);
      const l = r % w;
      return decidedScore(winner, w, l, w - l === 1 && r % 4 === 0);
    },
    // Puck line ±1.5 to the favourite; totals around 6.5.
    lines: (game) => ({ spread: game.pHome >= game.pAway ? -1.5 : 1.5, total: 6.5 }),
  },
  async writeDay(day, gamesOn, write) {
    await write("nhl", `schedule-${day}.json`, nhlSchedulePayload(day, gamesOn));
  },
};
