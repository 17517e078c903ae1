// graphile-worker task identifiers. Step tasks are named after the seed's tasks; `daily_dag` is
// the cron entry that queues a sport's run.
import { DAG_STEPS, HOURLY_JOBS, NOTIFY_DELIVER_TASK } from "@edgeline/core";

export const DAILY_DAG_TASK = "daily_dag";

/** The crontab's daily notification summary. */
export const DAILY_SUMMARY_TASK = "notify_daily_summary";

/** Every task identifier Edgeline's worker runs (stuck-job recovery only touches these). */
export const TASK_IDENTIFIERS: readonly string[] = [
  ...DAG_STEPS,
  ...HOURLY_JOBS,
  DAILY_DAG_TASK,
  NOTIFY_DELIVER_TASK,
  DAILY_SUMMARY_TASK,
];
