import { CORE_VERSION, defineSport, TEAM_SPORT_THRESHOLDS, TWO_WAY_TEAM_MARKETS } from "@edgeline/sdk";
import { nbaRoutes } from "./fake-nba.ts";
import { nbaVenueLocation } from "./nba-arenas.ts";
import { mergeNbaGames, NBA_CODE, nbaScheduleDrafts, nbaScoreboardDrafts } from "./nba-games.ts";
import { nbaSchedulePayloadSchema, nbaScoreboardPayloadSchema } from "./nba-schemas.ts";
import { NBA_TEAMS } from "./nba-teams.ts";

/** NBA from cdn.nba.com: the season schedule, refreshed by today's scoreboard. */
export const nbaPlugin = defineSport({
  code: NBA_CODE,
  name: "National Basketball Association",
  coreVersion: `^${CORE_VERSION}`,
  baseUrls: { nbaCdn: { default: "https://cdn.nba.com", env: "EDGELINE_NBA_CDN_URL" } },
  fake: { routes: nbaRoutes },
  // 538's Elo-to-points rule (ELODIFF / 28) with a fitted margin spread: spreads and totals.
  model: { elo: "fivethirtyeight-nba", margin: "fivethirtyeight-nba-margin" },
  timeZone: "America/New_York",
  markets: TWO_WAY_TEAM_MARKETS,
  entityKind: "team",
  entities: NBA_TEAMS,
  // Each team's home city by season (relocations included), for the Elo model's travel term.
  venueLocation: nbaVenueLocation,
  async fetchGames(range, ctx) {
    const http = ctx.http({ source: "nba-cdn", baseUrlKey: "nbaCdn" });
    const schedule = await http.getJson(
      "/static/json/staticData/scheduleLeagueV2.json",
      nbaSchedulePayloadSchema,
    );
    const scoreboard = await http.getJson(
      "/static/json/liveData/scoreboard/todaysScoreboard_00.json",
      nbaScoreboardPayloadSchema,
    );
    const games = mergeNbaGames(
      nbaScheduleDrafts(schedule.data, range),
      nbaScoreboardDrafts(scoreboard.data, range),
    );
    ctx.logger.debug({ sport: NBA_CODE, range, games: games.length }, "fetched games");
    return games;
  },
  sourceOptions: { kalshi: { series: ["KXNBAGAME"] }, "the-odds-api": { sportKey: "basketball_nba" } },
  recommendation: TEAM_SPORT_THRESHOLDS,
});
