import {
  addDays,
  CORE_VERSION,
  createEntityIndex,
  definePlugin,
  type GameRecord,
  TWO_WAY_TEAM_MARKETS,
} from "@edgeline/core";
import { NHL_CODE, nhlScheduleToGames } from "./nhl-games.ts";
import { nhlSchedulePayloadSchema } from "./nhl-schedule-schema.ts";
import { NHL_TEAMS } from "./nhl-teams.ts";

const teams = createEntityIndex(NHL_TEAMS);

/**
 * NHL from api-web.nhle.com v1. The schedule endpoint carries states and scores, so it is the
 * only one read (no real /v1/score capture exists to validate a second schema against).
 */
export const nhlPlugin = definePlugin({
  code: NHL_CODE,
  name: "National Hockey League",
  coreVersion: `^${CORE_VERSION}`,
  eloPreset: "fivethirtyeight-nhl",
  timeZone: "America/New_York",
  markets: TWO_WAY_TEAM_MARKETS,
  entityKind: "team",
  entities: NHL_TEAMS,
  async fetchGames(range, ctx) {
    const http = ctx.http({ source: "nhl", baseUrlKey: "nhl", defaultBaseUrl: "https://api-web.nhle.com" });
    const games = new Map<string, GameRecord>();
    // Each call returns the week starting at the requested day; continue after its last day.
    for (let start = range.from; start <= range.to; ) {
      const { data } = await http.getJson(`/v1/schedule/${start}`, nhlSchedulePayloadSchema);
      for (const game of nhlScheduleToGames(data, range)) games.set(game.gameId, game);
      const last = data.gameWeek.at(-1)?.date;
      start = last && last >= start ? addDays(last, 1) : addDays(start, 7);
    }
    ctx.logger.debug({ sport: NHL_CODE, range, games: games.size }, "fetched games");
    return [...games.values()];
  },
  kalshi: { series: ["KXNHLGAME"], teamIdFromCode: (code) => teams.idFromCode("kalshi", code) },
  oddsApi: { sportKey: "icehockey_nhl", teamIdFromName: (name) => teams.idFromName(name) },
  sbr: { teamIdFromName: (name) => teams.idFromCode("sbr", name) ?? teams.idFromPlacePrefix(name) },
  recommendation: { minEdge: 0.05, minOdds: 1.4, maxOdds: 4, maxPerDay: 5 },
});
