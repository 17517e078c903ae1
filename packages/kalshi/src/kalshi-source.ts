// Kalshi as an odds source: the YES asks of a sport's game-winner series, as quotes; for a past
// day, the last trades of its settled markets before the decision time and before each start.
import { type BaseUrlSpec, CORE_VERSION, defineOddsSource } from "@edgeline/sdk";
import { kalshiRoutes } from "./fake-kalshi.ts";
import { kalshiDemo } from "./kalshi-demo.ts";
import { fetchKalshiHistory } from "./kalshi-history.ts";
import { fetchKalshiOdds } from "./kalshi-odds.ts";
import { type KalshiSportOptions, kalshiSportOptionsSchema } from "./kalshi-source-options.ts";

// The path prefix is part of the base: every Kalshi endpoint lives under /trade-api/v2.
export const KALSHI_BASE_URLS: Readonly<Record<string, BaseUrlSpec>> = {
  kalshi: { default: "https://api.elections.kalshi.com/trade-api/v2", env: "EDGELINE_KALSHI_API_URL" },
};

export const kalshiOddsSource = defineOddsSource<undefined, KalshiSportOptions>({
  name: "kalshi",
  displayName: "Kalshi",
  coreVersion: `^${CORE_VERSION}`,
  baseUrls: KALSHI_BASE_URLS,
  sportOptions: kalshiSportOptionsSchema,
  fake: { routes: kalshiRoutes },
  async fetch({ sport, options, games, day, observedAt }, ctx) {
    const client = ctx.http({ source: "kalshi", baseUrlKey: "kalshi" });
    const mapping = {
      series: options.series,
      teamIdFromCode: (code: string) => sport.entities.idFromCode("kalshi", code),
    };
    return fetchKalshiOdds(client, mapping, games, { from: day, to: day }, { observedAt });
  },
  async fetchHistorical({ sport, options, games, at }, ctx) {
    const client = ctx.http({ source: "kalshi", baseUrlKey: "kalshi" });
    const codeOf = (id: string) => sport.entities.get(id)?.codes?.kalshi?.[0] ?? id;
    return fetchKalshiHistory(client, { series: options.series, codeOf }, games, at);
  },
  demo: kalshiDemo,
});
