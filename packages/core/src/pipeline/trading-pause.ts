// The kill switch as the steps obey it: the reason no order may go out now, or undefined.

import type { Queryable } from "../repositories/queryable.ts";
import { tradingSwitch } from "../repositories/trading-switch.ts";

export async function tradingPaused(db: Queryable): Promise<string | undefined> {
  const s = await tradingSwitch(db);
  if (!s.paused) return undefined;
  const by = s.changedBy ? ` by ${s.changedBy}` : "";
  const at = s.changedAt ? ` at ${s.changedAt.toISOString()}` : "";
  return `trading paused${by}${at}${s.reason ? `: ${s.reason}` : ""}`;
}
