// bet_sync_hourly -> placed_bets: statuses, results and fills of open bets as the broker that
// placed each reports them (paper and manual bets are graded by `settleBet` on final scores; an
// unconfirmed manual bet expires at its game's start), every change kept in its history; and the
// closing line of every bet whose game has started. Settlement of yesterday's bets happens here.
import { type BetStatusUpdate, groupBy } from "@edgeline/sdk";
import { emitBetFilledEvents } from "../events/execution-events.ts";
import { emitBetSettledEvents } from "../events/pipeline-events.ts";
import {
  pendingBets,
  recordClosingLines,
  type StatusChange,
  updateBetStatuses,
} from "../repositories/placed-bets.ts";
import { closingLinesDue } from "./closing-lines.ts";
import { routerOf } from "./deps.ts";
import type { HourlyJobDefinition } from "./step.ts";

export const betSyncHourly: HourlyJobDefinition = {
  name: "bet_sync_hourly",
  async prepare(deps) {
    const now = deps.now();
    const router = routerOf(deps);
    const groups = groupBy(await pendingBets(deps.pool), (bet) => router.brokerOf(bet));
    const changes: StatusChange[] = [];
    const venues = new Map<string, string>();
    for (const [broker, bets] of groups) {
      for (const b of bets) venues.set(b.betId, b.venue ?? broker.bookmaker.toLowerCase());
      const from = new Map(bets.map((b) => [b.betId, b.status]));
      const updates: BetStatusUpdate[] = await broker.syncBets(bets, now);
      for (const u of updates) if (from.has(u.betId)) changes.push({ ...u, from: from.get(u.betId)! });
    }
    const closes = await closingLinesDue(deps.pool, deps, now);
    return async (client) => {
      const written = await updateBetStatuses(client, changes, now);
      await emitBetSettledEvents(client, deps.plugins, changes);
      await emitBetFilledEvents(client, changes, (id) => venues.get(id) ?? "unknown");
      return written + (await recordClosingLines(client, closes));
    };
  },
};
