// bet_sync_hourly -> placed_bets: statuses and results of pending bets, as the broker reports them
// (the paper broker grades them with the settlement module's `settleBet`, on final scores).
// Settlement of yesterday's bets happens here.
import { emitBetSettledEvents } from "../events/pipeline-events.ts";
import { pendingBets, updateBetStatuses } from "../repositories/placed-bets.ts";
import type { HourlyJobDefinition } from "./step.ts";

export const betSyncHourly: HourlyJobDefinition = {
  name: "bet_sync_hourly",
  async prepare(deps) {
    const updates = await deps.broker.syncBets(
      await pendingBets(deps.pool, deps.broker.bookmaker),
      deps.now(),
    );
    return async (client) => {
      const written = await updateBetStatuses(client, updates);
      await emitBetSettledEvents(client, deps.plugins, updates);
      return written;
    };
  },
};
