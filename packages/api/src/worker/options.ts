// Worker and schedule options: what a worker process runs and how. From the configuration
// (workerOptionsFrom) or given by a caller (tests, the CLI's in-command worker), validated with zod.
import { type EdgelineConfig, loadConfig } from "@edgeline/core";
import { z } from "zod";

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "expected HH:MM (UTC, 24-hour)");

export const workerOptionsSchema = z.object({
  /** Jobs run at once in this process (different sports run in parallel; one sport never does). @defaultValue 4 */
  concurrency: z.number().int().min(1).max(64).default(4),
  /** Attempts per step before it fails for good (graphile-worker's max_attempts). @defaultValue 3 */
  maxAttempts: z.number().int().min(1).max(25).default(3),
  /** How often to look for jobs when no notification arrives, ms. @defaultValue 2000 */
  pollIntervalMs: z.number().int().min(50).default(2000),
  /** UTC time of the daily DAG run. @defaultValue "10:00" */
  dailyAt: hhmm.default("10:00"),
  /** Sports the schedule runs the DAG for; empty = every loaded plugin. @defaultValue [] */
  sports: z.array(z.string()).default([]),
  /** Missed cron runs younger than this are run on start-up (bounded backfill), hours. @defaultValue 36 */
  cronBackfillHours: z
    .number()
    .min(0)
    .max(24 * 7)
    .default(36),
  /** Run the crontab in this process. @defaultValue true */
  schedule: z.boolean().default(true),
  /** Run pipeline jobs in this process (false: crontab only). @defaultValue true */
  jobs: z.boolean().default(true),
  /**
   * Stuck-job recovery: how often to look for jobs locked by a worker that is gone, ms.
   * @defaultValue 15000
   */
  recoveryIntervalMs: z.number().int().min(50).default(15_000),
  /**
   * A job is only recovered when its lock is at least this old, ms (covers the moment between a
   * worker taking a job and registering its liveness). @defaultValue 30000
   */
  recoveryGraceMs: z.number().int().min(0).default(30_000),
  /** On SIGTERM, running jobs get this long to finish before they are released, ms. @defaultValue 25000 */
  shutdownTimeoutMs: z.number().int().min(0).default(25_000),
});

export type WorkerOptions = z.infer<typeof workerOptionsSchema>;
export type WorkerOptionsInput = z.input<typeof workerOptionsSchema>;

/** The worker options of the configuration (EDGELINE_WORKER_CONCURRENCY, EDGELINE_DAILY_AT, ...). */
export function workerOptionsFrom(config: EdgelineConfig = loadConfig()): WorkerOptionsInput {
  const w = config.worker;
  return {
    concurrency: w.concurrency,
    maxAttempts: w.maxAttempts,
    dailyAt: w.dailyAt,
    sports: w.scheduleSports,
    cronBackfillHours: w.cronBackfillHours,
    recoveryIntervalMs: w.recoveryIntervalMs,
    recoveryGraceMs: w.recoveryGraceMs,
    shutdownTimeoutMs: w.shutdownTimeoutMs,
  };
}

/** Parses options; throws listing every bad option by name. */
export function parseWorkerOptions(input: WorkerOptionsInput): WorkerOptions {
  const parsed = workerOptionsSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new Error(
    `invalid worker options:\n${parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n")}`,
  );
}
