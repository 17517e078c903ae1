// The one write path of fetched or imported prices: game_odds gets each market's current price
// (the seed's table, priced quotes only), odds_quotes every quote with when it was quoted.
// fetch_markets and the importers both write through here.

import type { OddsRecord } from "@edgeline/sdk";
import type pg from "pg";
import { upsertOdds } from "./odds.ts";
import { withTransaction } from "./queryable.ts";
import { appendQuotes, type QuoteInput } from "./quotes.ts";

/** Writes a fetch's quotes read at `fetchedAt`; `db` is a pool or an open transaction's client. Returns rows written. */
export async function recordPrices(
  db: pg.Pool | pg.PoolClient,
  quotes: readonly QuoteInput[],
  fetchedAt: Date,
): Promise<number> {
  if (quotes.length === 0) return 0;
  if (!("release" in db)) return withTransaction(db, (client) => recordPrices(client, quotes, fetchedAt));
  // game_odds holds the latest price of each market: the newest quote of each odds id.
  const latest = new Map<string, OddsRecord>();
  for (const { record } of quotes) {
    if (record.price === null) continue;
    const seen = latest.get(record.oddsId);
    if (!seen || (record.lastUpdate ?? fetchedAt) >= (seen.lastUpdate ?? fetchedAt))
      latest.set(record.oddsId, record as OddsRecord);
  }
  return (await upsertOdds(db, [...latest.values()])) + (await appendQuotes(db, quotes, fetchedAt));
}
