// Kalshi's history: a past game's market is found by its event ticker (the day and both team
// codes), among the live markets (recently settled ones stay there) or, once archived, under
// `/historical/markets`; its price at an instant is the YES price of its last trade at or before
// it (`/markets/trades` or `/historical/trades`, newest first, `max_ts`). A trade is what a buyer
// paid, which can be a cent under the ask a live fetch reads; it is the price Kalshi keeps.
import {
  exactDecimalFromContractPrice,
  type HttpClient,
  type KnownGame,
  type OddsFetchResult,
  type OddsRecord,
  type OutcomeName,
  oddsId,
  storedDecimal,
  type UnmatchedEvent,
  utcDay,
} from "@edgeline/sdk";
import { Decimal } from "decimal.js";
import {
  type KalshiMarket,
  type KalshiTrade,
  kalshiMarketsPageSchema,
  kalshiTradesPageSchema,
} from "./kalshi-schemas.ts";
import { eventTicker, marketOutcomeCode } from "./kalshi-ticker.ts";

const SOURCE = "kalshi";
const BOOKMAKER = "Kalshi";
const DRAW_CODE = "TIE";

/** What the history needs of a sport: its series and each team's Kalshi code. */
export interface KalshiHistoryMapping {
  series: readonly string[];
  /** Our team id to Kalshi's code ("JAX" to "JAC"). */
  codeOf(teamId: string): string;
}

/** Where a market was found: the live data set or the historical archive (its trades are there too). */
type Archive = "live" | "historical";

async function eventMarkets(
  client: HttpClient,
  event: string,
): Promise<{ markets: KalshiMarket[]; archive: Archive } | undefined> {
  for (const [archive, path] of [
    ["live", "/markets"],
    ["historical", "/historical/markets"],
  ] as const) {
    const { data } = await client.getJson(path, kalshiMarketsPageSchema, {
      query: { event_ticker: event, limit: 100 },
    });
    if (data.markets.length > 0) return { markets: data.markets, archive };
  }
  return undefined;
}

/** The last trade of a market at or before `at`, or undefined when it had not traded by then. */
async function lastTrade(
  client: HttpClient,
  ticker: string,
  at: Date,
  archive: Archive,
): Promise<KalshiTrade | undefined> {
  const { data } = await client.getJson(
    archive === "live" ? "/markets/trades" : "/historical/trades",
    kalshiTradesPageSchema,
    // max_ts is whole seconds: one second earlier, so no trade after `at` is returned.
    { query: { ticker, max_ts: Math.floor(at.getTime() / 1000) - 1, limit: 1 } },
  );
  return data.trades.find((t) => new Date(t.created_time) <= at);
}

function outcomeOf(
  code: string | undefined,
  game: KnownGame,
  mapping: KalshiHistoryMapping,
): OutcomeName | undefined {
  if (code === mapping.codeOf(game.homeTeamId)) return "home_team_win";
  if (code === mapping.codeOf(game.awayTeamId)) return "away_team_win";
  return code === DRAW_CODE ? "draw" : undefined;
}

/**
 * Each game's prices at the decision time `at` and at its close (its last trade before the start),
 * one record per trade, quoted when it was traded.
 */
export async function fetchKalshiHistory(
  client: HttpClient,
  mapping: KalshiHistoryMapping,
  games: readonly KnownGame[],
  at: Date,
): Promise<OddsFetchResult> {
  const records = new Map<string, OddsRecord>();
  const unmatched: UnmatchedEvent[] = [];
  for (const game of games) {
    const start = game.commenceTime;
    if (!start) continue;
    const day = utcDay(game.gameDate);
    const tickers = mapping.series.map((s) =>
      eventTicker(s, day, mapping.codeOf(game.awayTeamId), mapping.codeOf(game.homeTeamId)),
    );
    let found: Awaited<ReturnType<typeof eventMarkets>>;
    for (const event of tickers) {
      found = await eventMarkets(client, event);
      if (found) break;
    }
    if (!found) {
      unmatched.push({
        source: SOURCE,
        externalId: tickers.join(","),
        description: game.gameId,
        reason: "no Kalshi market for the game's event ticker, live or archived",
      });
      continue;
    }
    const instants = [at, new Date(start.getTime() - 1)].filter((t) => t < start);
    for (const market of found.markets) {
      const outcomeName = outcomeOf(marketOutcomeCode(market.ticker, market.event_ticker), game, mapping);
      if (!outcomeName) continue;
      for (const instant of instants) {
        const trade = await lastTrade(client, market.ticker, instant, found.archive);
        if (!trade) continue;
        const price = new Decimal(trade.yes_price_dollars);
        if (price.isZero()) continue;
        const quotedAt = new Date(trade.created_time);
        const record: OddsRecord = {
          oddsId: oddsId({
            bookmakerKey: BOOKMAKER,
            gameId: game.gameId,
            marketName: "moneyline",
            outcomeName,
          }),
          gameId: game.gameId,
          bookmaker: BOOKMAKER,
          marketName: "moneyline",
          outcomeName,
          price: storedDecimal(exactDecimalFromContractPrice(price), "price", `kalshi ${market.ticker}`),
          line: null,
          lastUpdate: quotedAt,
          isPregame: true,
          externalId: market.ticker,
        };
        records.set(`${record.oddsId}\u0000${quotedAt.getTime()}`, record);
      }
    }
  }
  return { records: [...records.values()], unmatched };
}
