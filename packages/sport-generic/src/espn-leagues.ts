import {
  type MarketOffer,
  type RecommendationThresholds,
  type SportModel,
  TEAM_SPORT_THRESHOLDS,
} from "@edgeline/sdk";
import { MLB_TEAMS } from "./entities/mlb-teams.ts";
import { NFL_TEAMS } from "./entities/nfl-teams.ts";
import { EPL_TEAMS, LIGUE1_TEAMS } from "./entities/soccer-teams.ts";
import { EPL_DEMO, NFL_DEMO } from "./espn-demo-leagues.ts";
import { eplDefault, ligue1Default, mlbDefault, ncaabDefault, tennisDefault } from "./espn-elo-models.ts";
import type { EspnLeagueConfig } from "./espn-league-config.ts";

const SPREAD_AND_TOTAL: readonly MarketOffer[] = [
  { type: "spread", ways: 2 },
  { type: "total", ways: 2 },
];
// Draw-heavy markets price longer odds; the edge bar is higher for the noisier soccer model.
const SOCCER_DEFAULTS: RecommendationThresholds = { minEdge: 0.06, minOdds: 1.5, maxOdds: 6, maxPerDay: 4 };
/**
 * Soccer bets the goals model (Dixon-Coles with penaltyblog's documented decay, ξ = 0.0018 per day):
 * its score matrix prices the 1X2, totals and Asian handicaps alike. Elo still rates the teams.
 */
const SOCCER_MODEL: Omit<SportModel, "elo"> = { goals: { xi: 0.0018 }, betting: "goals" };
/** What the European football leagues share: the model, 3-way moneylines and totals, clubs, thresholds. */
const SOCCER_LEAGUE = {
  model: SOCCER_MODEL,
  draws: true,
  markets: [{ type: "total", ways: 2 }],
  entityKind: "team",
  seasonYear: "start",
  recommendation: SOCCER_DEFAULTS,
} as const satisfies Partial<EspnLeagueConfig>;

/** The ESPN-served sports, one entry each. A new ESPN league is one more entry here. */
export const ESPN_LEAGUES: readonly EspnLeagueConfig[] = [
  {
    code: "MLB",
    name: "Major League Baseball",
    leaguePath: "baseball/mlb",
    elo: mlbDefault,
    timeZone: "America/New_York",
    draws: false,
    markets: SPREAD_AND_TOTAL,
    entityKind: "team",
    entities: MLB_TEAMS,
    seasonYear: "start",
    sourceOptions: { kalshi: { series: ["KXMLBGAME"] }, "the-odds-api": { sportKey: "baseball_mlb" } },
    recommendation: TEAM_SPORT_THRESHOLDS,
  },
  {
    code: "NFL",
    name: "National Football League",
    leaguePath: "football/nfl",
    elo: "fivethirtyeight-nfl",
    // 538's Elo-to-points rule (ELODIFF / 25) with a fitted margin spread: spreads and totals.
    model: { margin: "fivethirtyeight-nfl-margin" },
    timeZone: "America/New_York",
    draws: false,
    markets: SPREAD_AND_TOTAL,
    entityKind: "team",
    entities: NFL_TEAMS,
    seasonYear: "start",
    sourceOptions: {
      kalshi: { series: ["KXNFLGAME"] },
      "the-odds-api": { sportKey: "americanfootball_nfl" },
    },
    recommendation: { ...TEAM_SPORT_THRESHOLDS, maxPerDay: 8 },
    demo: NFL_DEMO,
  },
  {
    code: "NCAAB",
    name: "NCAA Men's Basketball",
    leaguePath: "basketball/mens-college-basketball",
    // Without groups=50 ESPN returns only featured (Top-25) games.
    query: { groups: 50 },
    elo: ncaabDefault,
    timeZone: "America/New_York",
    draws: false,
    markets: SPREAD_AND_TOTAL,
    entityKind: "team",
    entities: [],
    seasonYear: "end",
    sourceOptions: { kalshi: { series: ["KXNCAAMBGAME"] }, "the-odds-api": { sportKey: "basketball_ncaab" } },
    recommendation: { ...TEAM_SPORT_THRESHOLDS, minEdge: 0.07 },
  },
  {
    code: "EPL",
    name: "English Premier League",
    leaguePath: "soccer/eng.1",
    leagueUid: "s:600~l:700",
    elo: eplDefault,
    ...SOCCER_LEAGUE,
    timeZone: "Europe/London",
    entities: EPL_TEAMS,
    sourceOptions: { "the-odds-api": { sportKey: "soccer_epl" } },
    demo: EPL_DEMO,
  },
  {
    code: "LIGUE1",
    name: "Ligue 1",
    leaguePath: "soccer/fra.1",
    leagueUid: "s:600~l:710",
    elo: ligue1Default,
    ...SOCCER_LEAGUE,
    timeZone: "Europe/Paris",
    entities: LIGUE1_TEAMS,
    sourceOptions: { "the-odds-api": { sportKey: "soccer_france_ligue_one" } },
  },
  {
    code: "TENNIS",
    name: "ATP Tennis",
    leaguePath: "tennis/atp",
    leagueUid: "s:850~l:851",
    elo: tennisDefault,
    // Tournaments move around the world; UTC is the one calendar every source agrees on.
    timeZone: "UTC",
    draws: false,
    markets: [],
    entityKind: "player",
    entities: [],
    seasonYear: "start",
    groupings: ["mens-singles"],
    // The Odds API keys tennis per tournament: this is the prefix of all ATP keys.
    sourceOptions: { "the-odds-api": { sportKey: "tennis_atp_" } },
    recommendation: { minEdge: 0.06, minOdds: 1.3, maxOdds: 5, maxPerDay: 5 },
  },
];
