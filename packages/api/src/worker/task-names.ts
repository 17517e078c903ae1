// graphile-worker task identifiers. Step tasks are named after the seed's tasks; `daily_dag` is
// the cron entry that queues a sport's run.
import { DAG_STEPS, HOURLY_JOBS } from "@edgeline/core";

export const DAILY_DAG_TASK = "daily_dag";

/** Every task identifier Edgeline's worker runs (stuck-job recovery only touches these). */
export const TASK_IDENTIFIERS: readonly string[] = [...DAG_STEPS, ...HOURLY_JOBS, DAILY_DAG_TASK];
