// The Odds API's history: `/v4/historical/sports/{sport}/odds?date=` answers with the snapshot
// taken at or before `date` (every five minutes on paid plans), wrapping the same events as /odds.
// A past day is read at the replay's decision time and just before each distinct start (the
// close). Plans without history answer 401, 403 or 422: the fetch then returns no records and says
// why, so the run goes on with the other sources.
import {
  type GetJsonResult,
  type HttpClient,
  type KnownGame,
  type OddsFetchResult,
  type OddsRecord,
  type PluginLogger,
  SourceError,
  type UnmatchedEvent,
} from "@edgeline/sdk";
import { type OddsApiSportMapping, oddsApiEventsToOdds, readQuota } from "./odds-api-odds.ts";
import {
  type OddsApiHistoricalOdds,
  type OddsFormat,
  oddsApiHistoricalOddsSchema,
} from "./odds-api-schemas.ts";

/** The close is read this long before each start: the last snapshot taken before the game began. */
export const CLOSE_READ_BEFORE_MS = 60_000;
const HOUR_MS = 3_600_000;
/** Statuses of a key whose plan has no history (or a date it does not cover). */
const NO_HISTORY = new Set([401, 403, 422]);

/** The snapshot instants of a past day: the decision time, then just before each start after it. */
export function snapshotTimes(games: readonly KnownGame[], at: Date): Date[] {
  const times = new Set<number>([at.getTime()]);
  for (const g of games) {
    const close = (g.commenceTime?.getTime() ?? 0) - CLOSE_READ_BEFORE_MS;
    if (g.commenceTime && close > at.getTime()) times.add(close);
  }
  return [...times].sort((a, b) => a - b).map((t) => new Date(t));
}

export interface OddsApiHistoricalOptions {
  apiKey: string;
  /** The replay's decision time. */
  at: Date;
  /** @defaultValue "decimal" */
  oddsFormat?: OddsFormat;
  /** @defaultValue "us" */
  regions?: string;
  logger?: Pick<PluginLogger, "info" | "warn">;
}

const isoSeconds = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, "Z");

/**
 * The day's games' prices from the snapshots at the decision time and at each close. A quote is
 * kept only when it was quoted at or before the instant asked for and before its game's start;
 * `lastUpdate` is the book's own quote time.
 */
export async function fetchOddsApiHistorical(
  client: HttpClient,
  mapping: OddsApiSportMapping,
  games: readonly KnownGame[],
  options: OddsApiHistoricalOptions,
): Promise<OddsFetchResult> {
  const oddsFormat = options.oddsFormat ?? "decimal";
  const starts = new Map(games.map((g) => [g.gameId, g.commenceTime]));
  const startTimes = games.flatMap((g) => (g.commenceTime ? [g.commenceTime.getTime()] : []));
  if (startTimes.length === 0) return { records: [], unmatched: [] };
  const records = new Map<string, OddsRecord>();
  const unmatched = new Map<string, UnmatchedEvent>();
  const logger = options.logger ?? client.logger;
  for (const instant of snapshotTimes(games, options.at)) {
    let response: GetJsonResult<OddsApiHistoricalOdds>;
    try {
      response = await client.getJson(
        `/v4/historical/sports/${encodeURIComponent(mapping.sportKey)}/odds`,
        oddsApiHistoricalOddsSchema,
        {
          query: {
            apiKey: options.apiKey,
            regions: options.regions ?? "us",
            markets: "h2h,spreads,totals",
            oddsFormat,
            dateFormat: "iso",
            date: isoSeconds(instant),
            commenceTimeFrom: isoSeconds(new Date(Math.min(...startTimes) - HOUR_MS)),
            commenceTimeTo: isoSeconds(new Date(Math.max(...startTimes) + HOUR_MS)),
          },
        },
      );
    } catch (error) {
      if (error instanceof SourceError && error.status !== undefined && NO_HISTORY.has(error.status)) {
        return {
          records: [],
          unmatched: [],
          skipped: `historical odds are not available with this API key (HTTP ${error.status}; a paid plan is needed)`,
        };
      }
      throw error;
    }
    const { data, headers, url } = response;
    logger.info(
      { source: "the-odds-api", url, snapshot: data.timestamp, ...readQuota(headers) },
      "odds api history",
    );
    const snapshot = oddsApiEventsToOdds(data.data, mapping, games, {
      oddsFormat,
      observedAt: new Date(data.timestamp),
    });
    for (const record of snapshot.records) {
      const start = starts.get(record.gameId);
      const quoted = record.lastUpdate;
      if (!start || !quoted || quoted > instant || quoted >= start) continue;
      records.set(`${record.oddsId}\u0000${quoted.getTime()}`, record);
    }
    for (const u of snapshot.unmatched) unmatched.set(`${u.externalId}\u0000${u.reason}`, u);
  }
  return { records: [...records.values()], unmatched: [...unmatched.values()] };
}
