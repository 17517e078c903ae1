// A step is two phases: `prepare` does the slow, external part (HTTP, a broker) and returns a
// `write` that makes every change of the step on one transaction's client. The runner adds its
// own bookkeeping (pipeline_runs, the next step's job) to that transaction, so a step's rows, its
// success and its successor commit together or not at all.
import type pg from "pg";
import type { RunKey } from "../repositories/pipeline-runs.ts";
import type { PipelineDeps } from "./deps.ts";
import { hourlyJobKey, stepJobKey } from "./job-keys.ts";
import { executeRun } from "./run-execution.ts";
import { DAG_NAME, HOURLY_DAG, type HourlyJobName, type StepName } from "./steps.ts";

/** Writes a step's rows on an open transaction; returns rows written (inserted, changed, deleted). */
export type StepWrite = (client: pg.PoolClient) => Promise<number>;

export interface StepTarget {
  sport: string;
  /** The run's day, YYYY-MM-DD. */
  date: string;
}

export interface StepDefinition {
  name: StepName;
  prepare(deps: PipelineDeps, target: StepTarget): Promise<StepWrite>;
}

export interface HourlyJobDefinition {
  name: HourlyJobName;
  /** `at` is the instant the job runs for (its snapshot time). */
  prepare(deps: PipelineDeps, at: Date): Promise<StepWrite>;
}

/**
 * Takes the per-sport write lock for the rest of the transaction. Steps of one sport are already
 * serialised by their queue; this makes a hand-run step (CLI, test) safe against a worker too.
 */
export async function lockSport(client: pg.PoolClient, sport: string): Promise<void> {
  await client.query("SELECT pg_advisory_xact_lock(hashtext('edgeline:sport'), hashtext($1))", [sport]);
}

/**
 * Runs a step outside the worker (CLI, tests), with the same bookkeeping as the worker's: one
 * pipeline_runs row, one attempt. Returns rows written.
 */
export async function runStep(deps: PipelineDeps, step: StepDefinition, target: StepTarget): Promise<number> {
  const key: RunKey = {
    dag: DAG_NAME,
    sport: target.sport,
    step: step.name,
    runDate: target.date,
    jobKey: `${stepJobKey(target.sport, target.date, step.name)}:by-hand`,
  };
  return executeRun(deps.pool, { key, attempt: 1, maxAttempts: 1 }, () => step.prepare(deps, target));
}

/** Runs an hourly job outside the worker, with the same bookkeeping. Returns rows written. */
export async function runHourlyJob(deps: PipelineDeps, job: HourlyJobDefinition, at: Date): Promise<number> {
  const key: RunKey = {
    dag: HOURLY_DAG,
    sport: null,
    step: job.name,
    runDate: at.toISOString().slice(0, 10),
    jobKey: `${hourlyJobKey(job.name, at)}:by-hand`,
  };
  return executeRun(deps.pool, { key, attempt: 1, maxAttempts: 1 }, () => job.prepare(deps, at));
}
