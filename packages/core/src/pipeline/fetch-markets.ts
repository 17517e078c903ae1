// fetch_markets -> game_odds and odds_quotes: every odds source covering the sport, for the day's
// known games. game_odds takes each market's current price (the seed's table); odds_quotes keeps
// every price fetched, with when it was quoted. A run of a past day (run-clock.ts) asks each
// source for its history instead: the prices on offer at the replay's decision time and at each
// game's close; a source without history is skipped, saying so.

import type { KnownGame, OddsFetchResult } from "@edgeline/sdk";
import { gamesBetween } from "../repositories/games.ts";
import { recordPrices } from "../repositories/prices.ts";
import type { QuoteInput } from "../repositories/quotes.ts";
import { recordSourceFetches } from "../repositories/source-fetches.ts";
import { runClock } from "./run-clock.ts";
import type { StepDefinition } from "./step.ts";

export const fetchMarkets: StepDefinition = {
  name: "fetch_markets",
  async prepare(deps, target) {
    const { sport } = target;
    const loaded = deps.plugins.sport(sport);
    const known: KnownGame[] = (
      await gamesBetween(deps.pool, loaded.plugin.code, target.date, target.date)
    ).flatMap((g) =>
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
    const clock = await runClock(deps.pool, deps, loaded.plugin, target);
    const fetchedAt = deps.now();
    const quotes: QuoteInput[] = [];
    const answered: Array<{ source: string; records: number }> = [];
    if (known.length > 0) {
      for (const { source, options } of deps.plugins.sourcesFor(sport)) {
        const logger = source.context.logger;
        const log = { source: source.plugin.name, sport, date: target.date };
        if (source.unavailable) {
          logger.info({ ...log, reason: source.unavailable }, "odds source skipped");
          continue;
        }
        const request = {
          sport: loaded.view,
          options,
          games: known,
          day: target.date,
          observedAt: fetchedAt,
          ...(deps.signal ? { signal: deps.signal } : {}),
        };
        let result: OddsFetchResult;
        if (!clock.replay) result = await source.plugin.fetch(request, source.context);
        else if (source.plugin.fetchHistorical)
          result = await source.plugin.fetchHistorical({ ...request, at: clock.decidesAt }, source.context);
        else {
          logger.info(
            { ...log, reason: "the source has no historical prices" },
            "odds source skipped for a past day",
          );
          continue;
        }
        if (result.skipped) logger.warn({ ...log, reason: result.skipped }, "odds source returned no prices");
        for (const record of result.records) quotes.push({ record, source: source.plugin.name });
        if (!result.skipped) answered.push({ source: source.plugin.name, records: result.records.length });
        if (result.unmatched.length > 0) {
          logger.warn({ ...log, unmatched: result.unmatched.length }, "odds events matched no game");
        }
      }
    }
    // A replay's prices were on offer in the past, not now: they are not marked as seen now.
    return async (client) => {
      await recordSourceFetches(client, sport, answered);
      return recordPrices(client, quotes, fetchedAt, { markSeen: !clock.replay });
    };
  },
};
