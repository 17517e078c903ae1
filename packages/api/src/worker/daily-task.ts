// `daily_dag`: the cron entry of a sport. It only queues the sport's run for the day of the cron
// tick (the league's local day: a 10:00 UTC tick is that morning in North America), so a
// backfilled tick queues the day it was missed for.
import { calendarDayIn, DAG_NAME, DAG_STEPS, type PipelineDeps, withTransaction } from "@edgeline/core";
import type { Task } from "graphile-worker";
import { z } from "zod";
import { addStepJob } from "./queue.ts";

const payloadSchema = z.object({ sport: z.string(), _cron: z.object({ ts: z.string() }) });

export function dailyDagTask(deps: PipelineDeps, maxAttempts: number): Task {
  return async (rawPayload, helpers) => {
    const { sport, _cron } = payloadSchema.parse(rawPayload);
    const plugin = deps.plugins.require(sport);
    const date = calendarDayIn(new Date(_cron.ts), plugin.timeZone);
    await withTransaction(deps.pool, (client) =>
      addStepJob(
        client,
        { dag: DAG_NAME, sport, date, step: DAG_STEPS[0], chain: [...DAG_STEPS] },
        { maxAttempts },
      ),
    );
    helpers.logger.info(`queued ${DAG_NAME} for ${sport} ${date}`);
  };
}
