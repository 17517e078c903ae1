import type { MarketOffer, RecommendationThresholds } from "@edgeline/core";
import { MLB_TEAMS } from "./entities/mlb-teams.ts";
import { NFL_TEAMS } from "./entities/nfl-teams.ts";
import { EPL_TEAMS, LIGUE1_TEAMS } from "./entities/soccer-teams.ts";
import type { EspnLeagueConfig } from "./espn-league-config.ts";

const SPREAD_AND_TOTAL: readonly MarketOffer[] = [
  { type: "spread", ways: 2 },
  { type: "total", ways: 2 },
];
const TEAM_DEFAULTS: RecommendationThresholds = { minEdge: 0.05, minOdds: 1.4, maxOdds: 4, maxPerDay: 5 };
// Draw-heavy markets price longer odds; the edge bar is higher for the noisier soccer model.
const SOCCER_DEFAULTS: RecommendationThresholds = { minEdge: 0.06, minOdds: 1.5, maxOdds: 6, maxPerDay: 4 };

/** The ESPN-served sports, one entry each. A new ESPN league is one more entry here. */
export const ESPN_LEAGUES: readonly EspnLeagueConfig[] = [
  {
    code: "MLB",
    name: "Major League Baseball",
    leaguePath: "baseball/mlb",
    eloPreset: "default-mlb",
    timeZone: "America/New_York",
    draws: false,
    markets: SPREAD_AND_TOTAL,
    entityKind: "team",
    entities: MLB_TEAMS,
    seasonYear: "start",
    kalshiSeries: ["KXMLBGAME"],
    oddsApiSportKey: "baseball_mlb",
    recommendation: TEAM_DEFAULTS,
  },
  {
    code: "NFL",
    name: "National Football League",
    leaguePath: "football/nfl",
    eloPreset: "fivethirtyeight-nfl",
    timeZone: "America/New_York",
    draws: false,
    markets: SPREAD_AND_TOTAL,
    entityKind: "team",
    entities: NFL_TEAMS,
    seasonYear: "start",
    kalshiSeries: ["KXNFLGAME"],
    oddsApiSportKey: "americanfootball_nfl",
    recommendation: { ...TEAM_DEFAULTS, maxPerDay: 8 },
  },
  {
    code: "NCAAB",
    name: "NCAA Men's Basketball",
    leaguePath: "basketball/mens-college-basketball",
    // Without groups=50 ESPN returns only featured (Top-25) games.
    query: { groups: 50 },
    eloPreset: "default-ncaab",
    timeZone: "America/New_York",
    draws: false,
    markets: SPREAD_AND_TOTAL,
    entityKind: "team",
    entities: [],
    seasonYear: "end",
    kalshiSeries: ["KXNCAAMBGAME"],
    oddsApiSportKey: "basketball_ncaab",
    recommendation: { ...TEAM_DEFAULTS, minEdge: 0.07 },
  },
  {
    code: "EPL",
    name: "English Premier League",
    leaguePath: "soccer/eng.1",
    leagueUid: "s:600~l:700",
    eloPreset: "default-epl",
    timeZone: "Europe/London",
    draws: true,
    markets: [{ type: "total", ways: 2 }],
    entityKind: "team",
    entities: EPL_TEAMS,
    seasonYear: "start",
    oddsApiSportKey: "soccer_epl",
    recommendation: SOCCER_DEFAULTS,
  },
  {
    code: "LIGUE1",
    name: "Ligue 1",
    leaguePath: "soccer/fra.1",
    leagueUid: "s:600~l:710",
    eloPreset: "default-ligue1",
    timeZone: "Europe/Paris",
    draws: true,
    markets: [{ type: "total", ways: 2 }],
    entityKind: "team",
    entities: LIGUE1_TEAMS,
    seasonYear: "start",
    oddsApiSportKey: "soccer_france_ligue_one",
    recommendation: SOCCER_DEFAULTS,
  },
  {
    code: "TENNIS",
    name: "ATP Tennis",
    leaguePath: "tennis/atp",
    leagueUid: "s:850~l:851",
    eloPreset: "default-tennis",
    // Tournaments move around the world; UTC is the one calendar every source agrees on.
    timeZone: "UTC",
    draws: false,
    markets: [],
    entityKind: "player",
    entities: [],
    seasonYear: "start",
    groupings: ["mens-singles"],
    // The Odds API keys tennis per tournament: this is the prefix of all ATP keys.
    oddsApiSportKey: "tennis_atp_",
    recommendation: { minEdge: 0.06, minOdds: 1.3, maxOdds: 5, maxPerDay: 5 },
  },
];
