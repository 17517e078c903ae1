// daily.summary: what a UTC day brought, counted from the day's events in the outbox (so it
// agrees with the notifications people got), with the open exposure and the latest bankroll.
import type { Queryable } from "../repositories/queryable.ts";
import { emitEvent } from "./emit.ts";

/** Emits the summary of `date` (YYYY-MM-DD, UTC) once; returns its event id or undefined. */
export async function emitDailySummary(db: Queryable, date: string): Promise<string | undefined> {
  const { rows } = await db.query<{
    recommendations: number;
    placed: number;
    settled: number;
    profit: string;
    exposure: string;
    bankroll: string | null;
  }>(
    `WITH day AS (
       SELECT event_type, payload FROM notification_events
        WHERE occurred_at >= $1::date AND occurred_at < $1::date + 1)
     SELECT (SELECT count(*)::int FROM day WHERE event_type = 'recommendation.created') AS recommendations,
            (SELECT count(*)::int FROM day WHERE event_type = 'bet.placed') AS placed,
            (SELECT count(*)::int FROM day WHERE event_type = 'bet.settled') AS settled,
            (SELECT coalesce(sum((payload->>'result')::numeric), 0)::numeric(14,2)::text
               FROM day WHERE event_type = 'bet.settled') AS profit,
            (SELECT coalesce(sum(stake), 0)::numeric(14,2)::text FROM placed_bets WHERE status = 'pending') AS exposure,
            (SELECT total_value::text FROM portfolio_snapshots ORDER BY snapshot_time DESC LIMIT 1) AS bankroll`,
    [date],
  );
  const r = rows[0]!;
  return emitEvent(db, {
    type: "daily.summary",
    key: date,
    data: {
      date,
      recommendations: r.recommendations,
      betsPlaced: r.placed,
      betsSettled: r.settled,
      settledProfit: r.profit,
      openExposure: r.exposure,
      bankroll: r.bankroll,
    },
  });
}
