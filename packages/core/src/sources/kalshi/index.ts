export {
  fetchKalshiOdds,
  fetchKalshiSeriesMarkets,
  type KalshiFetchOptions,
  type KalshiOddsOptions,
  type KalshiSportMapping,
  kalshiMarketsToOdds,
} from "./kalshi-odds.ts";
export * from "./kalshi-schemas.ts";
export {
  candidateSplits,
  type KalshiEventTicker,
  marketOutcomeCode,
  parseEventTicker,
} from "./kalshi-ticker.ts";
