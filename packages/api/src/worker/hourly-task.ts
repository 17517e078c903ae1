// The graphile-worker task of an hourly job (portfolio snapshot, bet sync), with the same
// pipeline_runs bookkeeping as a step. From the crontab the hour is the cron tick's; queued by
// hand it is the payload's.
import {
  failRun,
  HOURLY_JOB_DEFINITIONS,
  hourlyJobKey,
  hourlyJobSchema,
  hourOf,
  type PipelineDeps,
  queueRun,
  type RunKey,
  startRun,
  succeedRun,
  withTransaction,
} from "@edgeline/core";
import type { Task } from "graphile-worker";
import { z } from "zod";
import { errorMessage } from "./step-task.ts";
import { HOURLY_DAG } from "./task-names.ts";

const payloadSchema = z.object({
  at: z.string().datetime({ offset: true }).optional(),
  _cron: z.object({ ts: z.string() }).optional(),
});

export function hourlyTask(deps: PipelineDeps, name: string): Task {
  const job = hourlyJobSchema.parse(name);
  return async (rawPayload, helpers) => {
    const payload = payloadSchema.parse(rawPayload ?? {});
    const at = hourOf(new Date(payload._cron?.ts ?? payload.at ?? deps.now().toISOString()));
    const key: RunKey = {
      dag: HOURLY_DAG,
      sport: null,
      step: job,
      runDate: at.toISOString().slice(0, 10),
      jobKey: hourlyJobKey(job, at),
    };
    const run = await startRun(deps.pool, key, helpers.job.attempts);
    try {
      const write = await HOURLY_JOB_DEFINITIONS[job].prepare(deps, at);
      await withTransaction(deps.pool, async (client) => {
        await succeedRun(client, run.runId, await write(client));
      });
    } catch (error) {
      await withTransaction(deps.pool, async (client) => {
        await failRun(client, run.runId, errorMessage(error));
        if (helpers.job.attempts < helpers.job.max_attempts)
          await queueRun(client, key, helpers.job.attempts + 1);
      });
      throw error;
    }
  };
}
