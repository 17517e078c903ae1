// Kalshi as a venue: its rules (kalshi-venue-rules.ts) and, with an API key configured, a broker
// that trades over the signed Trade API v2 in the configured environment (production or demo).
import { CORE_VERSION, defineVenue, type PluginContext } from "@edgeline/sdk";
import { KalshiBroker } from "./kalshi-broker.ts";
import { KALSHI_BASE_URL_KEY, type KalshiVenueConfig, kalshiVenueConfigSchema } from "./kalshi-config.ts";
import { KALSHI_BASE_URLS } from "./kalshi-source.ts";
import { KalshiTradeApi } from "./kalshi-trade-api.ts";
import { kalshiRules } from "./kalshi-venue-rules.ts";

export { kalshiPriceOf, kalshiRules } from "./kalshi-venue-rules.ts";

/**
 * The broker of the configured environment. Without a key there is nothing to sign with: the
 * error names the variables (the host only asks for it when trading live).
 */
export function createKalshiBroker(
  ctx: PluginContext<KalshiVenueConfig>,
  /** The clock of signatures and placement checks (tests move it). @defaultValue the system clock */
  now: () => number = Date.now,
): KalshiBroker {
  const { environment, apiKey } = ctx.config;
  if (!apiKey)
    throw new Error(
      "Kalshi live orders need EDGELINE_KALSHI_KEY_ID and EDGELINE_KALSHI_PRIVATE_KEY_FILE (the API key and its PEM file)",
    );
  const key = KALSHI_BASE_URL_KEY[environment];
  const http = ctx.http({ source: "kalshi", baseUrlKey: key });
  return new KalshiBroker({
    api: new KalshiTradeApi(http, apiKey, now),
    environment,
    baseUrl: http.config.baseUrl,
    logger: ctx.logger,
    now: () => new Date(now()),
  });
}

export const kalshiVenue = defineVenue<KalshiVenueConfig>({
  name: "kalshi",
  displayName: "Kalshi",
  coreVersion: `^${CORE_VERSION}`,
  baseUrls: KALSHI_BASE_URLS,
  config: kalshiVenueConfigSchema,
  bookmakers: ["Kalshi"],
  rules: kalshiRules,
  createBroker: (ctx) => createKalshiBroker(ctx),
});
