// Kalshi as an odds source: the YES asks of a sport's game-winner series, as quotes.
import { type BaseUrlSpec, CORE_VERSION, defineOddsSource } from "@edgeline/sdk";
import { kalshiRoutes } from "./fake-kalshi.ts";
import { kalshiDemo } from "./kalshi-demo.ts";
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
  demo: kalshiDemo,
});
