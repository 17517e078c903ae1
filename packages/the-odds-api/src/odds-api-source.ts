// The Odds API v4 as an odds source: every listed bookmaker's h2h, spreads and totals for the
// sport's games of the day, and for a past day its historical snapshots (paid plans). Needs a key
// (ODDS_API_KEY); without one it is skipped.
import { CORE_VERSION, defineOddsSource, entityIdFromName } from "@edgeline/sdk";
import { oddsApiRoutes } from "./fake-odds-api.ts";
import { oddsApiDemo } from "./odds-api-demo.ts";
import { fetchOddsApiHistorical } from "./odds-api-historical.ts";
import { fetchOddsApiOdds } from "./odds-api-odds.ts";
import {
  type OddsApiConfig,
  type OddsApiSportOptions,
  oddsApiConfigSchema,
  oddsApiSportOptionsSchema,
} from "./odds-api-source-options.ts";

const HOUR_MS = 3_600_000;

export const oddsApiSource = defineOddsSource<OddsApiConfig, OddsApiSportOptions>({
  name: "the-odds-api",
  displayName: "The Odds API",
  coreVersion: `^${CORE_VERSION}`,
  baseUrls: { oddsApi: { default: "https://api.the-odds-api.com", env: "EDGELINE_ODDS_API_URL" } },
  config: oddsApiConfigSchema,
  sportOptions: oddsApiSportOptionsSchema,
  fake: { routes: oddsApiRoutes },
  unavailable: (config) => (config.ODDS_API_KEY ? undefined : "ODDS_API_KEY is not set"),
  async fetch({ sport, options, games, observedAt }, ctx) {
    const client = ctx.http({ source: "the-odds-api", baseUrlKey: "oddsApi", secretParams: ["apiKey"] });
    const starts = games.flatMap((g) => (g.commenceTime ? [g.commenceTime.getTime()] : []));
    const mapping = {
      sportKey: options.sportKey,
      teamIdFromName: (name: string) => entityIdFromName(sport, name),
    };
    return fetchOddsApiOdds(client, mapping, games, {
      apiKey: ctx.config.ODDS_API_KEY!,
      observedAt,
      logger: ctx.logger,
      ...(starts.length > 0
        ? {
            commenceFrom: new Date(Math.min(...starts) - HOUR_MS),
            commenceTo: new Date(Math.max(...starts) + HOUR_MS),
          }
        : {}),
    });
  },
  async fetchHistorical({ sport, options, games, at }, ctx) {
    const client = ctx.http({ source: "the-odds-api", baseUrlKey: "oddsApi", secretParams: ["apiKey"] });
    const mapping = {
      sportKey: options.sportKey,
      teamIdFromName: (name: string) => entityIdFromName(sport, name),
    };
    return fetchOddsApiHistorical(client, mapping, games, {
      apiKey: ctx.config.ODDS_API_KEY!,
      at,
      logger: ctx.logger,
    });
  },
  demo: oddsApiDemo,
});
