// fetch_markets -> game_odds and odds_quotes: every odds source covering the sport, for the day's
// known games. game_odds takes each market's current price (the seed's table); odds_quotes keeps
// every price fetched, with when it was quoted.
import type { KnownGame } from "@edgeline/sdk";
import { gamesBetween } from "../repositories/games.ts";
import { recordPrices } from "../repositories/prices.ts";
import type { QuoteInput } from "../repositories/quotes.ts";
import type { StepDefinition } from "./step.ts";

export const fetchMarkets: StepDefinition = {
  name: "fetch_markets",
  async prepare(deps, { sport, date }) {
    const loaded = deps.plugins.sport(sport);
    const known: KnownGame[] = (await gamesBetween(deps.pool, loaded.plugin.code, date, date)).flatMap((g) =>
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
    const fetchedAt = deps.now();
    const quotes: QuoteInput[] = [];
    if (known.length > 0) {
      for (const { source, options } of deps.plugins.sourcesFor(sport)) {
        const logger = source.context.logger;
        if (source.unavailable) {
          logger.info(
            { source: source.plugin.name, sport, reason: source.unavailable },
            "odds source skipped",
          );
          continue;
        }
        const result = await source.plugin.fetch(
          {
            sport: loaded.view,
            options,
            games: known,
            day: date,
            observedAt: fetchedAt,
            ...(deps.signal ? { signal: deps.signal } : {}),
          },
          source.context,
        );
        for (const record of result.records) quotes.push({ record, source: source.plugin.name });
        if (result.unmatched.length > 0) {
          logger.warn(
            { source: source.plugin.name, sport, date, unmatched: result.unmatched.length },
            "odds events matched no game",
          );
        }
      }
    }
    return (client) => recordPrices(client, quotes, fetchedAt);
  },
};
