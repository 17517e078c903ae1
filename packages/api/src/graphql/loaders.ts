// Per-request batch loaders for fields that are not Prisma relations: each turns the lookups of a
// whole page into one SQL statement (LATERAL joins over unnest'ed keys, served by the
// (sport, entity_id, valid_from) unique index).
import { type QuoteRow as CoreQuoteRow, quotesAt, ratingInForceRow } from "@edgeline/core";
import { BatchLoader } from "./batch-loader.ts";
import type { SqlClient } from "./context.ts";
import { type EloRating, type OddsQuote, Prisma } from "./prisma.ts";
import { dayToDate } from "./scalars.ts";

export interface RatingKey {
  sport: string;
  entityId: string;
  /** YYYY-MM-DD */
  day: string;
}

export interface HistoryKey {
  sport: string;
  entityId: string;
  /** Rows that came into force before this day (YYYY-MM-DD), newest first. */
  before: string;
  limit: number;
}

export interface QuoteHistoryKey {
  oddsId: string;
  /** Quotes quoted at or before this instant (null: all), newest first. */
  before: Date | null;
  limit: number;
}

export interface JobRow {
  id: string;
  queue_name: string | null;
  task_identifier: string;
  priority: number;
  run_at: Date;
  attempts: number;
  max_attempts: number;
  last_error: string | null;
  created_at: Date;
  updated_at: Date;
  key: string | null;
  locked_at: Date | null;
}

interface RatingRow {
  i: string;
  rating_id: number;
  sport: string;
  entity_id: string;
  entity_name: string;
  rating: string;
  valid_from: string | Date;
  valid_to: string | Date | null;
  games_played: number | null;
  created_at: Date | null;
}

const RATING_COLUMNS =
  "r.rating_id, r.sport, r.entity_id, r.entity_name, r.rating::text AS rating, r.valid_from, r.valid_to, r.games_played, r.created_at";

function toDate(value: string | Date): Date {
  return typeof value === "string" ? dayToDate(value) : value;
}

/** A raw elo_ratings row in the shape Prisma returns, so EloRating fields resolve it alike. */
function toEloRating(row: RatingRow): EloRating {
  return {
    ratingId: row.rating_id,
    sport: row.sport,
    entityId: row.entity_id,
    entityName: row.entity_name,
    rating: new Prisma.Decimal(row.rating),
    validFrom: toDate(row.valid_from),
    validTo: row.valid_to === null ? null : toDate(row.valid_to),
    gamesPlayed: row.games_played,
    createdAt: row.created_at,
  };
}

const ratingKey = (k: RatingKey) => `${k.sport}\u0000${k.entityId}\u0000${k.day}`;
const quoteHistoryKey = (k: QuoteHistoryKey) =>
  `${k.oddsId}\u0000${k.before?.toISOString() ?? ""}\u0000${k.limit}`;
const historyKey = (k: HistoryKey) => `${k.sport}\u0000${k.entityId}\u0000${k.before}\u0000${k.limit}`;

interface QuoteRow {
  i: string;
  quote_id: string;
  odds_id: string;
  game_id: string;
  source: string;
  bookmaker: string;
  market_name: string;
  outcome_name: string;
  line: string | null;
  price: string | null;
  quoted_at: Date;
  fetched_at: Date;
  last_seen_at: Date;
  external_id: string | null;
}

/** A raw odds_quotes row in the shape Prisma returns, so OddsQuote fields resolve it alike. */
function toOddsQuote(r: QuoteRow): OddsQuote {
  return {
    quoteId: BigInt(r.quote_id),
    oddsId: r.odds_id,
    gameId: r.game_id,
    source: r.source,
    bookmaker: r.bookmaker,
    marketName: r.market_name,
    outcomeName: r.outcome_name,
    line: r.line === null ? null : new Prisma.Decimal(r.line),
    price: r.price === null ? null : new Prisma.Decimal(r.price),
    quotedAt: r.quoted_at,
    fetchedAt: r.fetched_at,
    lastSeenAt: r.last_seen_at,
    externalId: r.external_id,
  };
}

/** Rows of graphile-worker's public jobs view; none when the worker never migrated this database. */
export async function jobRows(sql: SqlClient, where: string, values: unknown[]): Promise<JobRow[]> {
  try {
    const { rows } = await sql.query<JobRow>(
      `SELECT j.id::text AS id, j.queue_name, j.task_identifier, j.priority, j.run_at, j.attempts,
              j.max_attempts, j.last_error, j.created_at, j.updated_at, j.key, j.locked_at
         FROM graphile_worker.jobs j WHERE ${where} ORDER BY j.id`,
      values,
    );
    return rows;
  } catch (error) {
    // 42P01 undefined_table: graphile-worker's schema is not there, so there are no jobs.
    if ((error as { code?: string }).code === "42P01") return [];
    throw error;
  }
}

