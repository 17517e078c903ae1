/**
 * The demo's leagues and teams. Codes are the ones the bundled plugins use as team ids (NHL
 * tricodes, ESPN abbreviations), and Kalshi codes are chosen equal to them, so the demo maps
 * without aliases. Full names are The Odds API spellings.
 */
export interface DemoTeam {
  code: string;
  /** NHL numeric team id / ESPN team id. */
  numericId: number;
  place: string;
  nickname: string;
  /** Code in Kalshi tickers when it differs from `code` (Kalshi writes JAC for Jacksonville). */
  kalshiCode?: string;
}

export interface DemoLeague {
  key: "nhl" | "nfl" | "epl";
  teams: readonly DemoTeam[];
  /** Home advantage in Elo points. */
  homeAdvantage: number;
  /** Share of draws (3-way soccer), 0 otherwise. */
  drawRate: number;
  /** Games per weekday (0 = Sunday), and UTC start times offered that day as [dayOffset, "HH:MM"]. */
  slate(weekday: number): { games: number; starts: ReadonlyArray<readonly [number, string]> };
  kalshiSeries?: string;
  oddsApiSportKey: string;
}

const team = (
  code: string,
  numericId: number,
  place: string,
  nickname: string,
  kalshiCode?: string,
): DemoTeam => ({
  code,
  numericId,
  place,
  nickname,
  ...(kalshiCode ? { kalshiCode } : {}),
});

export const fullName = (t: DemoTeam) => (t.nickname ? `${t.place} ${t.nickname}` : t.place);

/** Evening games in North America start after midnight UTC, i.e. on the next UTC day. */
const NHL_STARTS = [
  [1, "00:00"],
  [1, "00:30"],
  [1, "02:00"],
  [1, "03:00"],
] as const;

export const DEMO_LEAGUES: readonly DemoLeague[] = [
  {
    key: "nhl",
    teams: [
      team("BOS", 6, "Boston", "Bruins"),
      team("BUF", 7, "Buffalo", "Sabres"),
      team("DET", 17, "Detroit", "Red Wings"),
      team("FLA", 13, "Florida", "Panthers"),
      team("MTL", 8, "Montreal", "Canadiens"),
      team("OTT", 9, "Ottawa", "Senators"),
      team("TOR", 10, "Toronto", "Maple Leafs"),
      team("NYR", 3, "New York", "Rangers"),
      team("PHI", 4, "Philadelphia", "Flyers"),
      team("PIT", 5, "Pittsburgh", "Penguins"),
      team("CHI", 16, "Chicago", "Blackhawks"),
      team("COL", 21, "Colorado", "Avalanche"),
      team("DAL", 25, "Dallas", "Stars"),
      team("EDM", 22, "Edmonton", "Oilers"),
      team("VAN", 23, "Vancouver", "Canucks"),
      team("SEA", 55, "Seattle", "Kraken"),
    ],
    homeAdvantage: 35,
    drawRate: 0,
    slate: (weekday) => ({ games: weekday === 1 || weekday === 3 ? 3 : 5, starts: NHL_STARTS }),
    kalshiSeries: "KXNHLGAME",
    oddsApiSportKey: "icehockey_nhl",
  },
  {
    key: "nfl",
    teams: [
      team("BUF", 2, "Buffalo", "Bills"),
      team("MIA", 15, "Miami", "Dolphins"),
      team("NE", 17, "New England", "Patriots"),
      team("NYJ", 20, "New York", "Jets"),
      team("BAL", 33, "Baltimore", "Ravens"),
      team("CIN", 4, "Cincinnati", "Bengals"),
      team("KC", 12, "Kansas City", "Chiefs"),
      team("DEN", 7, "Denver", "Broncos"),
      team("DAL", 6, "Dallas", "Cowboys"),
      team("PHI", 21, "Philadelphia", "Eagles"),
      team("GB", 9, "Green Bay", "Packers"),
      team("DET", 8, "Detroit", "Lions"),
      team("SF", 25, "San Francisco", "49ers"),
      team("SEA", 26, "Seattle", "Seahawks"),
      team("TB", 27, "Tampa Bay", "Buccaneers"),
      team("JAX", 30, "Jacksonville", "Jaguars", "JAC"),
    ],
    homeAdvantage: 55,
    drawRate: 0,
    // Thursday and Monday night (next UTC day), Sunday afternoon.
    slate: (weekday) =>
      weekday === 0
        ? {
            games: 6,
            starts: [
              [0, "18:00"],
              [0, "21:25"],
            ],
          }
        : weekday === 4 || weekday === 1
          ? { games: 1, starts: [[1, "01:15"]] }
          : { games: 0, starts: [] },
    kalshiSeries: "KXNFLGAME",
    oddsApiSportKey: "americanfootball_nfl",
  },
  {
    key: "epl",
    teams: [
      team("ARS", 359, "Arsenal", ""),
      team("AVL", 362, "Aston Villa", ""),
      team("CHE", 363, "Chelsea", ""),
      team("EVE", 368, "Everton", ""),
      team("LIV", 364, "Liverpool", ""),
      team("MNC", 382, "Manchester City", ""),
      team("MAN", 360, "Manchester United", ""),
      team("NEW", 361, "Newcastle United", ""),
      team("TOT", 367, "Tottenham Hotspur", ""),
      team("WHU", 371, "West Ham United", ""),
    ],
    homeAdvantage: 60,
    drawRate: 0.26,
    slate: (weekday) =>
      weekday === 6
        ? {
            games: 4,
            starts: [
              [0, "12:30"],
              [0, "15:00"],
            ],
          }
        : weekday === 0
          ? { games: 1, starts: [[0, "16:30"]] }
          : { games: 0, starts: [] },
    oddsApiSportKey: "soccer_epl",
  },
];
