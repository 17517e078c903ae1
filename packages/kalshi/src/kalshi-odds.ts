import {
  type DateWindow,
  exactDecimalFromContractPrice,
  GameMatcher,
  groupBy,
  type HttpClient,
  inWindow,
  type KnownGame,
  type OddsFetchResult,
  type OddsRecord,
  type OutcomeName,
  oddsId,
  storedDecimal,
  type UnmatchedEvent,
} from "@edgeline/sdk";
import { Decimal } from "decimal.js";
import { type KalshiMarket, kalshiMarketsPageSchema } from "./kalshi-schemas.ts";
import { candidateSplits, marketOutcomeCode, parseEventTicker } from "./kalshi-ticker.ts";

/** How the source finds a sport's markets: its series, and our id of each Kalshi team code. */
export interface KalshiSportMapping {
  /** Game series tickers, e.g. ["KXNHLGAME"]. */
  series: string[];
  /** Kalshi team code ("TB", "DAL", "JAC") to our team id; undefined when not a team of the sport. */
  teamIdFromCode(code: string): string | undefined;
}

export interface KalshiOddsOptions {
  /** When the prices were read; becomes last_update and decides is_pregame. @defaultValue now */
  observedAt?: Date;
}

const SOURCE = "kalshi";
const BOOKMAKER = "Kalshi";
/** Kalshi marks the draw leg of 3-way (soccer) game events with this outcome code. */
const DRAW_CODE = "TIE";
/** Kalshi says `active` for a tradable market (the query filter calls it `open`). */
const TRADABLE_STATUS = "active";

/**
 * Turns Kalshi game markets into `game_odds` rows.
 *
 * Price: `yes_ask_dollars`, the price at which one can BUY the outcome now, as decimal odds
 * 1 / ask (0.81 → 1.2346; sub-cent 0.0010 → 1000.0000). Bid or last trade would overstate what
 * a bettor can get. Markets with no ask (no sellers) or not `active` yield no row.
 */
export function kalshiMarketsToOdds(
  markets: readonly KalshiMarket[],
  mapping: KalshiSportMapping,
  games: readonly KnownGame[],
  options: KalshiOddsOptions & { window?: DateWindow } = {},
): OddsFetchResult {
  const observedAt = options.observedAt ?? new Date();
  const matcher = new GameMatcher(games);
  const records: OddsRecord[] = [];
  const unmatched: UnmatchedEvent[] = [];
  const unmatchedEvent = (externalId: string, description: string, reason: string) =>
    unmatched.push({ source: SOURCE, externalId, description, reason });

  for (const [eventTicker, eventMarkets] of groupByEvent(markets)) {
    const description = eventMarkets[0]?.title ?? eventTicker;
    const parsed = parseEventTicker(eventTicker);
    if (!parsed) {
      unmatchedEvent(eventTicker, description, "event ticker is not SERIES-YYMONDD{AWAY}{HOME}");
      continue;
    }
    if (!inWindow(parsed.localDate, options.window)) continue;

    const codes = eventMarkets
      .map((m) => marketOutcomeCode(m.ticker, eventTicker))
      .filter((c) => c !== undefined);
    const resolved = resolveEvent(parsed.teamsCode, parsed.localDate, codes, mapping, matcher);
    if (!resolved.ok) {
      unmatchedEvent(eventTicker, description, resolved.reason);
      continue;
    }
    const { game, away, home } = resolved;

    for (const market of eventMarkets) {
      const code = marketOutcomeCode(market.ticker, eventTicker);
      const outcome: OutcomeName | undefined =
        code === home
          ? "home_team_win"
          : code === away
            ? "away_team_win"
            : code === DRAW_CODE
              ? "draw"
              : undefined;
      if (!outcome) {
        unmatchedEvent(
          market.ticker,
          description,
          `outcome code ${code} is neither ${away}, ${home} nor TIE`,
        );
        continue;
      }
      if (market.status !== TRADABLE_STATUS) continue;
      const ask = market.yes_ask_dollars ? new Decimal(market.yes_ask_dollars) : undefined;
      if (!ask || ask.isZero()) {
        unmatchedEvent(market.ticker, description, "no YES ask (nobody is selling)");
        continue;
      }
      records.push({
        oddsId: oddsId({
          bookmakerKey: BOOKMAKER,
          gameId: game.gameId,
          marketName: "moneyline",
          outcomeName: outcome,
        }),
        gameId: game.gameId,
        bookmaker: BOOKMAKER,
        marketName: "moneyline",
        outcomeName: outcome,
        price: storedDecimal(exactDecimalFromContractPrice(ask), "price", `kalshi ${market.ticker}`),
        line: null,
        lastUpdate: observedAt,
        isPregame: game.commenceTime ? observedAt < game.commenceTime : true,
        externalId: market.ticker,
      });
    }
  }
  return { records, unmatched };
}

