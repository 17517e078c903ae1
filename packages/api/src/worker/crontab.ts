// The schedule, as graphile-worker cron items with stable identifiers (renaming one would lose
// its backfill history): the daily DAG per enabled sport at a configurable UTC time, and the two
// hourly jobs. Runs missed while no worker was up are backfilled, bounded by `cronBackfillHours`.
import { HOURLY_JOBS, HOURLY_QUEUE_NAME, type PluginRegistry } from "@edgeline/core";
import { type CronItem, type ParsedCronItem, parseCronItems } from "graphile-worker";
import type { WorkerOptions } from "./options.ts";
import { DAILY_DAG_TASK, DAILY_SUMMARY_TASK } from "./task-names.ts";

/** Cron identifier of a sport's daily run: `daily_dag:NHL`. */
export function dailyCronIdentifier(sport: string): string {
  return `${DAILY_DAG_TASK}:${sport}`;
}

export function scheduledSports(plugins: PluginRegistry, options: Pick<WorkerOptions, "sports">): string[] {
  const all = plugins.list().map((p) => p.code);
  if (options.sports.length === 0) return all;
  for (const s of options.sports) {
    if (!all.includes(s.toUpperCase()))
      throw new Error(`scheduled sport "${s}" is not loaded; loaded: ${all.join(", ")}`);
  }
  return options.sports.map((s) => s.toUpperCase());
}

export function cronItems(plugins: PluginRegistry, options: WorkerOptions): CronItem[] {
  const [hour, minute] = options.dailyAt.split(":").map(Number);
  const backfillPeriod = options.cronBackfillHours * 3_600_000;
  const daily: CronItem[] = scheduledSports(plugins, options).map((sport) => ({
    task: DAILY_DAG_TASK,
    identifier: dailyCronIdentifier(sport),
    match: `${minute} ${hour} * * *`,
    payload: { sport },
    options: { backfillPeriod, maxAttempts: options.maxAttempts },
  }));
  const hourly: CronItem[] = HOURLY_JOBS.map((job) => ({
    task: job,
    identifier: job,
    match: "0 * * * *",
    // Only the last missed hour is worth catching up: an old snapshot cannot be taken late.
    options: {
      backfillPeriod: Math.min(backfillPeriod, 3_600_000),
      maxAttempts: options.maxAttempts,
      queueName: HOURLY_QUEUE_NAME,
    },
  }));
  // The previous UTC day's summary, at the daily run's time (a no-op when nobody listens: no sinks).
  const summary: CronItem = {
    task: DAILY_SUMMARY_TASK,
    identifier: DAILY_SUMMARY_TASK,
    match: `${minute} ${hour} * * *`,
    options: { backfillPeriod: Math.min(backfillPeriod, 86_400_000), maxAttempts: options.maxAttempts },
  };
  return [...daily, ...hourly, summary];
}

export function parsedCronItems(plugins: PluginRegistry, options: WorkerOptions): ParsedCronItem[] {
  return parseCronItems(cronItems(plugins, options));
}
