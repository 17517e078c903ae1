import {
  addDays,
  CORE_VERSION,
  type DateRange,
  defineSport,
  eachDay,
  type GameDraft,
  type SportPlugin,
} from "@edgeline/sdk";
import { espnDemo } from "./espn-demo.ts";
import { espnGames, espnScoreboardDrafts } from "./espn-games.ts";
import type { EspnLeagueConfig } from "./espn-league-config.ts";
import { espnScoreboardSchema } from "./espn-schemas.ts";
import { espnRoutes } from "./fake-espn.ts";

/** ESPN's `dates` is a US Eastern day; other zones' days can straddle two of them. */
function queryDays(range: DateRange, timeZone: string): string[] {
  if (timeZone === "America/New_York") return eachDay(range);
  return eachDay({ from: addDays(range.from, -1), to: addDays(range.to, 1) });
}

/** A sport plugin over the ESPN scoreboard, from one config entry. */
export function espnPlugin(config: EspnLeagueConfig): SportPlugin {
  return defineSport({
    code: config.code,
    name: config.name,
    coreVersion: `^${CORE_VERSION}`,
    baseUrls: { espn: { default: "https://site.api.espn.com", env: "EDGELINE_ESPN_API_URL" } },
    fake: { routes: espnRoutes },
    model: { elo: config.elo, ...config.model },
    timeZone: config.timeZone,
    markets: [{ type: "moneyline", ways: config.draws ? 3 : 2 }, ...config.markets],
    entityKind: config.entityKind,
    entities: config.entities,
    async fetchGames(range, ctx) {
      const http = ctx.http({ source: "espn", baseUrlKey: "espn" });
      const drafts: GameDraft[] = [];
      for (const day of queryDays(range, config.timeZone)) {
        const { data } = await http.getJson(
          `/apis/site/v2/sports/${config.leaguePath}/scoreboard`,
          espnScoreboardSchema,
          {
            query: { dates: day.replaceAll("-", ""), limit: 300, ...config.query },
          },
        );
        drafts.push(...espnScoreboardDrafts(data, config, range));
      }
      const games = espnGames(drafts);
      ctx.logger.debug({ sport: config.code, range, games: games.length }, "fetched games");
      return games;
    },
    ...(config.sourceOptions ? { sourceOptions: config.sourceOptions } : {}),
    recommendation: config.recommendation,
    ...(config.demo ? { demo: espnDemo(config, config.demo) } : {}),
  });
}
