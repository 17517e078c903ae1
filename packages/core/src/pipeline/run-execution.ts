// The one runner of a pipeline execution (a DAG step or an hourly job) with its pipeline_runs
// bookkeeping: the row becomes running; the slow external part runs (abandoned before writing if
// the process is stopping); then ONE transaction takes the sport's lock, writes the step's rows,
// marks the row succeeded and does what follows (the next step's job), so a step's rows, its
// success and its successor commit together or not at all. On failure the row becomes failed
// with the error and, when attempts remain, a queued row for the next attempt follows; the error
// is rethrown for graphile-worker to retry with its backoff. The worker's tasks and hand-run
// steps (CLI, tests) all go through here.
import type pg from "pg";
import { emitEvent } from "../events/emit.ts";
import { processMetrics } from "../metrics/metrics.ts";
import { failRun, queueRun, type RunKey, startRun, succeedRun } from "../repositories/pipeline-runs.ts";
import { withTransaction } from "../repositories/queryable.ts";
import { lockSport, type StepWrite } from "./step.ts";

export interface Execution {
  key: RunKey;
  /** This attempt's number (graphile-worker's job.attempts). */
  attempt: number;
  maxAttempts: number;
  /** Aborted on shutdown: the external part is abandoned before writing. */
  signal?: AbortSignal;
  /** More writes in the same transaction after the step's (e.g. queueing the next step). */
  onSuccess?: (client: pg.PoolClient, written: number) => Promise<void>;
}

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

/** Runs one execution with its bookkeeping; returns the rows the step wrote. */
export async function executeRun(
  pool: pg.Pool,
  execution: Execution,
  prepare: () => Promise<StepWrite>,
): Promise<number> {
  const { key } = execution;
  const run = await startRun(pool, key, execution.attempt);
  const labels = { sport: key.sport ?? "all", step: key.step };
  const metrics = processMetrics();
  const timer = metrics.stepDuration.startTimer(labels);
  metrics.stepRuns.inc(labels);
  try {
    // On shutdown the abort signal fires after the grace period: give up before writing (the job
    // goes back to the queue); a write already under way is short and allowed to finish.
    const write = await untilAborted(prepare(), execution.signal);
    return await withTransaction(pool, async (client) => {
      if (key.sport) await lockSport(client, key.sport);
      const written = await write(client);
      await succeedRun(client, run.runId, written);
      await execution.onSuccess?.(client, written);
      return written;
    });
  } catch (error) {
    metrics.stepFailures.inc(labels);
    // Without the database (a restart) the row cannot be closed now: the next attempt closes it
    // (startRun). The step's own error is the one graphile-worker records.
    await withTransaction(pool, async (client) => {
      await failRun(client, run.runId, errorMessage(error));
      if (execution.attempt < execution.maxAttempts) await queueRun(client, key, execution.attempt + 1);
      else await emitRunFailed(client, key, run.runId, execution.attempt, errorMessage(error));
    }).catch(() => {});
    throw error;
  } finally {
    timer();
  }
}

/** run.failed, once per run key: the step is out of attempts and its downstream steps will not run. */
async function emitRunFailed(
  client: pg.PoolClient,
  key: RunKey,
  runId: string | number,
  attempts: number,
  error: string,
): Promise<void> {
  await emitEvent(client, {
    type: "run.failed",
    key: `${key.jobKey}:${runId}`,
    data: { sport: key.sport, step: key.step, runDate: key.runDate, attempts, error: error.slice(0, 1000) },
  });
}
