// The graphile-worker task of an hourly job (portfolio snapshot, bet sync), through core's one
// runner with the same bookkeeping as a step. From the crontab the hour is the cron tick's; queued
// by hand it is the payload's.
import {
  executeRun,
  HOURLY_DAG,
  HOURLY_JOB_DEFINITIONS,
  hourlyJobKey,
  hourlyJobSchema,
  hourOf,
  type PipelineDeps,
  type RunKey,
} from "@edgeline/core";
import type { Task } from "graphile-worker";
import { z } from "zod";

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
    await executeRun(
      deps.pool,
      {
        key,
        attempt: helpers.job.attempts,
        maxAttempts: helpers.job.max_attempts,
        signal: helpers.abortSignal,
      },
      () => HOURLY_JOB_DEFINITIONS[job].prepare(deps, at),
    );
  };
}
