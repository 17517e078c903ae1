// The odds sources the pipeline asks, each used when the plugin carries its mapping.
import { fetchKalshiOdds } from "../sources/kalshi/index.ts";
import { fetchOddsApiOdds } from "../sources/the-odds-api/index.ts";
import type { OddsSource } from "./deps.ts";

export const kalshiOddsSource: OddsSource = {
  name: "kalshi",
  covers: (plugin) => plugin.kalshi !== undefined && plugin.kalshi.series.length > 0,
  async fetch(plugin, games, day, ctx, observedAt) {
    const client = ctx.http({ source: "kalshi", baseUrlKey: "kalshi" });
    return fetchKalshiOdds(client, plugin.kalshi!, games, { from: day, to: day }, { observedAt });
  },
};

/** The Odds API needs a key (ODDS_API_KEY); without one it is skipped. */
export function oddsApiSource(apiKey: string | undefined): OddsSource {
  return {
    name: "the-odds-api",
    covers: (plugin) => plugin.oddsApi !== undefined && apiKey !== undefined,
    async fetch(plugin, games, _day, ctx, observedAt) {
      const client = ctx.http({ source: "the-odds-api", baseUrlKey: "oddsApi", secretParams: ["apiKey"] });
      const starts = games.flatMap((g) => (g.commenceTime ? [g.commenceTime.getTime()] : []));
      return fetchOddsApiOdds(client, plugin.oddsApi!, games, {
        apiKey: apiKey!,
        observedAt,
        ...(starts.length > 0
          ? {
              commenceFrom: new Date(Math.min(...starts) - 3_600_000),
              commenceTo: new Date(Math.max(...starts) + 3_600_000),
            }
          : {}),
      });
    },
  };
}

export function defaultOddsSources(env: Record<string, string | undefined> = process.env): OddsSource[] {
  return [kalshiOddsSource, oddsApiSource(env.ODDS_API_KEY || undefined)];
}
