// fetch_markets -> game_odds: every configured odds source for the day's known games.
import { gamesBetween } from "../repositories/games.ts";
import { upsertOdds } from "../repositories/odds.ts";
import type { KnownGame } from "../sources/game-matching.ts";
import type { OddsRecord } from "../sources/odds-record.ts";
import type { StepDefinition } from "./step.ts";

export const fetchMarkets: StepDefinition = {
  name: "fetch_markets",
  async prepare(deps, { sport, date }) {
    const plugin = deps.plugins.require(sport);
    const known: KnownGame[] = (await gamesBetween(deps.pool, sport, date, date)).flatMap((g) =>
      g.homeTeamId && g.awayTeamId
        ? [
            {
              gameId: g.gameId,
              gameDate: g.gameDate,
              commenceTime: g.commenceTime,
              homeTeamId: g.homeTeamId,
              awayTeamId: g.awayTeamId,
            },
          ]
        : [],
    );
    const records: OddsRecord[] = [];
    if (known.length > 0) {
      for (const source of deps.oddsSources) {
        if (!source.covers(plugin, deps.pluginContext)) continue;
        const result = await source.fetch(plugin, known, date, deps.pluginContext, deps.now());
        records.push(...result.records);
        if (result.unmatched.length > 0) {
          deps.pluginContext.logger.warn(
            { source: source.name, sport, date, unmatched: result.unmatched.length },
            "odds events matched no game",
          );
        }
      }
    }
    return (client) => upsertOdds(client, records);
  },
};
