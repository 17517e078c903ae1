// @edgeline/kalshi: Kalshi's odds source and venue. The default export is what the registry loads.
import { kalshiOddsSource } from "./kalshi-source.ts";
import { kalshiVenue } from "./kalshi-venue.ts";

export { kalshiRoutes } from "./fake-kalshi.ts";
export * from "./kalshi-fees.ts";
export { fetchKalshiHistory, type KalshiHistoryMapping } from "./kalshi-history.ts";
export { fetchKalshiOdds, fetchKalshiSeriesMarkets, kalshiMarketsToOdds } from "./kalshi-odds.ts";
export * from "./kalshi-schemas.ts";
export { kalshiOddsSource } from "./kalshi-source.ts";
export { type KalshiSportOptions, kalshiSportOptionsSchema } from "./kalshi-source-options.ts";
export { kalshiPriceOf, kalshiRules, kalshiVenue } from "./kalshi-venue.ts";

export default [kalshiOddsSource, kalshiVenue];
