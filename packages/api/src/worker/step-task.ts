// The graphile-worker task of a DAG step. Per execution: mark the pipeline_runs row running; do
// the step's external part; then, in ONE transaction, take the sport's lock, write the step's
// rows, mark the row succeeded and queue the next step. On failure the row becomes failed with
// the error, and when attempts remain a queued row for the next attempt is added; the error is
// rethrown so graphile-worker retries with its backoff (exp(attempt) seconds).
import {
  failRun,
  lockSport,
  type PipelineDeps,
  queueRun,
  STEP_DEFINITIONS,
  type StepDefinition,
  type StepName,
  startRun,
  stepsAfter,
  succeedRun,
  withTransaction,
} from "@edgeline/core";
import type { JobHelpers, Task } from "graphile-worker";
import { addStepJob, stepPayloadSchema, stepRunKey } from "./queue.ts";

export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}

/** `promise`, unless `signal` aborts first. */
export function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new Error("worker shutting down: step abandoned before writing"));
    if (signal.aborted) return onAbort();
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}

export function stepTask(
  deps: PipelineDeps,
  steps: Readonly<Record<StepName, StepDefinition>> = STEP_DEFINITIONS,
): Task {
  return async (rawPayload, helpers: JobHelpers) => {
    const payload = stepPayloadSchema.parse(rawPayload);
    const { job } = helpers;
    const key = stepRunKey(payload);
    const run = await startRun(deps.pool, key, job.attempts);
    const step = steps[payload.step];
    try {
      const stepDeps = { ...deps, signal: helpers.abortSignal };
      // On shutdown the abort signal fires after the grace period: give up before writing (the
      // job goes back to the queue); a write already under way is short and allowed to finish.
      const write = await untilAborted(
        step.prepare(stepDeps, { sport: payload.sport, date: payload.date }),
        helpers.abortSignal,
      );
      const written = await withTransaction(deps.pool, async (client) => {
        await lockSport(client, payload.sport);
        const n = await write(client);
        await succeedRun(client, run.runId, n);
        const next = stepsAfter(payload.chain, payload.step)[0];
        if (next) {
          await addStepJob(
            client,
            { ...payload, step: next },
            { maxAttempts: job.max_attempts, priority: job.priority },
          );
        }
        return n;
      });
      helpers.logger.info(`${key.jobKey}: ${written} rows`);
    } catch (error) {
      await withTransaction(deps.pool, async (client) => {
        await failRun(client, run.runId, errorMessage(error));
        if (job.attempts < job.max_attempts) await queueRun(client, key, job.attempts + 1);
      });
      throw error;
    }
  };
}
