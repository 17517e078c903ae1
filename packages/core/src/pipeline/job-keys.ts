// Job keys and queue names. A job key names one step of one run, so queueing it twice collapses
// into one job (graphile-worker replaces a waiting job with the same key); the queue name is per
// sport, so one sport's steps run one at a time across every worker process.
import { DAG_NAME, type HourlyJobName, type StepName } from "./steps.ts";

/** `multi_sport_betting_workflow:NHL:2024-01-20:fetch_markets` */
export function stepJobKey(sport: string, date: string, step: StepName, dag = DAG_NAME): string {
  return `${dag}:${sport}:${date}:${step}`;
}

/** `multi_sport_betting_workflow:NHL`: serialises a sport's steps (graphile-worker named queue). */
export function sportQueueName(sport: string, dag = DAG_NAME): string {
  return `${dag}:${sport}`;
}

/** `bet_sync_hourly:2024-01-20T13`: one job per job and UTC hour. */
export function hourlyJobKey(job: HourlyJobName, hour: Date): string {
  return `${job}:${hour.toISOString().slice(0, 13)}`;
}

/** Hourly jobs run one at a time (a snapshot and a sync never interleave their reads). */
export const HOURLY_QUEUE_NAME = "hourly";
