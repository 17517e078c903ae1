// @edgeline/the-odds-api: The Odds API v4 odds source. The default export is what the registry loads.
import { oddsApiSource } from "./odds-api-source.ts";

export { oddsApiRoutes } from "./fake-odds-api.ts";
export { CLOSE_READ_BEFORE_MS, fetchOddsApiHistorical, snapshotTimes } from "./odds-api-historical.ts";
export { fetchOddsApiOdds, oddsApiEventsToOdds, readQuota } from "./odds-api-odds.ts";
export * from "./odds-api-schemas.ts";
export { oddsApiSource } from "./odds-api-source.ts";
export * from "./odds-api-source-options.ts";

export default oddsApiSource;
