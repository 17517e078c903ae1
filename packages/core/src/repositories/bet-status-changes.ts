// bet_status_changes: the history of every placed bet's status (from, to, when, why). Rows are
// written by the statements that change placed_bets (placed-bets.ts, manual-bets.ts); this reads them.
import type { Queryable } from "./queryable.ts";

export interface BetStatusChangeRow {
  changeId: string;
  betId: string;
  fromStatus: string | null;
  toStatus: string;
  changedAt: Date;
  reason: string;
}

/** Appends one change (a decision taken outside a sync: a confirmation, a cancellation). */
export async function recordStatusChange(
  db: Queryable,
  change: Omit<BetStatusChangeRow, "changeId">,
): Promise<void> {
  await db.query(
    `INSERT INTO bet_status_changes (bet_id, from_status, to_status, changed_at, reason)
     VALUES ($1, $2, $3, $4, $5)`,
    [change.betId, change.fromStatus, change.toStatus, change.changedAt.toISOString(), change.reason],
  );
}

/** The history of some bets, oldest change first. */
export async function statusHistory(db: Queryable, betIds: readonly string[]): Promise<BetStatusChangeRow[]> {
  if (betIds.length === 0) return [];
  const { rows } = await db.query(
    `SELECT c.change_id::text AS id, c.bet_id, c.from_status, c.to_status, c.changed_at, c.reason
       FROM bet_status_changes c WHERE c.bet_id = ANY($1::varchar[]) ORDER BY c.bet_id, c.changed_at, c.change_id`,
    [betIds],
  );
  return rows.map((r) => ({
    changeId: r.id,
    betId: r.bet_id,
    fromStatus: r.from_status,
    toStatus: r.to_status,
    changedAt: r.changed_at,
    reason: r.reason,
  }));
}
