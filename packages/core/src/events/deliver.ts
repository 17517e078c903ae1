// Delivering one notification: the graphile-worker job `notify_deliver` calls this with its
// attempt number. It sends the event to its sink, records the attempt in the delivery log
// (attempts, last status, error) and throws on failure so graphile-worker retries it with its
// exponential backoff (exp(attempt) seconds) until the sink's maxAttempts; the event id stays the
// same across attempts, so a receiver that got a delivery whose answer was lost deduplicates it.
import { processMetrics } from "../metrics/metrics.ts";
import type { Queryable } from "../repositories/queryable.ts";
import type { EventEnvelope, EventType } from "./event-types.ts";
import { sinkRequest } from "./sink-request.ts";
import type { NotificationSink } from "./sinks.ts";

export interface DeliveryOutcome {
  delivered: boolean;
  /** HTTP status, "timeout", "network" or "no_sink". */
  status: string;
  error?: string;
}

export class DeliveryError extends Error {
  override name = "DeliveryError";
}

interface DeliveryRow {
  delivery_id: string;
  sink: string;
  status: string;
  event_id: string;
  event_type: EventType;
  payload: EventEnvelope["data"];
  occurred_at: Date;
}

/** Sends delivery `deliveryId` (attempt `attempt` of `maxAttempts`); throws when it must be retried. */
export async function deliverNotification(
  db: Queryable,
  deliveryId: string,
  opts: {
    sinks: readonly NotificationSink[];
    attempt: number;
    maxAttempts: number;
    fetch?: typeof fetch;
    now?: () => Date;
  },
): Promise<DeliveryOutcome> {
  const { rows } = await db.query<DeliveryRow>(
    `SELECT d.delivery_id::text, d.sink, d.status, e.event_id, e.event_type, e.payload, e.occurred_at
       FROM notification_deliveries d JOIN notification_events e USING (event_id)
      WHERE d.delivery_id = $1`,
    [deliveryId],
  );
  const row = rows[0];
  if (!row || row.status === "delivered") return { delivered: true, status: row ? "already" : "gone" };
  const sink = opts.sinks.find((s) => s.name === row.sink);
  const outcome = sink
    ? await send(
        sink,
        {
          id: row.event_id,
          type: row.event_type,
          occurredAt: row.occurred_at.toISOString(),
          data: row.payload,
        },
        opts.fetch ?? fetch,
        opts.now?.() ?? new Date(),
      )
    : { delivered: false, status: "no_sink", error: `sink ${row.sink} is no longer configured` };
  processMetrics().notificationDeliveries.inc({
    kind: sink?.kind ?? "unknown",
    outcome: outcome.delivered ? "delivered" : "failed",
  });
  const final = outcome.delivered || opts.attempt >= opts.maxAttempts;
  await db.query(
    `UPDATE notification_deliveries
        SET attempts = $2, last_status = $3, last_error = $4, updated_at = now(),
            status = $5::varchar, delivered_at = CASE WHEN $5::varchar = 'delivered' THEN now() END
      WHERE delivery_id = $1`,
    [
      deliveryId,
      opts.attempt,
      outcome.status,
      outcome.error?.slice(0, 500) ?? null,
      outcome.delivered ? "delivered" : final ? "failed" : "pending",
    ],
  );
  if (!outcome.delivered) throw new DeliveryError(`${row.sink}: ${outcome.error ?? outcome.status}`);
  return outcome;
}

async function send(
  sink: NotificationSink,
  envelope: EventEnvelope,
  fetchFn: typeof fetch,
  now: Date,
): Promise<DeliveryOutcome> {
  const request = sinkRequest(sink, envelope, now);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), sink.timeoutMs);
  try {
    const response = await fetchFn(sink.url, {
      method: "POST",
      headers: request.headers,
      body: request.body,
      signal: controller.signal,
    });
    const text = await response.text().catch(() => "");
    if (response.ok) return { delivered: true, status: String(response.status) };
    return {
      delivered: false,
      status: String(response.status),
      error: `HTTP ${response.status}: ${text.slice(0, 200)}`,
    };
  } catch (error) {
    if (controller.signal.aborted)
      return { delivered: false, status: "timeout", error: `timed out after ${sink.timeoutMs} ms` };
    return {
      delivered: false,
      status: "network",
      error: error instanceof Error ? error.message : String(error),
    };
  } finally {
    clearTimeout(timer);
  }
}
