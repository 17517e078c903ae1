// odds_quotes: the price history. Every quote a source fetched is appended with when it was quoted
// and when it was read; a quote whose price and line equal the one before it (of the same book,
// game, market and outcome) adds no row, it only moves that row's last_seen_at. game_odds stays the
// seed's current-price table; this answers "the price at time T" and "the closing price".
import type { OddsRecord } from "@edgeline/sdk";
import { Decimal } from "decimal.js";
import { numeric, type Queryable } from "./queryable.ts";

/** One stored quote. */
export interface QuoteRow {
  quoteId: string;
  oddsId: string;
  gameId: string;
  source: string;
  bookmaker: string;
  marketName: string;
  outcomeName: string;
  line: Decimal | null;
  /** Null only for archive lines published without a price. */
  price: Decimal | null;
  quotedAt: Date;
  fetchedAt: Date;
  lastSeenAt: Date;
  externalId: string | null;
}

/** A quote to append: a source's record (its lastUpdate is the quote time) and where it came from. */
export interface QuoteInput {
  record: OddsRecord | (Omit<OddsRecord, "price"> & { price: Decimal | null });
  source: string;
}

const COLUMNS = `q.quote_id::text, q.odds_id, q.game_id, q.source, q.bookmaker, q.market_name, q.outcome_name,
  q.line::text, q.price::text, q.quoted_at, q.fetched_at, q.last_seen_at, q.external_id`;

function toRow(r: Record<string, unknown>): QuoteRow {
  return {
    quoteId: r.quote_id as string,
    oddsId: r.odds_id as string,
    gameId: r.game_id as string,
    source: r.source as string,
    bookmaker: r.bookmaker as string,
    marketName: r.market_name as string,
    outcomeName: r.outcome_name as string,
    line: r.line === null ? null : new Decimal(r.line as string),
    price: r.price === null ? null : new Decimal(r.price as string),
    quotedAt: r.quoted_at as Date,
    fetchedAt: r.fetched_at as Date,
    lastSeenAt: r.last_seen_at as Date,
    externalId: r.external_id as string | null,
  };
}

/**
 * Appends the quotes of one fetch, read at `fetchedAt`, in two statements. A quote is new when no
 * row of its odds id has its quote time and the quote before it in time (stored, or earlier in the
 * batch) has another price or line; re-fetching an unchanged market writes no quote. Quotes without
 * a quote time take `fetchedAt`. Then the latest quote of every odds id seen is marked as seen now,
 * unless `markSeen` is false (an imported file is a record of the past, not an observation of the
 * market now). Returns quotes inserted.
 */
