// The GraphQL mutations' PipelineQueue over the worker's queueing API (worker/queue.ts): each call
// queues graphile-worker jobs with their pipeline_runs rows in one transaction, and reports the
// rows. The worker's input errors (zod) become argument errors naming the GraphQL argument.
import type { PluginRegistry } from "@edgeline/core";
import type pg from "pg";
import { ZodError } from "zod";
import { invalidArgument } from "../graphql/errors.ts";
import type { PipelineQueue, QueuedWork } from "../graphql/pipeline-queue.ts";
import { type QueueDagInput, queueBackfill, queueDag, queueHourly } from "../worker/queue.ts";
import { ensureWorkerSchema } from "../worker/worker-schema.ts";

async function queued(work: () => Promise<{ runs: { runId: string }[] }>): Promise<QueuedWork> {
  try {
    return { runIds: (await work()).runs.map((r) => r.runId) };
  } catch (error) {
    if (error instanceof ZodError) {
      const issue = error.issues[0]!;
      throw invalidArgument(issue.path.map(String).join(".") || "input", issue.message);
    }
    throw error;
  }
}

export function workerPipelineQueue(opts: { pool: pg.Pool; plugins?: PluginRegistry }): PipelineQueue {
  // graphile-worker's schema must exist before add_job; migrated once per pool.
  const afterSchema = <T>(work: () => Promise<T>) => ensureWorkerSchema(opts.pool).then(work);
  const hourly = (job: "bet_sync_hourly" | "portfolio_hourly_snapshot") =>
    queued(() => afterSchema(async () => ({ runs: [await queueHourly(job, { pool: opts.pool })] })));
  return {
    runPipeline: (input) => queued(() => afterSchema(() => queueDag(input as QueueDagInput, opts))),
    backfill: (input) => queued(() => afterSchema(() => queueBackfill(input, opts))),
    syncBets: () => hourly("bet_sync_hourly"),
    snapshotPortfolio: () => hourly("portfolio_hourly_snapshot"),
  };
}