export function createLoaders(sql: SqlClient) {
  /** The row in force on a day (rating-in-force.ts). */
  const ratingOn = new BatchLoader<RatingKey, EloRating>(async (keys) => {
    const { rows } = await sql.query<RatingRow>(
      `SELECT k.i::text AS i, ${RATING_COLUMNS}
         FROM unnest($1::text[], $2::text[], $3::date[]) WITH ORDINALITY AS k(sport, entity_id, day, i)
         JOIN LATERAL ${ratingInForceRow("k.sport", "k.entity_id", "k.day")} r ON true`,
      [keys.map((k) => k.sport), keys.map((k) => k.entityId), keys.map((k) => k.day)],
    );
    return new Map(rows.map((row) => [ratingKey(keys[Number(row.i) - 1]!), toEloRating(row)]));
  }, ratingKey);

  const history = new BatchLoader<HistoryKey, EloRating[]>(async (keys) => {
    const { rows } = await sql.query<RatingRow>(
      `SELECT k.i::text AS i, ${RATING_COLUMNS}
         FROM unnest($1::text[], $2::text[], $3::date[], $4::int[]) WITH ORDINALITY AS k(sport, entity_id, before, lim, i)
         JOIN LATERAL (
           SELECT * FROM elo_ratings e
            WHERE e.sport = k.sport AND e.entity_id = k.entity_id AND e.valid_from < k.before
            ORDER BY e.valid_from DESC LIMIT k.lim
         ) r ON true
        ORDER BY k.i, r.valid_from DESC`,
      [
        keys.map((k) => k.sport),
        keys.map((k) => k.entityId),
        keys.map((k) => k.before),
        keys.map((k) => k.limit),
      ],
    );
    const out = new Map<string, EloRating[]>(keys.map((k) => [historyKey(k), []]));
    for (const row of rows) out.get(historyKey(keys[Number(row.i) - 1]!))?.push(toEloRating(row));
    return out;
  }, historyKey);

  /** graphile-worker jobs by id; a completed job has been deleted by the worker and loads as undefined. */
  const job = new BatchLoader<string, JobRow>(async (ids) => {
    const rows = await jobRows(sql, "j.id = ANY($1::bigint[])", [ids]);
    return new Map(rows.map((r) => [r.id, r]));
  }, String);

  /** Jobs by job_key, the link from a pipeline_runs row to its job. */
  const jobByKey = new BatchLoader<string, JobRow>(async (keys) => {
    const rows = await jobRows(sql, "j.key = ANY($1::text[])", [keys]);
    return new Map(rows.map((r) => [r.key!, r]));
  }, String);

  /** A market's price history (odds_quotes), newest first, served by the (odds_id, quoted_at) index. */
  const quoteHistory = new BatchLoader<QuoteHistoryKey, OddsQuote[]>(async (keys) => {
    const { rows } = await sql.query<QuoteRow>(
      `SELECT k.i::text AS i, q.quote_id::text, q.odds_id, q.game_id, q.source, q.bookmaker, q.market_name,
              q.outcome_name, q.line::text, q.price::text, q.quoted_at, q.fetched_at, q.last_seen_at, q.external_id
         FROM unnest($1::text[], $2::timestamptz[], $3::int[]) WITH ORDINALITY AS k(odds_id, before, lim, i)
         JOIN LATERAL (
           SELECT * FROM odds_quotes o
            WHERE o.odds_id = k.odds_id AND (k.before IS NULL OR o.quoted_at <= k.before)
            ORDER BY o.quoted_at DESC LIMIT k.lim
         ) q ON true
        ORDER BY k.i, q.quoted_at DESC`,
      [keys.map((k) => k.oddsId), keys.map((k) => k.before?.toISOString() ?? null), keys.map((k) => k.limit)],
    );
    const out = new Map<string, OddsQuote[]>(keys.map((k) => [quoteHistoryKey(k), []]));
    for (const row of rows) out.get(quoteHistoryKey(keys[Number(row.i) - 1]!))?.push(toOddsQuote(row));
    return out;
  }, quoteHistoryKey);

  /** Each game's latest quote of every book and outcome known at the request's instant (line shopping). */
  const now = new Date();
  const quotesNow = new BatchLoader<string, { at: Date; rows: CoreQuoteRow[] }>(async (gameIds) => {
    const rows = await quotesAt(sql as never, gameIds, now);
    const out = new Map<string, { at: Date; rows: CoreQuoteRow[] }>(
      gameIds.map((id) => [id, { at: now, rows: [] }]),
    );
    for (const row of rows) out.get(row.gameId)?.rows.push(row);
    return out;
  }, String);

  return { ratingOn, history, quoteHistory, job, jobByKey, quotesNow };
}

export type Loaders = ReturnType<typeof createLoaders>;
