// A step is two phases: `prepare` does the slow, external part (HTTP, a broker) and returns a
// `write` that makes every change of the step on one transaction's client. The runner adds its
// own bookkeeping (pipeline_runs, the next step's job) to that transaction, so a step's rows, its
// success and its successor commit together or not at all.
import type pg from "pg";
import { withTransaction } from "../repositories/queryable.ts";
import type { PipelineDeps } from "./deps.ts";
import type { HourlyJobName, StepName } from "./steps.ts";

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

/** Runs a step outside the worker: prepare, then write in one transaction. Returns rows written. */
export async function runStep(deps: PipelineDeps, step: StepDefinition, target: StepTarget): Promise<number> {
  const write = await step.prepare(deps, target);
  return withTransaction(deps.pool, async (client) => {
    await lockSport(client, target.sport);
    return write(client);
  });
}

export async function runHourlyJob(deps: PipelineDeps, job: HourlyJobDefinition, at: Date): Promise<number> {
  const write = await job.prepare(deps, at);
  return withTransaction(deps.pool, write);
}
