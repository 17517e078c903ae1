// portfolio_snapshots has no unique key; "one snapshot per hour" is enforced here: a
// transaction-scoped advisory lock on the hour, then insert only if that hour has no row yet.
import type { Decimal } from "decimal.js";
import type { Queryable } from "./queryable.ts";

export interface PortfolioSnapshotInput {
  snapshotTime: Date;
  totalValue: Decimal;
  cashBalance: Decimal;
  investedAmount: Decimal;
  unrealizedPnl: Decimal;
  realizedPnl: Decimal;
}

/** Start of the UTC hour containing `at`. */
export function hourOf(at: Date): Date {
  const d = new Date(at);
  d.setUTCMinutes(0, 0, 0);
  return d;
}

/**
 * Inserts the snapshot for the hour of `snapshotTime` unless that hour already has one. Must run in
 * a transaction (the advisory lock is released at commit). Returns 1 when inserted, else 0.
 */
export async function insertHourlySnapshot(db: Queryable, s: PortfolioSnapshotInput): Promise<number> {
  const hour = hourOf(s.snapshotTime).toISOString();
  await db.query("SELECT pg_advisory_xact_lock(hashtext('edgeline:portfolio_snapshot'), hashtext($1))", [
    hour,
  ]);
  const result = await db.query(
    `INSERT INTO portfolio_snapshots (snapshot_time, total_value, cash_balance, invested_amount, unrealized_pnl, realized_pnl)
     SELECT $1, $2, $3, $4, $5, $6
      WHERE NOT EXISTS (SELECT 1 FROM portfolio_snapshots
                         WHERE snapshot_time >= $7::timestamptz AND snapshot_time < $7::timestamptz + interval '1 hour')`,
    [
      s.snapshotTime.toISOString(),
      s.totalValue.toFixed(2),
      s.cashBalance.toFixed(2),
      s.investedAmount.toFixed(2),
      s.unrealizedPnl.toFixed(2),
      s.realizedPnl.toFixed(2),
      hour,
    ],
  );
  return result.rowCount ?? 0;
}
