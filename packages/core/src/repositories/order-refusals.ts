// order_refusals: every order place_bets did not send, with the rule and the reason (a risk limit,
// the kill switch, a price that moved). A rerun of the same day refusing the same way adds nothing.
import { Decimal } from "decimal.js";
import type { Queryable } from "./queryable.ts";

export interface OrderRefusalInput {
  recommendationId: number;
  sport: string;
  /** The run's day, YYYY-MM-DD. */
  runDate: string;
  venue: string | null;
  rule: string;
  reason: string;
  stake: Decimal | null;
  refusedAt: Date;
}

export interface OrderRefusalRow extends OrderRefusalInput {
  refusalId: string;
}

/** Records refusals in one statement; one already recorded (recommendation, rule, day) is kept. Returns rows inserted. */
export async function recordRefusals(db: Queryable, refusals: readonly OrderRefusalInput[]): Promise<number> {
  if (refusals.length === 0) return 0;
  const result = await db.query(
    `INSERT INTO order_refusals (recommendation_id, sport, run_date, venue, rule, reason, stake, refused_at)
     SELECT * FROM unnest($1::int[], $2::varchar[], $3::date[], $4::varchar[], $5::varchar[], $6::varchar[],
       $7::numeric[], $8::timestamptz[])
     ON CONFLICT (recommendation_id, rule, run_date) DO NOTHING`,
    [
      refusals.map((r) => r.recommendationId),
      refusals.map((r) => r.sport),
      refusals.map((r) => r.runDate),
      refusals.map((r) => r.venue),
      refusals.map((r) => r.rule),
      refusals.map((r) => r.reason),
      refusals.map((r) => r.stake?.toFixed(2) ?? null),
      refusals.map((r) => r.refusedAt.toISOString()),
    ],
  );
  return result.rowCount ?? 0;
}

/** Refusals, newest first, optionally of one sport or rule. */
export async function listRefusals(
  db: Queryable,
  filter: { sport?: string; rule?: string; limit?: number } = {},
): Promise<OrderRefusalRow[]> {
  const { rows } = await db.query(
    `SELECT refusal_id::text, recommendation_id, sport, run_date::text, venue, rule, reason, stake::text, refused_at
       FROM order_refusals
      WHERE ($1::varchar IS NULL OR sport = $1) AND ($2::varchar IS NULL OR rule = $2)
      ORDER BY refused_at DESC, refusal_id DESC LIMIT $3`,
    [filter.sport ?? null, filter.rule ?? null, filter.limit ?? 100],
  );
  return rows.map((r) => ({
    refusalId: r.refusal_id,
    recommendationId: r.recommendation_id,
    sport: r.sport,
    runDate: r.run_date,
    venue: r.venue,
    rule: r.rule,
    reason: r.reason,
    stake: r.stake === null ? null : new Decimal(r.stake),
    refusedAt: r.refused_at,
  }));
}
