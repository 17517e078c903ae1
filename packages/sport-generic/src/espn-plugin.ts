import {
  addDays,
  CORE_VERSION,
  createEntityIndex,
  type DateRange,
  definePlugin,
  eachDay,
  type GameDraft,
  type SportPlugin,
  toEntityId,
} from "@edgeline/core";
import { espnGames, espnScoreboardDrafts } from "./espn-games.ts";
import type { EspnLeagueConfig } from "./espn-league-config.ts";
import { espnScoreboardSchema } from "./espn-schemas.ts";

/** ESPN's `dates` is a US Eastern day; other zones' days can straddle two of them. */
function queryDays(range: DateRange, timeZone: string): string[] {
  if (timeZone === "America/New_York") return eachDay(range);
  return eachDay({ from: addDays(range.from, -1), to: addDays(range.to, 1) });
}

/** A sport plugin over the ESPN scoreboard, from one config entry. */
export function espnPlugin(config: EspnLeagueConfig): SportPlugin {
  const entities = createEntityIndex(config.entities);
  // Players have no catalog: their id is their normalised name, the same in every source.
  const idFromName = (name: string) =>
    entities.idFromName(name) ?? (config.entityKind === "player" ? toEntityId(name) : undefined);
  return definePlugin({
    code: config.code,
    name: config.name,
    coreVersion: `^${CORE_VERSION}`,
    eloPreset: config.eloPreset,
    timeZone: config.timeZone,
    markets: [{ type: "moneyline", ways: config.draws ? 3 : 2 }, ...config.markets],
    entityKind: config.entityKind,
    entities: config.entities,
    async fetchGames(range, ctx) {
      const http = ctx.http({
        source: "espn",
        baseUrlKey: "espn",
        defaultBaseUrl: "https://site.api.espn.com",
      });
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
    ...(config.kalshiSeries
      ? {
          kalshi: {
            series: [...config.kalshiSeries],
            teamIdFromCode: (code: string) => entities.idFromCode("kalshi", code),
          },
        }
      : {}),
    ...(config.oddsApiSportKey
      ? { oddsApi: { sportKey: config.oddsApiSportKey, teamIdFromName: idFromName } }
      : {}),
    sbr: {
      teamIdFromName: (name: string) =>
        config.entityKind === "player"
          ? idFromName(name)
          : (entities.idFromCode("sbr", name) ?? entities.idFromPlacePrefix(name)),
    },
    recommendation: config.recommendation,
  });
}
