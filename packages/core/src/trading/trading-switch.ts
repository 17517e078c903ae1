// Pausing and resuming trading (the kill switch) by a person: the switch row and its
// kill_switch.toggled event in one transaction. Setting it to what it already is changes the
// reason and who, but tells nobody again.
import type pg from "pg";
import { emitKillSwitchEvent } from "../events/execution-events.ts";
import { withTransaction } from "../repositories/queryable.ts";
import { setTradingSwitch, type TradingSwitchState, tradingSwitch } from "../repositories/trading-switch.ts";

export async function switchTrading(
  pool: pg.Pool,
  change: Parameters<typeof setTradingSwitch>[1],
): Promise<TradingSwitchState> {
  return withTransaction(pool, async (client) => {
    // The row is locked by the upsert; the state before it says whether this is a toggle.
    await client.query("LOCK TABLE trading_switch IN SHARE ROW EXCLUSIVE MODE");
    const before = await tradingSwitch(client);
    const after = await setTradingSwitch(client, change);
    if (before.paused !== after.paused) await emitKillSwitchEvent(client, after);
    return after;
  });
}
