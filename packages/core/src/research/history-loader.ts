// A sport's history as a backtest replays it, read from the tables: every game dated up to the
// span's end (the earlier ones are the model's and the blend's history), with its neutral-site and
// playoff flags and regulation score where known, and every priced quote of its price history
// (with an assumed price, the archive's unpriced lines too).
import { exactDecimalFromAmerican, type MarketName, type SportPlugin, storedPrice } from "@edgeline/sdk";
import type { BacktestGame, BacktestHistory, BacktestQuote } from "../backtest/history.ts";
import { moneylineWays, quoteOf } from "../pipeline/identify-bets.ts";
import { venueLocationOf } from "../pipeline/update-elo.ts";
import { type GameRow, gamesBetween } from "../repositories/games.ts";
import type { Queryable } from "../repositories/queryable.ts";
import { quotesForGames } from "../repositories/quotes.ts";

const STATUSES = new Set(["Scheduled", "InProgress", "Final", "Postponed", "Cancelled"]);

function backtestGame(g: GameRow): BacktestGame | undefined {
  if (!g.homeTeamId || !g.awayTeamId || !g.commenceTime || !g.status || !STATUSES.has(g.status))
    return undefined;
  return {
    gameId: g.gameId,
    date: g.gameDate,
    season: g.season ?? Number(g.gameDate.slice(0, 4)),
    commenceTime: g.commenceTime,
    status: g.status as BacktestGame["status"],
    home: g.homeTeamId,
    away: g.awayTeamId,
    homeScore: g.homeScore,
    awayScore: g.awayScore,
    ...(g.neutralSite ? { neutral: true } : {}),
    ...(g.playoff ? { playoff: true } : {}),
    ...(g.homeRegulationScore !== null && g.awayRegulationScore !== null
      ? { regulation: { home: g.homeRegulationScore, away: g.awayRegulationScore } }
      : {}),
  };
}

export interface HistoryLoadOptions {
  to: string;
  markets: readonly MarketName[];
  /**
   * American odds (−110) to give the spread and total lines an archive published without a
   * price; absent: those lines are left out, as everywhere else. Never stored.
   */
  assumedPrice?: number;
}

/**
 * The history of a sport up to `to`, every priced quote included (the backtest keeps those before
 * each start, an archive's close stamped at the start among them: `archiveClose`), and with
 * `assumedPrice` the unpriced lines at that price, marked `assumed`.
 */
export async function loadBacktestHistory(
  db: Queryable,
  plugin: SportPlugin,
  options: HistoryLoadOptions,
): Promise<BacktestHistory> {
  const assumed =
    options.assumedPrice === undefined
      ? undefined
      : storedPrice(exactDecimalFromAmerican(options.assumedPrice), "the assumed price");
  const rows = await gamesBetween(db, plugin.code, "1900-01-01", options.to);
  const games = rows.flatMap((g) => backtestGame(g) ?? []);
  const quotes: BacktestQuote[] = [];
  let assumedQuotes = 0;
  for (const row of await quotesForGames(
    db,
    games.map((g) => g.gameId),
    { markets: options.markets, unpriced: assumed !== undefined },
  )) {
    if (row.price === null) {
      // Only a line (a spread or a total) can take an assumed price; a moneyline is its price.
      const q = assumed && row.line !== null ? quoteOf({ ...row, price: assumed }) : undefined;
      if (!q || q.market === "moneyline") continue;
      quotes.push({ ...q, gameId: row.gameId, assumed: true });
      assumedQuotes++;
      continue;
    }
    const q = quoteOf(row);
    if (!q) continue;
    quotes.push({ ...q, gameId: row.gameId });
  }
  const venueLocation = venueLocationOf(plugin);
  return {
    sport: plugin.code,
    timeZone: plugin.timeZone,
    ways: moneylineWays(plugin),
    games,
    quotes,
    ...(venueLocation ? { venueLocation } : {}),
    ...(assumed
      ? {
          assumedPrice: {
            american: options.assumedPrice!,
            decimal: assumed.toNumber(),
            quotes: assumedQuotes,
          },
        }
      : {}),
  };
}
