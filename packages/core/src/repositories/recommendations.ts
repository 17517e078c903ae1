// bet_recommendations. The table has no unique key, so identity is the natural key
// (sport, game_id, market_id, recommendation_type, side): a rerun updates the row it wrote
// before instead of adding one. Executed rows are frozen: a bet was placed on them.
import { Decimal } from "decimal.js";
import { MAX_STORED_EDGE } from "../recommendation/recommend.ts";
import { numeric, type Queryable } from "./queryable.ts";

export interface RecommendationInput {
  sport: string;
  gameId: string;
  marketId: string;
  recommendationType: string;
  side: string;
  /** Probability 0..1, DECIMAL(5,4). */
  confidence: Decimal;
  /** p × odds − 1 (staking/value.ts `edge`), DECIMAL(5,4): the recommendation module caps it. */
  edge: Decimal;
  recommendedStake: Decimal;
  expectedValue: Decimal;
  generatedAt: Date;
  expiresAt: Date | null;
  /** The quote it was made on: bookmaker, gross decimal price, line, quote time and history row. */
  bookmaker: string | null;
  price: Decimal | null;
  line: Decimal | null;
  quotedAt: Date | null;
  quoteId: string | null;
  /** Whole contracts, at venues that trade them. */
  contracts: number | null;
  /** active (to be bet) or suspect (recorded, never bet: see `reason`). @defaultValue "active" */
  status?: "active" | "suspect";
  /** The model's own probability, the de-vigged consensus's, and the model's weight in the blend. */
  modelProbability?: Decimal | null;
  marketProbability?: Decimal | null;
  blendWeight?: Decimal | null;
  /** Why a suspect row is not bet. */
  reason?: string | null;
}

export interface RecommendationRow extends Omit<RecommendationInput, "status"> {
  recommendationId: number;
  status: string | null;
}

/**
 * Rounds to 4 dp and clamps to the DECIMAL(5,4) range (the bound the recommendation module caps
 * edges to): a row from elsewhere with an absurd value must not abort the whole batch.
 */
export function ratioColumn(value: Decimal): string {
  const r = value.toDecimalPlaces(4, Decimal.ROUND_HALF_UP);
  return Decimal.min(MAX_STORED_EDGE, Decimal.max(MAX_STORED_EDGE.neg(), r)).toFixed(4);
}

const optionalRatio = (v: Decimal | null | undefined) =>
  v === null || v === undefined ? null : ratioColumn(v);

/**
 * Writes a day's recommendations in one statement: updates the active or suspect row of each
 * natural key (leaving generated_at as first written; a quote that became suspect, or stopped
 * being, changes status), inserts the keys not seen before, and leaves executed, expired and
 * rejected rows untouched. Callers serialise per sport (the pipeline holds a
 * per-sport lock), which is what makes the update-then-insert safe without a unique index.
 * Returns rows inserted or changed.
 */
