import { CORE_VERSION, createEntityIndex, definePlugin, TWO_WAY_TEAM_MARKETS } from "@edgeline/core";
import { mergeNbaGames, NBA_CODE, nbaScheduleDrafts, nbaScoreboardDrafts } from "./nba-games.ts";
import { nbaSchedulePayloadSchema, nbaScoreboardPayloadSchema } from "./nba-schemas.ts";
import { NBA_TEAMS } from "./nba-teams.ts";

const teams = createEntityIndex(NBA_TEAMS);

/** NBA from cdn.nba.com: the season schedule, refreshed by today's scoreboard. */
export const nbaPlugin = definePlugin({
  code: NBA_CODE,
  name: "National Basketball Association",
  coreVersion: `^${CORE_VERSION}`,
  eloPreset: "fivethirtyeight-nba",
  timeZone: "America/New_York",
  markets: TWO_WAY_TEAM_MARKETS,
  entityKind: "team",
  entities: NBA_TEAMS,
  async fetchGames(range, ctx) {
    const http = ctx.http({ source: "nba-cdn", baseUrlKey: "nbaCdn", defaultBaseUrl: "https://cdn.nba.com" });
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
  kalshi: { series: ["KXNBAGAME"], teamIdFromCode: (code) => teams.idFromCode("kalshi", code) },
  oddsApi: { sportKey: "basketball_nba", teamIdFromName: (name) => teams.idFromName(name) },
  sbr: { teamIdFromName: (name) => teams.idFromCode("sbr", name) ?? teams.idFromPlacePrefix(name) },
  recommendation: { minEdge: 0.05, minOdds: 1.4, maxOdds: 4, maxPerDay: 5 },
});
