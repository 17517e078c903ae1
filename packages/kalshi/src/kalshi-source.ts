// Kalshi as an odds source: the YES asks of a sport's game-winner series, as quotes; for a past
// day, the last trades of its settled markets before the decision time and before each start.
import { type BaseUrlSpec, CORE_VERSION, defineOddsSource } from "@edgeline/sdk";
import { kalshiRoutes } from "./fake-kalshi.ts";
import { KALSHI_BASE_URL_KEY, kalshiEnvironmentSchema } from "./kalshi-config.ts";
import { kalshiDemo } from "./kalshi-demo.ts";
import { fetchKalshiHistory } from "./kalshi-history.ts";
import { fetchKalshiOdds } from "./kalshi-odds.ts";
import { type KalshiSportOptions, kalshiSportOptionsSchema } from "./kalshi-source-options.ts";

// The path prefix is part of the base: every Kalshi endpoint lives under /trade-api/v2. The demo
// environment is a separate exchange (own accounts, keys and markets): EDGELINE_KALSHI_ENVIRONMENT
// picks one for market data and orders alike, so the tickers quoted are the ones traded.
export const KALSHI_BASE_URLS: Readonly<Record<string, BaseUrlSpec>> = {
  kalshi: { default: "https://api.elections.kalshi.com/trade-api/v2", env: "EDGELINE_KALSHI_API_URL" },
  kalshiDemo: { default: "https://demo-api.kalshi.co/trade-api/v2", env: "EDGELINE_KALSHI_DEMO_API_URL" },
};

type SourceConfig = { baseUrlKey: string } | undefined;

const sourceConfig = kalshiEnvironmentSchema.transform(
  (env): SourceConfig => ({ baseUrlKey: KALSHI_BASE_URL_KEY[env.EDGELINE_KALSHI_ENVIRONMENT] }),
);

// A context built without configuration (tests) reads production.
const baseUrlKeyOf = (config: SourceConfig) => config?.baseUrlKey ?? KALSHI_BASE_URL_KEY.production;

export const kalshiOddsSource = defineOddsSource<SourceConfig, KalshiSportOptions>({
  name: "kalshi",
  displayName: "Kalshi",
  coreVersion: `^${CORE_VERSION}`,
  baseUrls: KALSHI_BASE_URLS,
  config: sourceConfig,
  sportOptions: kalshiSportOptionsSchema,
  fake: { routes: kalshiRoutes },
  async fetch({ sport, options, games, day, observedAt }, ctx) {
    const client = ctx.http({ source: "kalshi", baseUrlKey: baseUrlKeyOf(ctx.config) });
    const mapping = {
      series: options.series,
      teamIdFromCode: (code: string) => sport.entities.idFromCode("kalshi", code),
    };
    return fetchKalshiOdds(client, mapping, games, { from: day, to: day }, { observedAt });
  },
  async fetchHistorical({ sport, options, games, at }, ctx) {
    const client = ctx.http({ source: "kalshi", baseUrlKey: baseUrlKeyOf(ctx.config) });
    const codeOf = (id: string) => sport.entities.get(id)?.codes?.kalshi?.[0] ?? id;
    return fetchKalshiHistory(client, { series: options.series, codeOf }, games, at);
  },
  demo: kalshiDemo,
});
