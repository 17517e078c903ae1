// trading_switch: the kill switch, one row (id 1). Every worker reads it before each order, so a
// pause stops the next order of every process at once; no row means trading is on.
import type { Queryable } from "./queryable.ts";

export interface TradingSwitchState {
  paused: boolean;
  reason: string | null;
  changedAt: Date | null;
  changedBy: string | null;
}

/** The switch as it stands now. */
export async function tradingSwitch(db: Queryable): Promise<TradingSwitchState> {
  const { rows } = await db.query(
    "SELECT paused, reason, changed_at, changed_by FROM trading_switch WHERE id = 1",
  );
  const r = rows[0];
  if (!r) return { paused: false, reason: null, changedAt: null, changedBy: null };
  return { paused: r.paused, reason: r.reason, changedAt: r.changed_at, changedBy: r.changed_by };
}

/** Pauses or resumes trading; returns the new state. */
export async function setTradingSwitch(
  db: Queryable,
  change: { paused: boolean; reason?: string | null; by?: string | null; at?: Date },
): Promise<TradingSwitchState> {
  const { rows } = await db.query(
    `INSERT INTO trading_switch (id, paused, reason, changed_at, changed_by) VALUES (1, $1, $2, $3, $4)
     ON CONFLICT (id) DO UPDATE SET paused = $1, reason = $2, changed_at = $3, changed_by = $4
     RETURNING paused, reason, changed_at, changed_by`,
    [change.paused, change.reason ?? null, (change.at ?? new Date()).toISOString(), change.by ?? null],
  );
  const r = rows[0];
  return { paused: r.paused, reason: r.reason, changedAt: r.changed_at, changedBy: r.changed_by };
}
