export {
  fetchOddsApiOdds,
  type OddsApiConvertOptions,
  type OddsApiFetchOptions,
  type OddsApiQuota,
  type OddsApiSportMapping,
  oddsApiEventsToOdds,
  readQuota,
} from "./odds-api-odds.ts";
export * from "./odds-api-schemas.ts";
