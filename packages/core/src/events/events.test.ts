// Events without a database: stable ids, the signed webhook and the chat bodies, the receiver's
// signature check and replay window, the sinks' configuration errors, and the committed JSON Schemas.
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../config/config.ts";
import { eventId } from "./emit.ts";
import type { EventEnvelope } from "./event-types.ts";
import { payloadSchemaFiles, schemasDir } from "./payload-schemas.ts";
import {
  SIGNATURE_HEADER,
  signature,
  sinkRequest,
  TIMESTAMP_HEADER,
  verifySignature,
} from "./sink-request.ts";
import { type NotificationSink, sinkSchema } from "./sinks.ts";

const envelope: EventEnvelope = {
  id: eventId("bet.settled", "bet-1:win"),
  type: "bet.settled",
  occurredAt: "2024-01-21T12:00:00.000Z",
  data: {
    betId: "bet-1",
    venue: "paper",
    mode: "paper",
    status: "win",
    stake: "10.00",
    odds: "2.5000",
    result: "15.00",
  },
};
const sink = (kind: NotificationSink["kind"]): NotificationSink =>
  sinkSchema.parse({ name: kind, kind, url: "http://127.0.0.1:1/x", secret: "0123456789abcdef" });
const NOW = new Date("2024-01-21T12:00:05Z");

describe("events", () => {
  it("an event's id depends only on its type and key", () => {
    expect(eventId("bet.settled", "bet-1:win")).toBe(envelope.id);
    expect(eventId("bet.settled", "bet-1:loss")).not.toBe(envelope.id);
    expect(eventId("bet.placed", "bet-1:win")).not.toBe(envelope.id);
    expect(envelope.id).toMatch(/^evt_[0-9a-f]{32}$/);
  });

  it("signs the webhook over timestamp and body; a receiver checks it within the replay window", () => {
    const req = sinkRequest(sink("webhook"), envelope, NOW);
    const ts = Math.floor(NOW.getTime() / 1000);
    expect(JSON.parse(req.body)).toEqual(envelope);
    expect(req.headers[TIMESTAMP_HEADER]).toBe(String(ts));
    expect(req.headers[SIGNATURE_HEADER]).toBe(signature("0123456789abcdef", ts, req.body));
    const headers = { timestamp: req.headers[TIMESTAMP_HEADER], signature: req.headers[SIGNATURE_HEADER] };
    expect(verifySignature("0123456789abcdef", headers, req.body, ts + 10)).toBe(true);
    expect(verifySignature("0123456789abcdef", headers, req.body, ts + 301)).toBe(false);
    expect(verifySignature("another-secret-xx", headers, req.body, ts)).toBe(false);
    expect(verifySignature("0123456789abcdef", headers, `${req.body} `, ts)).toBe(false);
  });

  it("speaks Slack, Discord and ntfy", () => {
    expect(JSON.parse(sinkRequest(sink("slack"), envelope, NOW).body)).toEqual({
      text: "*Bet win*\nbet-1: win, stake 10.00 at 2.5000, result 15.00 (paper, paper)",
    });
    expect(JSON.parse(sinkRequest(sink("discord"), envelope, NOW).body).content).toMatch(
      /^\*\*Bet win\*\*\n/,
    );
    const ntfy = sinkRequest(sink("ntfy"), envelope, NOW);
    expect(ntfy.headers.title).toBe("Bet win");
    expect(ntfy.headers["content-type"]).toMatch(/^text\/plain/);
    expect(ntfy.body).toContain("result 15.00");
  });

  it("refuses bad sinks naming the variable, the sink and the field", () => {
    const bad = (sinks: unknown) => () => loadConfig({ EDGELINE_NOTIFY_SINKS: JSON.stringify(sinks) });
    expect(bad([{ name: "a", kind: "webhook", url: "http://x" }])).toThrow(
      /EDGELINE_NOTIFY_SINKS\.0\.secret: a webhook sink needs a secret/,
    );
    expect(bad([{ name: "a", kind: "pager", url: "http://x" }])).toThrow(/EDGELINE_NOTIFY_SINKS\.0\.kind/);
    expect(
      bad([
        { name: "a", kind: "slack", url: "x" },
        { name: "a", kind: "slack", url: "http://x" },
      ]),
    ).toThrow(/EDGELINE_NOTIFY_SINKS\.0\.url[\s\S]*EDGELINE_NOTIFY_SINKS\.1\.name: duplicate sink a/);
    expect(() => loadConfig({ EDGELINE_NOTIFY_SINKS: "[{" })).toThrow(/EDGELINE_NOTIFY_SINKS: is not JSON/);
    expect(loadConfig({}).notify).toEqual({ sinks: [], minEdge: 0.05 });
  });

  it("the committed JSON Schemas are those of the code", () => {
    for (const { file, text } of payloadSchemaFiles()) {
      const path = `${schemasDir}${file}`;
      expect(
        existsSync(path),
        `${file} missing: pnpm exec tsx packages/core/src/events/payload-schemas.ts`,
      ).toBe(true);
      // Compared as JSON: the formatter may lay the committed files out its own way.
      expect(JSON.parse(readFileSync(path, "utf8")), `${file} is stale`).toEqual(JSON.parse(text));
    }
  });
});
