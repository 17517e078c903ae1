// The notification tasks: `notify_deliver` sends one delivery (retried by graphile-worker with its
// backoff until the sink's maxAttempts, which emitEvent set on the job), and
// `notify_daily_summary`, the crontab's daily summary of the previous UTC day.
import {
  deliverNotification,
  emitDailySummary,
  loadConfig,
  type NotificationSink,
  withTransaction,
} from "@edgeline/core";
import type { Task } from "graphile-worker";
import type pg from "pg";
import { z } from "zod";

const deliverPayload = z.object({ deliveryId: z.string().regex(/^\d+$/) });

export interface NotifyTaskOptions {
  /** @defaultValue the configured sinks, read at each attempt */
  sinks?: readonly NotificationSink[];
  fetch?: typeof fetch;
}

export function notifyDeliverTask(pool: pg.Pool, opts: NotifyTaskOptions = {}): Task {
  return async (raw, helpers) => {
    const { deliveryId } = deliverPayload.parse(raw);
    const sinks = opts.sinks ?? loadConfig().notify.sinks;
    await deliverNotification(pool, deliveryId, {
      sinks,
      attempt: helpers.job.attempts,
      maxAttempts: helpers.job.max_attempts,
      ...(opts.fetch ? { fetch: opts.fetch } : {}),
    });
  };
}

const summaryPayload = z.object({
  _cron: z.object({ ts: z.string() }).optional(),
  date: z.string().optional(),
});

export function dailySummaryTask(pool: pg.Pool): Task {
  return async (raw) => {
    const payload = summaryPayload.parse(raw ?? {});
    const tick = new Date(payload._cron?.ts ?? Date.now());
    // The summary of the day that has just ended (UTC).
    const date = payload.date ?? new Date(tick.getTime() - 86_400_000).toISOString().slice(0, 10);
    await withTransaction(pool, (client) => emitDailySummary(client, date));
  };
}
