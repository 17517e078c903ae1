import {
  exactDecimalFromAmerican,
  GameMatcher,
  type HttpClient,
  type KnownGame,
  type MarketName,
  type OddsFetchResult,
  type OddsRecord,
  type OutcomeName,
  oddsId,
  type PluginLogger,
  storedDecimal,
  type UnmatchedEvent,
} from "@edgeline/sdk";
import { Decimal } from "decimal.js";
import { type OddsApiEvent, type OddsFormat, oddsApiOddsResponseSchema } from "./odds-api-schemas.ts";

/** How the source finds a sport's events: its sport key, and our id of each team name. */
export interface OddsApiSportMapping {
  /** e.g. "icehockey_nhl", "basketball_nba", "soccer_epl". */
  sportKey: string;
  /** Full team name as the API writes it ("Atlanta Hawks") to our team id. */
  teamIdFromName(name: string): string | undefined;
}

const SOURCE = "the-odds-api";
const MARKETS: Record<string, MarketName> = { h2h: "moneyline", spreads: "spread", totals: "total" };

export interface OddsApiConvertOptions {
  oddsFormat: OddsFormat;
  /** Decides is_pregame (odds read before commence_time). @defaultValue now */
  observedAt?: Date;
}

/**
 * Turns `/odds` events into `game_odds` rows: one per (bookmaker, market, outcome).
 * `bookmaker` is the book's title ("BetMGM", "DraftKings"); the odds_id uses its stable key.
 * h2h → moneyline, spreads → spread (line = that side's handicap), totals → total (over/under).
 */
export function oddsApiEventsToOdds(
  events: readonly OddsApiEvent[],
  mapping: OddsApiSportMapping,
  games: readonly KnownGame[],
  options: OddsApiConvertOptions,
): OddsFetchResult {
  const observedAt = options.observedAt ?? new Date();
  const matcher = new GameMatcher(games);
  const records: OddsRecord[] = [];
  const unmatched: UnmatchedEvent[] = [];

  for (const event of events) {
    const description = `${event.away_team} @ ${event.home_team} ${event.commence_time}`;
    const homeTeamId = mapping.teamIdFromName(event.home_team);
    const awayTeamId = mapping.teamIdFromName(event.away_team);
    if (!homeTeamId || !awayTeamId) {
      const unknown = [homeTeamId ? undefined : event.home_team, awayTeamId ? undefined : event.away_team];
      unmatched.push({
        source: SOURCE,
        externalId: event.id,
        description,
        reason: `unknown team name: ${unknown.filter(Boolean).join(", ")}`,
      });
      continue;
    }
    const startTime = new Date(event.commence_time);
    const match = matcher.match({ homeTeamId, awayTeamId, startTime });
    if (!match.ok) {
      unmatched.push({ source: SOURCE, externalId: event.id, description, reason: match.reason });
      continue;
    }
    const gameId = match.game.gameId;
    const isPregame = observedAt < startTime;

    for (const book of event.bookmakers) {
      for (const market of book.markets) {
        const marketName = MARKETS[market.key];
        if (!marketName) continue; // other markets (h2h_lay, outrights) are not stored
        for (const outcome of market.outcomes) {
          const outcomeName = outcomeFor(marketName, outcome.name, event);
          const context = `${SOURCE} ${event.id} ${book.key} ${market.key} ${outcome.name}`;
          if (!outcomeName) {
            unmatched.push({
              source: SOURCE,
              externalId: event.id,
              description,
              reason: `unknown outcome ${context}`,
            });
            continue;
          }
          const price =
            options.oddsFormat === "american"
              ? exactDecimalFromAmerican(outcome.price)
              : new Decimal(outcome.price);
          records.push({
            oddsId: oddsId({ bookmakerKey: book.key, gameId, marketName, outcomeName }),
            gameId,
            bookmaker: book.title,
            marketName,
            outcomeName,
            price: storedDecimal(price, "price", context),
            line:
              outcome.point === undefined ? null : storedDecimal(new Decimal(outcome.point), "line", context),
            lastUpdate: new Date(market.last_update ?? book.last_update),
            isPregame,
            externalId: event.id,
          });
        }
      }
    }
  }
  return { records, unmatched };
}

function outcomeFor(market: MarketName, name: string, event: OddsApiEvent): OutcomeName | undefined {
  if (market === "total") return name === "Over" ? "over" : name === "Under" ? "under" : undefined;
  if (name === event.home_team) return "home_team_win";
  if (name === event.away_team) return "away_team_win";
  if (name === "Draw" && market === "moneyline") return "draw";
  return undefined;
}

/** Credits as the API reports them in response headers (absent on the fake upstream unless served). */
export interface OddsApiQuota {
  remaining?: number;
  used?: number;
  last?: number;
}

export function readQuota(headers: Headers): OddsApiQuota {
  const num = (name: string) => {
    const raw = headers.get(name);
    return raw === null || raw.trim() === "" || Number.isNaN(Number(raw)) ? undefined : Number(raw);
  };
  const quota: OddsApiQuota = {};
  const remaining = num("x-requests-remaining");
  const used = num("x-requests-used");
  const last = num("x-requests-last");
  if (remaining !== undefined) quota.remaining = remaining;
  if (used !== undefined) quota.used = used;
  if (last !== undefined) quota.last = last;
  return quota;
}

export interface OddsApiFetchOptions {
  apiKey: string;
  /** Window of commence times; passed as commenceTimeFrom/To. */
  commenceFrom?: Date;
  commenceTo?: Date;
  /** @defaultValue "decimal" (no conversion needed) */
  oddsFormat?: OddsFormat;
  /** @defaultValue "us" */
  regions?: string;
  /** Restrict to some books, e.g. ["betmgm", "draftkings"]; all returned books otherwise. */
  bookmakers?: string[];
  observedAt?: Date;
  logger?: Pick<PluginLogger, "info" | "warn">;
}

/** The Odds API v4 odds for h2h, spreads and totals of the sport, mapped to known games. */
export async function fetchOddsApiOdds(
  client: HttpClient,
  mapping: OddsApiSportMapping,
  games: readonly KnownGame[],
  options: OddsApiFetchOptions,
): Promise<OddsFetchResult & { quota: OddsApiQuota }> {
  const oddsFormat = options.oddsFormat ?? "decimal";
  const { data, headers, url } = await client.getJson(
    `/v4/sports/${encodeURIComponent(mapping.sportKey)}/odds`,
    oddsApiOddsResponseSchema,
    {
      query: {
        apiKey: options.apiKey,
        regions: options.regions ?? "us",
        markets: "h2h,spreads,totals",
        oddsFormat,
        dateFormat: "iso",
        bookmakers: options.bookmakers?.join(","),
        // The API rejects milliseconds in these parameters.
        commenceTimeFrom: options.commenceFrom && isoSeconds(options.commenceFrom),
        commenceTimeTo: options.commenceTo && isoSeconds(options.commenceTo),
      },
    },
  );
  const quota = readQuota(headers);
  const log = { source: SOURCE, url, events: data.length, ...quota };
  const logger = options.logger ?? client.logger;
  // Credits are money: say loudly when they run low.
  if (quota.remaining !== undefined && quota.remaining < 50) logger.warn(log, "odds api quota is low");
  else logger.info(log, "odds api quota");
  const result = oddsApiEventsToOdds(data, mapping, games, {
    oddsFormat,
    ...(options.observedAt ? { observedAt: options.observedAt } : {}),
  });
  return { ...result, quota };
}

function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}
