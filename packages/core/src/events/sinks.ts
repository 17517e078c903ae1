// Notification sinks, from EDGELINE_NOTIFY_SINKS (a JSON array, validated with the rest of the
// configuration): any number of generic webhooks (JSON, HMAC-SHA256 signed), Slack- and
// Discord-compatible incoming webhooks and plain-text POSTs (ntfy style).
import { z } from "zod";
import { EVENT_TYPES, type EventType } from "./event-types.ts";

export const SINK_KINDS = ["webhook", "slack", "discord", "ntfy"] as const;

export const sinkSchema = z.object({
  /** Names the sink in the delivery log and `notify test --sink`. */
  name: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, "lower-case letters, digits, - and _"),
  kind: z.enum(SINK_KINDS),
  url: z.string().url(),
  /** Shared secret of the webhook's signature (required for kind webhook). */
  secret: z.string().min(16, "at least 16 characters").optional(),
  /** Event types sent to this sink. @defaultValue every type */
  events: z.array(z.enum(EVENT_TYPES as [EventType, ...EventType[]])).optional(),
  /** Per-attempt timeout, ms. @defaultValue 10000 */
  timeoutMs: z.number().int().min(100).max(120_000).default(10_000),
  /** Attempts before a delivery is given up. @defaultValue 10 */
  maxAttempts: z.number().int().min(1).max(25).default(10),
});

export type NotificationSink = z.infer<typeof sinkSchema>;

export const sinksSchema = z
  .string()
  .default("[]")
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: "custom", message: "is not JSON (expected an array of sinks)" });
      return z.NEVER;
    }
  })
  .pipe(
    z.array(sinkSchema).superRefine((sinks, ctx) => {
      const seen = new Set<string>();
      sinks.forEach((s, i) => {
        if (seen.has(s.name))
          ctx.addIssue({ code: "custom", path: [i, "name"], message: `duplicate sink ${s.name}` });
        seen.add(s.name);
        if (s.kind === "webhook" && !s.secret)
          ctx.addIssue({ code: "custom", path: [i, "secret"], message: "a webhook sink needs a secret" });
      });
    }),
  );

export function acceptsEvent(sink: NotificationSink, type: EventType): boolean {
  return !sink.events || sink.events.includes(type);
}
