// @edgeline/kalshi: Kalshi's odds source and venue (with its broker). The default export is what
// the registry loads; the fake exchange and the test key are for tests of any package.
import { kalshiOddsSource } from "./kalshi-source.ts";
import { kalshiVenue } from "./kalshi-venue.ts";

export { kalshiRoutes } from "./fake-kalshi.ts";
export * from "./fake-kalshi-exchange.ts";
export * from "./fake-kalshi-exchange-routes.ts";
export * from "./kalshi-bet-update.ts";
export * from "./kalshi-broker.ts";
export * from "./kalshi-config.ts";
export * from "./kalshi-fees.ts";
export { fetchKalshiHistory, type KalshiHistoryMapping } from "./kalshi-history.ts";
export { fetchKalshiOdds, fetchKalshiSeriesMarkets, kalshiMarketsToOdds } from "./kalshi-odds.ts";
export * from "./kalshi-order.ts";
export * from "./kalshi-schemas.ts";
export * from "./kalshi-signing.ts";
export { kalshiOddsSource } from "./kalshi-source.ts";
export { type KalshiSportOptions, kalshiSportOptionsSchema } from "./kalshi-source-options.ts";
export * from "./kalshi-test-key.ts";
export { KalshiTradeApi } from "./kalshi-trade-api.ts";
export { createKalshiBroker, kalshiPriceOf, kalshiRules, kalshiVenue } from "./kalshi-venue.ts";

export default [kalshiOddsSource, kalshiVenue];
