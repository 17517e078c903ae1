// The events Edgeline tells people about, as one typed union with a zod schema per type (the
// notification payloads' JSON Schemas are generated from these: docs/notifications/). Money is a
// decimal string, never a float; times are ISO-8601 UTC instants.
import { z } from "zod";

const money = z.string().regex(/^-?\d+(\.\d+)?$/, "a decimal amount");
const instant = z.string().datetime();
const mode = z.enum(["paper", "live", "manual"]);

export const eventSchemas = {
  "recommendation.created": z.object({
    recommendationId: z.number().int(),
    sport: z.string(),
    gameId: z.string(),
    market: z.string(),
    side: z.string(),
    bookmaker: z.string().nullable(),
    price: money.nullable(),
    line: money.nullable(),
    edge: money,
    stake: money,
    expiresAt: instant.nullable(),
  }),
  /** A bet a person must place at a book (the execution code raises it). */
  "manual_bet.awaiting": z.object({
    betId: z.string(),
    venue: z.string(),
    selection: z.string(),
    stake: money,
    minOdds: money,
    deadline: instant,
  }),
  "bet.placed": z.object({
    betId: z.string(),
    venue: z.string(),
    mode,
    gameId: z.string().nullable(),
    market: z.string(),
    outcome: z.string(),
    stake: money,
    odds: money,
  }),
  /** A live order filled at the venue (the execution code raises it). */
  "bet.filled": z.object({ betId: z.string(), venue: z.string(), stake: money, odds: money }),
  "bet.settled": z.object({
    betId: z.string(),
    venue: z.string(),
    mode,
    status: z.string(),
    stake: money,
    odds: money,
    result: money.nullable(),
  }),
  "run.failed": z.object({
    sport: z.string().nullable(),
    step: z.string(),
    runDate: z.string(),
    attempts: z.number().int(),
    error: z.string(),
  }),
  /** An order a risk check refused (the execution code raises it). */
  "risk.refused": z.object({
    reason: z.string(),
    venue: z.string().nullable(),
    betId: z.string().nullable(),
    stake: money.nullable(),
    detail: z.string(),
  }),
  /** Betting switched off or on for everything (the execution code raises it). */
  "kill_switch.toggled": z.object({ enabled: z.boolean(), by: z.string(), reason: z.string().nullable() }),
  "daily.summary": z.object({
    date: z.string(),
    recommendations: z.number().int(),
    betsPlaced: z.number().int(),
    betsSettled: z.number().int(),
    settledProfit: money,
    openExposure: money,
    bankroll: money.nullable(),
  }),
  /** A sample sent by `edgeline notify test`. */
  "notify.test": z.object({ message: z.string(), sink: z.string() }),
} as const;

export type EventType = keyof typeof eventSchemas;
export const EVENT_TYPES = Object.keys(eventSchemas) as EventType[];

/**
 * One event: its type, the key that makes it unique among events of that type (a recommendation's
 * id, a bet's id and status...; emitting the same key again is a no-op) and its data.
 */
export type EdgelineEvent = EventBody & { key: string };

/** An event's type and data (what receivers see), discriminated by type. */
export type EventBody = { [T in EventType]: { type: T; data: z.infer<(typeof eventSchemas)[T]> } }[EventType];

/** What every sink's receiver gets in the generic webhook's body. */
export interface EventEnvelope {
  id: string;
  type: EventType;
  occurredAt: string;
  data: EventBody["data"];
}

/** The JSON Schema of the generic webhook's body for one event type. */
export function envelopeJsonSchema(type: EventType): Record<string, unknown> {
  const envelope = z.object({
    id: z.string().describe("Stable event id: the same across retried deliveries; deduplicate on it."),
    type: z.literal(type),
    occurredAt: instant,
    data: eventSchemas[type],
  });
  return { title: `Edgeline ${type} notification`, ...z.toJSONSchema(envelope) };
}