type Resolved = { ok: true; game: KnownGame; away: string; home: string } | { ok: false; reason: string };

/**
 * Finds the AWAY/HOME cut of the glued team codes that names two teams of the sport, agrees with
 * the market codes seen, and matches exactly one known game.
 */
function resolveEvent(
  teamsCode: string,
  localDate: string,
  marketCodes: string[],
  mapping: KalshiSportMapping,
  matcher: GameMatcher,
): Resolved {
  const teamCodes = marketCodes.filter((c) => c !== DRAW_CODE);
  const reasons: string[] = [];
  const hits: Array<{ game: KnownGame; away: string; home: string }> = [];
  for (const { away, home } of candidateSplits(teamsCode)) {
    if (!teamCodes.every((c) => c === away || c === home)) continue;
    const awayTeamId = mapping.teamIdFromCode(away);
    const homeTeamId = mapping.teamIdFromCode(home);
    if (!awayTeamId || !homeTeamId) continue;
    const match = matcher.match({ homeTeamId, awayTeamId, localDate });
    if (match.ok) hits.push({ game: match.game, away, home });
    else reasons.push(match.reason);
  }
  const [first, ...rest] = hits;
  if (first && rest.length === 0) return { ok: true, ...first };
  if (first)
    return { ok: false, reason: `ambiguous team codes ${teamsCode}: ${hits.map((h) => h.game.gameId)}` };
  if (reasons.length > 0) return { ok: false, reason: reasons.join("; ") };
  return { ok: false, reason: `team codes ${teamsCode} do not split into two known team codes` };
}

const groupByEvent = (markets: readonly KalshiMarket[]) => groupBy(markets, (m) => m.event_ticker);

export interface KalshiFetchOptions extends KalshiOddsOptions {
  /** Markets per page (Kalshi allows ≤ 1000). @defaultValue 1000 */
  pageSize?: number;
  /** Safety stop for a cursor that never ends. @defaultValue 50 */
  maxPages?: number;
}

/** Every open market of a series, following the cursor until it comes back empty. */
export async function fetchKalshiSeriesMarkets(
  client: HttpClient,
  seriesTicker: string,
  options: KalshiFetchOptions = {},
): Promise<KalshiMarket[]> {
  const markets: KalshiMarket[] = [];
  const seen = new Set<string>();
  let cursor: string | undefined;
  for (let page = 0; page < (options.maxPages ?? 50); page++) {
    const { data } = await client.getJson("/markets", kalshiMarketsPageSchema, {
      query: { series_ticker: seriesTicker, status: "open", limit: options.pageSize ?? 1000, cursor },
    });
    markets.push(...data.markets);
    if (!data.cursor || seen.has(data.cursor) || data.markets.length === 0) return markets;
    seen.add(data.cursor);
    cursor = data.cursor;
  }
  throw new Error(`kalshi: series ${seriesTicker} has more than ${options.maxPages ?? 50} pages of markets`);
}

/** Kalshi game-winner prices of the sport's series for the window, mapped to known games. */
export async function fetchKalshiOdds(
  client: HttpClient,
  mapping: KalshiSportMapping,
  games: readonly KnownGame[],
  window: DateWindow,
  options: KalshiFetchOptions = {},
): Promise<OddsFetchResult> {
  const observedAt = options.observedAt ?? new Date();
  const markets: KalshiMarket[] = [];
  for (const series of mapping.series)
    markets.push(...(await fetchKalshiSeriesMarkets(client, series, options)));
  return kalshiMarketsToOdds(markets, mapping, games, { observedAt, window });
}
