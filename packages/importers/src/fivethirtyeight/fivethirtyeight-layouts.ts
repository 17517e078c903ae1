/**
 * FiveThirtyEight's game files, told apart by their header:
 * - `nfl_games`: `date,season,neutral,playoff,team1,team2,elo1,elo2,elo_prob1,score1,score2,result1`
 *   (fivethirtyeight/nfl-elo-game). Seasons by their first year.
 * - `nba`: the NBA season files (`nba_elo.csv`, `nba_elo_latest.csv`): `team1,team2`,
 *   `elo1_pre,elo2_pre,elo_prob1,elo_prob2`, CARM-Elo (`carm-elo…`) and RAPTOR (`raptor…`)
 *   where present, `score1,score2`. Seasons by their last year ("2021" = 2020-21).
 * - `nhl`: the NHL season files (`nhl_elo.csv`): `home_team_abbr,away_team_abbr`,
 *   `home_team_pregame_rating,…,home_team_winprob,away_team_winprob,overtime_prob`,
 *   `home_team_score,away_team_score`, `status` (pre/post), `ot` (OT, SO, 2OT…). Seasons by their last year.
 * `team1` is the home team (the nominal one on a neutral site).
 */
export interface ForecastColumns {
  source: string;
  homeProb: string;
  /** Absent in nfl_games.csv: 1 − the home probability. */
  awayProb: string | null;
  homeRating: string;
  awayRating: string;
  overtimeProb: string | null;
}

export interface FiveThirtyEightLayout {
  name: "nfl_games" | "nba" | "nhl";
  home: string;
  away: string;
  homeScore: string;
  awayScore: string;
  /** A team's name beside its code, tried when the code is unknown (NHL). */
  homeName: string | null;
  awayName: string | null;
  /** Added to the file's season to give its first year (−1 where 538 labels seasons by their end). */
  seasonOffset: number;
  status: string | null;
  overtime: string | null;
  forecasts: ForecastColumns[];
}

const NFL: FiveThirtyEightLayout = {
  name: "nfl_games",
  home: "team1",
  away: "team2",
  homeScore: "score1",
  awayScore: "score2",
  homeName: null,
  awayName: null,
  seasonOffset: 0,
  status: null,
  overtime: null,
  forecasts: [
    {
      source: "fivethirtyeight-elo",
      homeProb: "elo_prob1",
      awayProb: null,
      homeRating: "elo1",
      awayRating: "elo2",
      overtimeProb: null,
    },
  ],
};

const nbaForecast = (source: string, prefix: string): ForecastColumns => ({
  source,
  homeProb: `${prefix}_prob1`,
  awayProb: `${prefix}_prob2`,
  homeRating: `${prefix}1_pre`,
  awayRating: `${prefix}2_pre`,
  overtimeProb: null,
});

const NBA: FiveThirtyEightLayout = {
  name: "nba",
  home: "team1",
  away: "team2",
  homeScore: "score1",
  awayScore: "score2",
  homeName: null,
  awayName: null,
  seasonOffset: -1,
  status: null,
  overtime: null,
  forecasts: [
    nbaForecast("fivethirtyeight-elo", "elo"),
    nbaForecast("fivethirtyeight-carmelo", "carm-elo"),
    nbaForecast("fivethirtyeight-raptor", "raptor"),
  ],
};

const NHL: FiveThirtyEightLayout = {
  name: "nhl",
  home: "home_team_abbr",
  away: "away_team_abbr",
  homeScore: "home_team_score",
  awayScore: "away_team_score",
  homeName: "home_team",
  awayName: "away_team",
  seasonOffset: -1,
  status: "status",
  overtime: "ot",
  forecasts: [
    {
      source: "fivethirtyeight-elo",
      homeProb: "home_team_winprob",
      awayProb: "away_team_winprob",
      homeRating: "home_team_pregame_rating",
      awayRating: "away_team_pregame_rating",
      overtimeProb: "overtime_prob",
    },
  ],
};

/** The layout of a header, or the columns that are missing for the nearest one. */
export function detectLayout(header: readonly string[]): FiveThirtyEightLayout | { error: string } {
  const has = (c: string) => header.includes(c);
  const layout = has("home_team_abbr") ? NHL : has("elo1_pre") ? NBA : has("elo1") ? NFL : undefined;
  if (!layout) {
    return {
      error: "not a FiveThirtyEight game file: expected team1/team2 with elo1 or elo1_pre, or home_team_abbr",
    };
  }
  const needed = [
    "date",
    "season",
    layout.home,
    layout.away,
    layout.homeScore,
    layout.awayScore,
    layout.forecasts[0]!.homeProb,
  ];
  const missing = needed.filter((c) => !has(c));
  if (missing.length) return { error: `FiveThirtyEight ${layout.name} layout without ${missing.join(", ")}` };
  // Optional forecasters (CARM-Elo, RAPTOR) only where the file has their columns.
  return { ...layout, forecasts: layout.forecasts.filter((f) => has(f.homeProb)) };
}