export async function appendQuotes(
  db: Queryable,
  quotes: readonly QuoteInput[],
  fetchedAt: Date,
  options: { markSeen?: boolean } = {},
): Promise<number> {
  if (quotes.length === 0) return 0;
  const at = (q: QuoteInput) => (q.record.lastUpdate ?? fetchedAt).toISOString();
  const inserted = await db.query(
    `WITH incoming AS (
       SELECT DISTINCT ON (odds_id, quoted_at) *
         FROM unnest($1::varchar[], $2::varchar[], $3::varchar[], $4::varchar[], $5::varchar[], $6::varchar[],
                     $7::numeric[], $8::numeric[], $9::timestamptz[], $10::varchar[])
           AS t(odds_id, game_id, source, bookmaker, market_name, outcome_name, line, price, quoted_at, external_id)
        ORDER BY odds_id, quoted_at
     ), merged AS (
       SELECT odds_id, quoted_at, line::numeric(10,4) AS line, price::numeric(10,4) AS price, true AS incoming
         FROM incoming
       UNION ALL
       SELECT q.odds_id, q.quoted_at, q.line, q.price, false FROM odds_quotes q
        WHERE q.odds_id IN (SELECT odds_id FROM incoming)
     ), ordered AS (
       SELECT m.*, lag((m.price, m.line)) OVER w AS previous, lag(m.quoted_at) OVER w AS previous_at
         FROM merged m WINDOW w AS (PARTITION BY m.odds_id ORDER BY m.quoted_at, m.incoming)
     )
     INSERT INTO odds_quotes (odds_id, game_id, source, bookmaker, market_name, outcome_name, line, price,
                              quoted_at, fetched_at, last_seen_at, external_id)
     SELECT i.odds_id, i.game_id, i.source, i.bookmaker, i.market_name, i.outcome_name, i.line, i.price,
            i.quoted_at, $11, $11, i.external_id
       FROM incoming i JOIN ordered o ON o.incoming AND o.odds_id = i.odds_id AND o.quoted_at = i.quoted_at
      WHERE o.previous_at IS DISTINCT FROM o.quoted_at
        AND (o.previous_at IS NULL OR o.previous IS DISTINCT FROM (o.price, o.line))
     ON CONFLICT (odds_id, quoted_at) DO NOTHING`,
    [
      quotes.map((q) => q.record.oddsId),
      quotes.map((q) => q.record.gameId),
      quotes.map((q) => q.source),
      quotes.map((q) => q.record.bookmaker),
      quotes.map((q) => q.record.marketName),
      quotes.map((q) => q.record.outcomeName),
      quotes.map((q) => numeric(q.record.line)),
      quotes.map((q) => numeric(q.record.price)),
      quotes.map(at),
      quotes.map((q) => q.record.externalId),
      fetchedAt.toISOString(),
    ],
  );
  if (options.markSeen === false) return inserted.rowCount ?? 0;
  await db.query(
    `UPDATE odds_quotes q SET last_seen_at = $2
      WHERE q.quote_id IN (SELECT DISTINCT ON (odds_id) quote_id FROM odds_quotes
                            WHERE odds_id = ANY($1::varchar[]) AND quoted_at <= $2
                            ORDER BY odds_id, quoted_at DESC)
        AND q.last_seen_at < $2`,
    [[...new Set(quotes.map((q) => q.record.oddsId))], fetchedAt.toISOString()],
  );
  return inserted.rowCount ?? 0;
}

/** What a revision changed: quotes whose price or line differed, and the cells (price, line) changed. */
export interface QuoteRevision {
  quotes: number;
  cells: number;
}

/**
 * Corrects stored quotes from a revised history file: a quote of the same odds id and quote time
 * whose price or line differs takes the file's values. Live fetches never call this (their history
 * is append-only); an import is the record of what was quoted, so a corrected file corrects it.
 */
export async function reviseQuotes(db: Queryable, quotes: readonly QuoteInput[]): Promise<QuoteRevision> {
  if (quotes.length === 0) return { quotes: 0, cells: 0 };
  const { rows } = await db.query<{ price_changed: boolean; line_changed: boolean }>(
    `WITH t AS (
       SELECT DISTINCT ON (odds_id, quoted_at) odds_id, quoted_at, line::numeric(10,4) AS line,
              price::numeric(10,4) AS price
         FROM unnest($1::varchar[], $2::timestamptz[], $3::numeric[], $4::numeric[])
           AS t(odds_id, quoted_at, line, price)
        ORDER BY odds_id, quoted_at
     ), old AS (
       SELECT q.quote_id, q.price IS DISTINCT FROM t.price AS price_changed,
              q.line IS DISTINCT FROM t.line AS line_changed, t.price, t.line
         FROM odds_quotes q JOIN t ON t.odds_id = q.odds_id AND t.quoted_at = q.quoted_at
        WHERE (q.price, q.line) IS DISTINCT FROM (t.price, t.line)
     )
     UPDATE odds_quotes q SET price = old.price, line = old.line FROM old
      WHERE q.quote_id = old.quote_id
     RETURNING old.price_changed, old.line_changed`,
    [
      quotes.map((q) => q.record.oddsId),
      quotes.map((q) => q.record.lastUpdate?.toISOString() ?? null),
      quotes.map((q) => numeric(q.record.line)),
      quotes.map((q) => numeric(q.record.price)),
    ],
  );
  return {
    quotes: rows.length,
    cells: rows.reduce((n, r) => n + (r.price_changed ? 1 : 0) + (r.line_changed ? 1 : 0), 0),
  };
}

