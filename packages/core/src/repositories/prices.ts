// The one write path of fetched or imported prices: game_odds gets each market's current price
// (the seed's table, priced quotes only), odds_quotes every quote with when it was quoted.
// fetch_markets writes through `recordPrices`, the history importers through `recordImportedPrices`.

import type { OddsRecord } from "@edgeline/sdk";
import type pg from "pg";
import { upsertOdds } from "./odds.ts";
import { withTransaction } from "./queryable.ts";
import { appendQuotes, type QuoteInput, reviseQuotes } from "./quotes.ts";

/** game_odds holds the latest price of each market: the newest priced quote of each odds id. */
function latestPriced(quotes: readonly QuoteInput[], fetchedAt: Date): OddsRecord[] {
  const latest = new Map<string, OddsRecord>();
  for (const { record } of quotes) {
    if (record.price === null) continue; // archive lines without a price live in odds_quotes only
    const seen = latest.get(record.oddsId);
    if (!seen || (record.lastUpdate ?? fetchedAt) >= (seen.lastUpdate ?? fetchedAt))
      latest.set(record.oddsId, record as OddsRecord);
  }
  return [...latest.values()];
}

/**
 * Writes a fetch's quotes read at `fetchedAt`; `db` is a pool or an open transaction's client.
 * `markSeen: false` for prices read from a source's history (on offer then, not now). Returns rows written.
 */
export async function recordPrices(
  db: pg.Pool | pg.PoolClient,
  quotes: readonly QuoteInput[],
  fetchedAt: Date,
  options: { markSeen?: boolean } = {},
): Promise<number> {
  if (quotes.length === 0) return 0;
  if (!("release" in db))
    return withTransaction(db, (client) => recordPrices(client, quotes, fetchedAt, options));
  return (
    (await upsertOdds(db, latestPriced(quotes, fetchedAt))) +
    (await appendQuotes(db, quotes, fetchedAt, options))
  );
}

/** What an import wrote of its prices. */
export interface ImportedPriceCounts {
  /** game_odds rows inserted or changed. */
  odds: number;
  /** odds_quotes rows added. */
  quotesAdded: number;
  /** Stored quotes a revised file corrected, and their cells (price, line) changed. */
  quotesRevised: number;
  cellsRevised: number;
}

/**
 * Writes the quotes of a history file on an open transaction. Every quote carries its quote time;
 * a quote already stored at that time is corrected where the file now says otherwise, new ones are
 * appended, and nothing is marked as seen (a file is not an observation of the market now). A
 * second import of the same file writes nothing.
 */
export async function recordImportedPrices(
  client: pg.PoolClient,
  quotes: readonly QuoteInput[],
  importedAt: Date,
): Promise<ImportedPriceCounts> {
  if (quotes.length === 0) return { odds: 0, quotesAdded: 0, quotesRevised: 0, cellsRevised: 0 };
  const revised = await reviseQuotes(client, quotes);
  const quotesAdded = await appendQuotes(client, quotes, importedAt, { markSeen: false });
  const odds = await upsertOdds(client, latestPriced(quotes, importedAt));
  return { odds, quotesAdded, quotesRevised: revised.quotes, cellsRevised: revised.cells };
}
