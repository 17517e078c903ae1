// The portfolio's current state, computed from placed_bets in one aggregate query; read by the
// PortfolioState resolvers (portfolio.ts) and by the SQL compiler (compile/), so both agree.

/** Sums as DECIMAL(12,2) strings, counts as integers. */
export interface BetTotals {
  open_bets: number;
  open_stake: string;
  open_potential_payout: string;
  settled_bets: number;
  realized_pnl: string;
  /** Mean closing-line value of the bets whose close is recorded (null: none yet), 4 places. */
  average_clv: string | null;
  average_clv_consensus: string | null;
  clv_bets: number;
}

export const BET_TOTALS_SQL = `SELECT count(*) FILTER (WHERE status = 'pending')::int AS open_bets,
       coalesce(sum(stake) FILTER (WHERE status = 'pending'), 0)::numeric(12,2)::text AS open_stake,
       coalesce(sum(potential_payout) FILTER (WHERE status = 'pending'), 0)::numeric(12,2)::text AS open_potential_payout,
       count(*) FILTER (WHERE status IN ('win', 'loss', 'void'))::int AS settled_bets,
       coalesce(sum(result) FILTER (WHERE status IN ('win', 'loss', 'void')), 0)::numeric(12,2)::text AS realized_pnl,
       (avg(clv) FILTER (WHERE closed_at IS NOT NULL))::numeric(10,4)::text AS average_clv,
       (avg(clv_consensus) FILTER (WHERE closed_at IS NOT NULL))::numeric(10,4)::text AS average_clv_consensus,
       count(*) FILTER (WHERE closed_at IS NOT NULL)::int AS clv_bets
  FROM placed_bets`;