export async function upsertRecommendations(
  db: Queryable,
  input: readonly RecommendationInput[],
): Promise<number> {
  let recs = input;
  if (recs.length === 0) return 0;
  // One row per natural key: a key twice in one batch would insert twice.
  const byKey = new Map(
    recs.map((r) => [[r.sport, r.gameId, r.marketId, r.recommendationType, r.side].join("\u0000"), r]),
  );
  recs = [...byKey.values()];
  const result = await db.query(
    `WITH t AS (
       SELECT * FROM unnest($1::varchar[], $2::varchar[], $3::varchar[], $4::varchar[], $5::varchar[],
         $6::numeric[], $7::numeric[], $8::numeric[], $9::numeric[], $10::timestamptz[], $11::timestamptz[],
         $12::varchar[], $13::numeric[], $14::numeric[], $15::timestamptz[], $16::bigint[], $17::int[],
         $18::varchar[], $19::numeric[], $20::numeric[], $21::numeric[], $22::varchar[])
         AS t(sport, game_id, market_id, recommendation_type, side, confidence, edge,
              recommended_stake, expected_value, generated_at, expires_at,
              bookmaker, price, line, quoted_at, quote_id, contracts,
              status, model_probability, market_probability, blend_weight, reason)
     ), updated AS (
       UPDATE bet_recommendations r SET confidence = t.confidence, edge = t.edge,
              recommended_stake = t.recommended_stake, expected_value = t.expected_value,
              expires_at = t.expires_at, bookmaker = t.bookmaker, price = t.price, line = t.line,
              quoted_at = t.quoted_at, quote_id = t.quote_id, contracts = t.contracts, status = t.status,
              model_probability = t.model_probability, market_probability = t.market_probability,
              blend_weight = t.blend_weight, reason = t.reason
         FROM t
        WHERE (r.sport, r.game_id, r.market_id, r.recommendation_type, r.side)
            = (t.sport, t.game_id, t.market_id, t.recommendation_type, t.side)
          AND r.status IN ('active', 'suspect')
          AND (r.confidence, r.edge, r.recommended_stake, r.expected_value, r.expires_at,
               r.bookmaker, r.price, r.line, r.quoted_at, r.quote_id, r.contracts, r.status,
               r.model_probability, r.market_probability, r.blend_weight, r.reason)
              IS DISTINCT FROM (t.confidence::numeric(5,4), t.edge::numeric(5,4),
                t.recommended_stake::numeric(10,2), t.expected_value::numeric(10,2), t.expires_at,
                t.bookmaker, t.price::numeric(10,4), t.line::numeric(10,4), t.quoted_at, t.quote_id, t.contracts,
                t.status, t.model_probability::numeric(5,4), t.market_probability::numeric(5,4),
                t.blend_weight::numeric(5,4), t.reason)
       RETURNING 1
     ), inserted AS (
       INSERT INTO bet_recommendations (sport, game_id, market_id, recommendation_type, side,
              confidence, edge, recommended_stake, expected_value, generated_at, expires_at, status,
              bookmaker, price, line, quoted_at, quote_id, contracts,
              model_probability, market_probability, blend_weight, reason)
       SELECT t.sport, t.game_id, t.market_id, t.recommendation_type, t.side, t.confidence, t.edge,
              t.recommended_stake, t.expected_value, t.generated_at, t.expires_at, t.status,
              t.bookmaker, t.price, t.line, t.quoted_at, t.quote_id, t.contracts,
              t.model_probability, t.market_probability, t.blend_weight, t.reason
         FROM t
        WHERE NOT EXISTS (
          SELECT 1 FROM bet_recommendations r
           WHERE (r.sport, r.game_id, r.market_id, r.recommendation_type, r.side)
               = (t.sport, t.game_id, t.market_id, t.recommendation_type, t.side))
       RETURNING 1
     )
     SELECT (SELECT count(*) FROM updated) + (SELECT count(*) FROM inserted) AS n`,
    [
      recs.map((r) => r.sport),
      recs.map((r) => r.gameId),
      recs.map((r) => r.marketId),
      recs.map((r) => r.recommendationType),
      recs.map((r) => r.side),
      recs.map((r) => ratioColumn(r.confidence)),
      recs.map((r) => ratioColumn(r.edge)),
      recs.map((r) => r.recommendedStake.toFixed(2)),
      recs.map((r) => r.expectedValue.toFixed(2)),
      recs.map((r) => r.generatedAt.toISOString()),
      recs.map((r) => r.expiresAt?.toISOString() ?? null),
      recs.map((r) => r.bookmaker),
      recs.map((r) => numeric(r.price)),
      recs.map((r) => numeric(r.line)),
      recs.map((r) => r.quotedAt?.toISOString() ?? null),
      recs.map((r) => r.quoteId),
      recs.map((r) => r.contracts),
      recs.map((r) => r.status ?? "active"),
      recs.map((r) => optionalRatio(r.modelProbability)),
      recs.map((r) => optionalRatio(r.marketProbability)),
      recs.map((r) => optionalRatio(r.blendWeight)),
      recs.map((r) => r.reason ?? null),
    ],
  );
  return Number(result.rows[0]?.n ?? 0);
}

