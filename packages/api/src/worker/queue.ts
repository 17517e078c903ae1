// Queueing: the API the CLI, the crontab and GraphQL call. Jobs are added with graphile-worker's
// own `add_job` SQL function, so a step's successor is queued in the same transaction that
// commits the step's rows (and a queued pipeline_runs row goes with every job).
import {
  DAG_NAME,
  DAG_STEPS,
  HOURLY_DAG,
  HOURLY_QUEUE_NAME,
  type HourlyJobName,
  hourlyJobKey,
  hourOf,
  normaliseSportCode,
  type PipelineRun,
  type PluginRegistry,
  type Queryable,
  queueRun,
  type RunKey,
  runDateSchema,
  type StepName,
  sportQueueName,
  stepJobKey,
  stepNameSchema,
  withTransaction,
} from "@edgeline/core";
import type pg from "pg";
import { z } from "zod";
import { ensureWorkerSchema } from "./worker-schema.ts";

/** Payload of a step job: the step, and the rest of its run (queued one by one on success). */
export interface StepPayload {
  dag: string;
  sport: string;
  date: string;
  step: StepName;
  /** Every step of this run, in order; the next one is queued when `step` succeeds. */
  chain: StepName[];
}

export const stepPayloadSchema = z.object({
  dag: z.string(),
  sport: z.string().transform(normaliseSportCode),
  date: runDateSchema,
  step: stepNameSchema,
  chain: z.array(stepNameSchema).min(1),
});

export interface HourlyPayload {
  job: HourlyJobName;
  /** ISO instant of the hour the job is for. */
  at: string;
}

export const DEFAULT_MAX_ATTEMPTS = 3;

export function stepRunKey(p: Pick<StepPayload, "dag" | "sport" | "date" | "step">): RunKey {
  return {
    dag: p.dag,
    sport: p.sport,
    step: p.step,
    runDate: p.date,
    jobKey: stepJobKey(p.sport, p.date, p.step, p.dag),
  };
}

/** Both chains' steps, in DAG order. */
export function mergeChains(a: readonly StepName[], b: readonly StepName[]): StepName[] {
  return DAG_STEPS.filter((s) => a.includes(s) || b.includes(s));
}

/**
 * The chain of the job waiting (not yet running) under `jobKey`, if any. graphile-worker's public
 * `jobs` view has no payload, so this reads its table.
 */
async function waitingChain(db: Queryable, jobKey: string): Promise<StepName[] | undefined> {
  const { rows } = await db.query(
    "SELECT payload FROM graphile_worker._private_jobs WHERE key = $1 AND locked_at IS NULL",
    [jobKey],
  );
  const parsed = stepPayloadSchema.safeParse(rows[0]?.payload);
  return parsed.success ? parsed.data.chain : undefined;
}

/**
 * Adds one step job and its queued pipeline_runs row. A job waiting with the same key is replaced
 * (duplicates collapse) by one whose chain has the steps of both, so asking for a day's run again
 * with fewer steps never drops the later steps of the first request. Runs on `db`, which may be an
 * open transaction (then two requests for the same key take turns).
 */
export async function addStepJob(
  db: Queryable,
  requested: StepPayload,
  opts: { maxAttempts?: number; runAt?: Date; priority?: number } = {},
): Promise<PipelineRun> {
  const key = stepRunKey(requested);
  await db.query("SELECT pg_advisory_xact_lock(hashtext($1))", [key.jobKey]);
  const waiting = await waitingChain(db, key.jobKey);
  const payload = waiting ? { ...requested, chain: mergeChains(waiting, requested.chain) } : requested;
  await db.query(
    `SELECT graphile_worker.add_job($1, $2::json, queue_name => $3, run_at => $4::timestamptz,
       max_attempts => $5, job_key => $6, priority => $7, job_key_mode => 'replace')`,
    [
      payload.step,
      JSON.stringify(payload),
      sportQueueName(payload.sport, payload.dag),
      opts.runAt?.toISOString() ?? null,
      opts.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
      key.jobKey,
      opts.priority ?? 0,
    ],
  );
  return queueRun(db, key);
}

export const queueDagInputSchema = z.object({
  sport: z.string().min(1),
  date: runDateSchema,
  /** Steps to run (in DAG order); all six when omitted. */
  steps: z.array(stepNameSchema).min(1).optional(),
});
export type QueueDagInput = z.input<typeof queueDagInputSchema>;

export interface QueueOptions {
  pool: pg.Pool;
  /** Given, the sport must be one of its plugins. */
  plugins?: PluginRegistry;
  maxAttempts?: number;
}