export interface QuoteFilter {
  /** Only these markets ("moneyline", "spread", "total"). */
  markets?: readonly string[];
  /** quotesForGames: the archive lines published without a price too (price null). */
  unpriced?: boolean;
}

/**
 * The price at time T: the latest quote of every (book, market, outcome) of the games that was
 * quoted at or before `at`. Nothing quoted after `at` is ever returned, which is what makes a
 * decision at `at` (live or in a backtest) free of look-ahead.
 */
export async function quotesAt(
  db: Queryable,
  gameIds: readonly string[],
  at: Date,
  filter: QuoteFilter = {},
): Promise<QuoteRow[]> {
  if (gameIds.length === 0) return [];
  const { rows } = await db.query(
    `SELECT DISTINCT ON (q.odds_id) ${COLUMNS} FROM odds_quotes q
      WHERE q.game_id = ANY($1::varchar[]) AND q.quoted_at <= $2
        AND ($3::varchar[] IS NULL OR q.market_name = ANY($3::varchar[]))
      ORDER BY q.odds_id, q.quoted_at DESC`,
    [gameIds, at.toISOString(), filter.markets ?? null],
  );
  return rows.map(toRow);
}

/**
 * The closing price: the latest quote of every (book, market, outcome) of the games quoted at or
 * before the game's start (unified_games.commence_time): history files stamp their closing line
 * with the start itself. Games without a start time have no close.
 */
export async function closingQuotes(
  db: Queryable,
  gameIds: readonly string[],
  filter: QuoteFilter = {},
): Promise<QuoteRow[]> {
  if (gameIds.length === 0) return [];
  const { rows } = await db.query(
    `SELECT DISTINCT ON (q.odds_id) ${COLUMNS} FROM odds_quotes q
       JOIN unified_games g ON g.game_id = q.game_id
      WHERE q.game_id = ANY($1::varchar[]) AND q.quoted_at <= g.commence_time
        AND ($2::varchar[] IS NULL OR q.market_name = ANY($2::varchar[]))
      ORDER BY q.odds_id, q.quoted_at DESC`,
    [gameIds, filter.markets ?? null],
  );
  return rows.map(toRow);
}

/** Every quote of some odds ids, oldest first (a market's price history). */
export async function quoteHistory(db: Queryable, oddsIds: readonly string[]): Promise<QuoteRow[]> {
  if (oddsIds.length === 0) return [];
  const { rows } = await db.query(
    `SELECT ${COLUMNS} FROM odds_quotes q WHERE q.odds_id = ANY($1::varchar[]) ORDER BY q.odds_id, q.quoted_at`,
    [oddsIds],
  );
  return rows.map(toRow);
}

/**
 * Every quote of the games (of the given markets), oldest first: the whole price history a
 * backtest replays. Only priced quotes are returned, unless `unpriced`.
 */
export async function quotesForGames(
  db: Queryable,
  gameIds: readonly string[],
  filter: QuoteFilter = {},
): Promise<QuoteRow[]> {
  if (gameIds.length === 0) return [];
  const { rows } = await db.query(
    `SELECT ${COLUMNS} FROM odds_quotes q
      WHERE q.game_id = ANY($1::varchar[]) AND ($3::boolean OR q.price IS NOT NULL)
        AND ($2::varchar[] IS NULL OR q.market_name = ANY($2::varchar[]))
      ORDER BY q.game_id, q.quoted_at, q.odds_id`,
    [gameIds, filter.markets ?? null, filter.unpriced === true],
  );
  return rows.map(toRow);
}
