// What is at risk when place_bets checks an order against the risk limits, read from placed_bets
// in one statement: committed bets only (an awaiting, cancelled or expired bet stakes nothing).
import { Decimal } from "decimal.js";
import type { Exposure } from "../risk/risk-limits.ts";
import type { Queryable } from "./queryable.ts";

/**
 * The exposure at `at` for orders of day `date`: stake placed that day, stake per game, the open
 * bets (placed by `at`, their game not over by then: a result known after `resultKnownAfterMs` from
 * the start counts as settled, synced or not, so a replayed day sees the bets of the days before
 * it settled, as they were then), and the net result of bets on games that started in the 24
 * hours before `at` and are settled.
 */
export async function riskExposure(
  db: Queryable,
  date: string,
  at: Date,
  resultKnownAfterMs: number,
): Promise<Exposure> {
  const { rows } = await db.query(
    `WITH b AS (
       SELECT p.*, g.commence_time FROM placed_bets p LEFT JOIN unified_games g ON g.game_id = p.game_id
        WHERE coalesce(p.status, 'pending') NOT IN ('awaiting', 'cancelled', 'expired')
     )
     , open AS (
       SELECT * FROM b WHERE coalesce(placed_time_utc, $2::timestamptz) <= $2::timestamptz
          AND (CASE WHEN commence_time IS NULL THEN coalesce(status, 'pending') = 'pending'
                    ELSE commence_time + $3::int * interval '1 millisecond' > $2::timestamptz END)
     )
     SELECT (SELECT coalesce(sum(stake), 0)::text FROM b WHERE (placed_time_utc AT TIME ZONE 'UTC')::date = $1::date) AS today,
            (SELECT coalesce(sum(stake), 0)::text FROM open) AS open_stake,
            (SELECT count(*)::int FROM open) AS open_count,
            (SELECT coalesce(sum(result), 0)::text FROM b
              WHERE status IN ('win', 'loss', 'void') AND commence_time > $2::timestamptz - interval '24 hours'
                AND commence_time <= $2::timestamptz) AS recent,
            (SELECT coalesce(json_agg(json_build_array(game_id, s)), '[]') FROM
               (SELECT game_id, sum(stake)::text AS s FROM b WHERE game_id IS NOT NULL GROUP BY game_id) x) AS by_game`,
    [date, at.toISOString(), resultKnownAfterMs],
  );
  const r = rows[0];
  return {
    stakeToday: new Decimal(r.today),
    openStake: new Decimal(r.open_stake),
    openPositions: r.open_count,
    recentResult: new Decimal(r.recent),
    stakeByGame: new Map((r.by_game as [string, string][]).map(([g, s]) => [g, new Decimal(s)])),
  };
}