/**
 * Expires the active recommendations on these games that a run no longer makes (the market moved,
 * or a better book took the outcome), so that one recommendation per outcome stays active; pass
 * every row the run makes, suspect ones included (a row that became suspect is updated, not
 * expired). Suspect rows stay as recorded. Returns rows changed.
 */
export async function expireWithdrawn(
  db: Queryable,
  sport: string,
  gameIds: readonly string[],
  kept: readonly Pick<RecommendationInput, "gameId" | "marketId" | "recommendationType" | "side">[],
): Promise<number> {
  if (gameIds.length === 0) return 0;
  const result = await db.query(
    `UPDATE bet_recommendations r SET status = 'expired'
      WHERE r.sport = $1 AND r.status = 'active' AND r.game_id = ANY($2::varchar[])
        AND (r.game_id, r.market_id, r.recommendation_type, r.side) NOT IN (
          SELECT * FROM unnest($3::varchar[], $4::varchar[], $5::varchar[], $6::varchar[]))`,
    [
      sport,
      gameIds,
      kept.map((k) => k.gameId),
      kept.map((k) => k.marketId),
      kept.map((k) => k.recommendationType),
      kept.map((k) => k.side),
    ],
  );
  return result.rowCount ?? 0;
}

/** Marks active recommendations of a sport whose expiry has passed as expired. Returns rows changed. */
export async function expireRecommendations(db: Queryable, sport: string, now: Date): Promise<number> {
  const result = await db.query(
    `UPDATE bet_recommendations SET status = 'expired'
      WHERE sport = $1 AND status = 'active' AND expires_at IS NOT NULL AND expires_at <= $2`,
    [sport, now.toISOString()],
  );
  return result.rowCount ?? 0;
}

/** Marks recommendations executed (a bet was placed). Returns rows changed. */
export async function markExecuted(db: Queryable, ids: readonly number[]): Promise<number> {
  if (ids.length === 0) return 0;
  const result = await db.query(
    `UPDATE bet_recommendations SET status = 'executed' WHERE recommendation_id = ANY($1::int[]) AND status = 'active'`,
    [ids],
  );
  return result.rowCount ?? 0;
}

/**
 * Active recommendations on games of a sport and day, in id order. With `lock` the rows stay
 * locked to the end of the transaction: a rejection or a manual bet racing the placement waits,
 * then finds them executed (placement re-checks status under the lock it writes the bets in).
 */
export async function activeRecommendations(
  db: Queryable,
  sport: string,
  date: string,
  opts: { lock?: boolean } = {},
): Promise<RecommendationRow[]> {
  const { rows } = await db.query(
    `SELECT r.recommendation_id, r.sport, r.game_id, r.market_id, r.recommendation_type, r.side,
            r.confidence::text, r.edge::text, r.recommended_stake::text, r.expected_value::text,
            r.generated_at, r.expires_at, r.status, r.bookmaker, r.price::text, r.line::text, r.quoted_at,
            r.quote_id::text, r.contracts
       FROM bet_recommendations r JOIN unified_games g ON g.game_id = r.game_id
      WHERE r.sport = $1 AND g.game_date = $2 AND r.status = 'active'
      ORDER BY r.recommendation_id${opts.lock ? " FOR UPDATE OF r" : ""}`,
    [sport, date],
  );
  return rows.map((r) => ({
    recommendationId: r.recommendation_id,
    sport: r.sport,
    gameId: r.game_id,
    marketId: r.market_id,
    recommendationType: r.recommendation_type,
    side: r.side,
    confidence: new Decimal(r.confidence),
    edge: new Decimal(r.edge),
    recommendedStake: new Decimal(r.recommended_stake),
    expectedValue: new Decimal(r.expected_value),
    generatedAt: r.generated_at,
    expiresAt: r.expires_at,
    status: r.status,
    bookmaker: r.bookmaker,
    price: r.price === null ? null : new Decimal(r.price),
    line: r.line === null ? null : new Decimal(r.line),
    quotedAt: r.quoted_at,
    quoteId: r.quote_id,
    contracts: r.contracts,
  }));
}
