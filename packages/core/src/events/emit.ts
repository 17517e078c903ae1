// `emitEvent`: the one way to raise an event. In the caller's transaction it writes the event to
// the outbox (notification_events) and, for every configured sink that takes its type, a delivery
// row and a graphile-worker job that will send it. So an event exists if and only if what caused
// it committed, delivery happens after the commit (never delaying the pipeline), and a rerun that
// emits the same event (same type and key) adds nothing: the id is derived from them.
import { createHash } from "node:crypto";
import { loadConfig } from "../config/config.ts";
import { processMetrics, recordRiskRefusal } from "../metrics/metrics.ts";
import type { Queryable } from "../repositories/queryable.ts";
import { type EdgelineEvent, type EventType, eventSchemas } from "./event-types.ts";
import { acceptsEvent, type NotificationSink } from "./sinks.ts";

/** graphile-worker task that delivers one notification (the API's worker registers it). */
export const NOTIFY_DELIVER_TASK = "notify_deliver";

/** The stable id of an event: the same type and key always give the same id. */
export function eventId(type: EventType, key: string): string {
  return `evt_${createHash("sha256").update(`${type}\u0000${key}`).digest("hex").slice(0, 32)}`;
}

export interface EmitOptions {
  /** @defaultValue the configured sinks (EDGELINE_NOTIFY_SINKS) */
  sinks?: readonly NotificationSink[];
  /** @defaultValue now */
  occurredAt?: Date;
}

/** An event to emit, with when it happened. @defaultValue occurredAt: now */
export interface EventToEmit {
  event: EdgelineEvent;
  occurredAt?: Date;
}

/** Emits an event; returns its id, or undefined when it had been emitted already. */
export async function emitEvent(
  db: Queryable,
  event: EdgelineEvent,
  opts: EmitOptions = {},
): Promise<string | undefined> {
  const [id] = await emitEvents(
    db,
    [{ event, ...(opts.occurredAt ? { occurredAt: opts.occurredAt } : {}) }],
    opts,
  );
  return id;
}

/**
 * Emits a step's events in one statement (a day's bets or recommendations are many); returns the
 * ids of those not emitted before. Deliveries follow for every configured sink that takes each.
 */
export async function emitEvents(
  db: Queryable,
  items: readonly EventToEmit[],
  opts: Pick<EmitOptions, "sinks"> = {},
): Promise<string[]> {
  if (items.length === 0) return [];
  const rows = items.map(({ event, occurredAt }) => ({
    event,
    id: eventId(event.type, event.key),
    payload: JSON.stringify(eventSchemas[event.type].parse(event.data)),
    at: (occurredAt ?? new Date()).toISOString(),
  }));
  const inserted = await db.query<{ event_id: string }>(
    `INSERT INTO notification_events (event_id, event_type, payload, occurred_at)
     SELECT * FROM unnest($1::varchar[], $2::varchar[], $3::jsonb[], $4::timestamptz[])
     ON CONFLICT (event_id) DO NOTHING RETURNING event_id`,
    [rows.map((r) => r.id), rows.map((r) => r.event.type), rows.map((r) => r.payload), rows.map((r) => r.at)],
  );
  const fresh = new Set(inserted.rows.map((r) => r.event_id));
  const configured = opts.sinks ?? loadConfig().notify.sinks;
  const emitted: string[] = [];
  for (const r of rows) {
    // A batch naming one event twice inserts it once: the first occurrence is the new one.
    if (!fresh.delete(r.id)) continue;
    countEvent(r.event);
    for (const sink of configured) if (acceptsEvent(sink, r.event.type)) await queueDelivery(db, r.id, sink);
    emitted.push(r.id);
  }
  return emitted;
}

/** A delivery row and its job (a second one for the same event and sink is a no-op). */
export async function queueDelivery(db: Queryable, id: string, sink: NotificationSink): Promise<void> {
  const deliveryId = await createDelivery(db, id, sink.name);
  if (deliveryId === undefined) return;
  await db.query(
    `SELECT graphile_worker.add_job($1, json_build_object('deliveryId', $2::text),
       max_attempts => $3, job_key => $4)`,
    [NOTIFY_DELIVER_TASK, deliveryId, sink.maxAttempts, `notify:${deliveryId}`],
  );
}

/** The delivery row of an event to a sink; undefined when it exists already. */
export async function createDelivery(db: Queryable, id: string, sink: string): Promise<string | undefined> {
  const { rows } = await db.query<{ delivery_id: string }>(
    `INSERT INTO notification_deliveries (event_id, sink) VALUES ($1, $2)
     ON CONFLICT (event_id, sink) DO NOTHING RETURNING delivery_id::text`,
    [id, sink],
  );
  return rows[0]?.delivery_id;
}

// The counters of things that happened, counted once per event (a rerun emits nothing new).
function countEvent(event: EdgelineEvent): void {
  const m = processMetrics();
  if (event.type === "recommendation.created") m.recommendationsCreated.inc({ sport: event.data.sport });
  if (event.type === "bet.placed") m.betsPlaced.inc({ venue: event.data.venue, mode: event.data.mode });
  if (event.type === "bet.settled")
    m.betsSettled.inc({ venue: event.data.venue, mode: event.data.mode, status: event.data.status });
  if (event.type === "risk.refused") recordRiskRefusal(event.data.reason, m);
}
