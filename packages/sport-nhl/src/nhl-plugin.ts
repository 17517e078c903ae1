import {
  addDays,
  CORE_VERSION,
  defineSport,
  type GameRecord,
  TEAM_SPORT_THRESHOLDS,
  TWO_WAY_TEAM_MARKETS,
} from "@edgeline/sdk";
import { nhlRoutes } from "./fake-nhl.ts";
import { nhlDemo } from "./nhl-demo.ts";
import { NHL_CODE, nhlScheduleToGames } from "./nhl-games.ts";
import { nhlSchedulePayloadSchema } from "./nhl-schedule-schema.ts";
import { NHL_TEAMS } from "./nhl-teams.ts";

/**
 * NHL from api-web.nhle.com v1. The schedule endpoint carries states and scores, so it is the
 * only one read (no real /v1/score capture exists to validate a second schema against).
 */
export const nhlPlugin = defineSport({
  code: NHL_CODE,
  name: "National Hockey League",
  coreVersion: `^${CORE_VERSION}`,
  baseUrls: { nhl: { default: "https://api-web.nhle.com", env: "EDGELINE_NHL_API_URL" } },
  fake: { routes: nhlRoutes },
  // Elo is bet; the goals model on regulation goals prices a strategy that bets "goals" (backtests).
  model: { elo: "fivethirtyeight-nhl", goals: { xi: 0.0018, regulation: true, lateGoals: true } },
  timeZone: "America/New_York",
  markets: TWO_WAY_TEAM_MARKETS,
  entityKind: "team",
  entities: NHL_TEAMS,
  async fetchGames(range, ctx) {
    const http = ctx.http({ source: "nhl", baseUrlKey: "nhl" });
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
  sourceOptions: { kalshi: { series: ["KXNHLGAME"] }, "the-odds-api": { sportKey: "icehockey_nhl" } },
  recommendation: TEAM_SPORT_THRESHOLDS,
  demo: nhlDemo,
});