/** The validated sport code: upper-case and known to the registry (when one is given). */
export function checkSport(sport: string, plugins?: PluginRegistry): string {
  const code = normaliseSportCode(sport);
  if (plugins && !plugins.get(code)) {
    throw new Error(
      `unknown sport "${sport}"; loaded sports: ${plugins
        .list()
        .map((p) => p.code)
        .join(", ")}`,
    );
  }
  return code;
}

/**
 * Queues a sport's run for a day: its first step now, the others as each one before succeeds.
 * Returns the queued pipeline_runs row of the first step (an existing one if that step was
 * already waiting), whose run_id marks where this run's history starts.
 */
export async function queueDag(
  input: QueueDagInput,
  opts: QueueOptions,
): Promise<{ sport: string; date: string; steps: StepName[]; runs: PipelineRun[] }> {
  const parsed = queueDagInputSchema.parse(input);
  const sport = checkSport(parsed.sport, opts.plugins);
  const steps = DAG_STEPS.filter((s) => !parsed.steps || parsed.steps.includes(s));
  const first = steps[0]!;
  await ensureWorkerSchema(opts.pool);
  const run = await withTransaction(opts.pool, (client) =>
    addStepJob(client, { dag: DAG_NAME, sport, date: parsed.date, step: first, chain: steps }, opts),
  );
  return { sport, date: parsed.date, steps, runs: [run] };
}

export const queueBackfillInputSchema = z
  .object({
    sport: z.string().min(1),
    from: runDateSchema,
    to: runDateSchema,
    steps: z.array(stepNameSchema).min(1).optional(),
  })
  .refine((v) => v.from <= v.to, { message: "from is after to", path: ["from"] })
  .refine((v) => (Date.parse(v.to) - Date.parse(v.from)) / 86_400_000 < 366, {
    message: "a backfill covers at most 366 days",
    path: ["to"],
  });
export type QueueBackfillInput = z.input<typeof queueBackfillInputSchema>;

/** Days from..to inclusive. */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    days.push(new Date(t).toISOString().slice(0, 10));
  }
  return days;
}

/**
 * Queues one run per day. Earlier days get higher priority, so on the sport's queue a day's
 * steps run before the next day's (graphile-worker takes lower priority numbers first).
 */
export async function queueBackfill(
  input: QueueBackfillInput,
  opts: QueueOptions,
): Promise<{ sport: string; days: string[]; steps: StepName[]; runs: PipelineRun[] }> {
  const parsed = queueBackfillInputSchema.parse(input);
  const sport = checkSport(parsed.sport, opts.plugins);
  const steps = DAG_STEPS.filter((s) => !parsed.steps || parsed.steps.includes(s));
  const days = daysBetween(parsed.from, parsed.to);
  await ensureWorkerSchema(opts.pool);
  const runs = await withTransaction(opts.pool, async (client) => {
    const out: PipelineRun[] = [];
    for (const [i, date] of days.entries()) {
      out.push(
        await addStepJob(
          client,
          { dag: DAG_NAME, sport, date, step: steps[0]!, chain: steps },
          {
            ...opts,
            priority: backfillPriority(i),
          },
        ),
      );
    }
    return out;
  });
  return { sport, days, steps, runs };
}

/** Priority of the i-th day of a backfill, carried by all of that day's steps. */
export function backfillPriority(dayIndex: number): number {
  return Math.min(dayIndex, 32_767);
}

/** Queues an hourly job for the hour of `at` (default now); one job per hour and job. */
export async function queueHourly(
  job: HourlyJobName,
  opts: { pool: pg.Pool; at?: Date; maxAttempts?: number },
): Promise<PipelineRun> {
  const at = hourOf(opts.at ?? new Date());
  await ensureWorkerSchema(opts.pool);
  return withTransaction(opts.pool, (client) => addHourlyJob(client, job, at, opts.maxAttempts));
}

export async function addHourlyJob(
  db: Queryable,
  job: HourlyJobName,
  at: Date,
  maxAttempts?: number,
): Promise<PipelineRun> {
  const jobKey = hourlyJobKey(job, at);
  const payload: HourlyPayload = { job, at: at.toISOString() };
  await db.query(
    `SELECT graphile_worker.add_job($1, $2::json, queue_name => $3, max_attempts => $4, job_key => $5,
       job_key_mode => 'replace')`,
    [job, JSON.stringify(payload), HOURLY_QUEUE_NAME, maxAttempts ?? DEFAULT_MAX_ATTEMPTS, jobKey],
  );
  return queueRun(db, {
    dag: HOURLY_DAG,
    sport: null,
    step: job,
    runDate: at.toISOString().slice(0, 10),
    jobKey,
  });
}
