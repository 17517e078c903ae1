// What each sink kind is sent: the generic webhook gets the JSON envelope signed with HMAC-SHA256
// over `${timestamp}.${body}`; Slack gets `{ text }`, Discord `{ content }`, ntfy a plain-text body
// with a title header. Every request carries the stable event id.
import { createHmac, timingSafeEqual } from "node:crypto";
import type { EventBody, EventEnvelope } from "./event-types.ts";
import type { NotificationSink } from "./sinks.ts";

export const EVENT_ID_HEADER = "x-edgeline-event-id";
export const TIMESTAMP_HEADER = "x-edgeline-timestamp";
export const SIGNATURE_HEADER = "x-edgeline-signature";
/** A receiver should refuse a signature whose timestamp is further than this from its clock. */
export const REPLAY_WINDOW_SECONDS = 300;

export interface SinkRequest {
  headers: Record<string, string>;
  body: string;
}

/** `v1=` + hex HMAC-SHA256 of `${timestamp}.${body}` under the sink's secret. */
export function signature(secret: string, timestamp: number, body: string): string {
  return `v1=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
}

/** A receiver's check: the signature matches and the timestamp is within the replay window. */
export function verifySignature(
  secret: string,
  headers: { timestamp: string | undefined; signature: string | undefined },
  body: string,
  nowSeconds = Math.floor(Date.now() / 1000),
): boolean {
  const ts = Number(headers.timestamp);
  if (!Number.isInteger(ts) || Math.abs(nowSeconds - ts) > REPLAY_WINDOW_SECONDS || !headers.signature)
    return false;
  const expected = Buffer.from(signature(secret, ts, body));
  const given = Buffer.from(headers.signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** One line a person reads: the title and the text of chat and ntfy messages. */
export function describeEvent(event: EventBody): { title: string; text: string } {
  switch (event.type) {
    case "recommendation.created": {
      const d = event.data;
      const line = d.line === null ? "" : ` ${d.line}`;
      return {
        title: `Value bet: ${d.sport} ${d.side}`,
        text: `${d.sport} ${d.gameId}: ${d.market} ${d.side}${line} at ${d.price ?? "?"} (${d.bookmaker ?? "?"}), edge ${d.edge}, stake ${d.stake}`,
      };
    }
    case "manual_bet.awaiting": {
      const d = event.data;
      return {
        title: `Place by hand at ${d.venue}`,
        text: `${d.selection}: stake ${d.stake} at odds ${d.minOdds} or better, before ${d.deadline} (bet ${d.betId})`,
      };
    }
    case "bet.placed": {
      const d = event.data;
      return {
        title: `Bet placed (${d.mode})`,
        text: `${d.betId}: ${d.market} ${d.outcome}, stake ${d.stake} at ${d.odds} on ${d.venue}`,
      };
    }
    case "bet.filled":
      return {
        title: "Bet filled",
        text: `${event.data.betId}: ${event.data.stake} at ${event.data.odds} on ${event.data.venue}`,
      };
    case "bet.settled": {
      const d = event.data;
      return {
        title: `Bet ${d.status}`,
        text: `${d.betId}: ${d.status}, stake ${d.stake} at ${d.odds}, result ${d.result ?? "n/a"} (${d.venue}, ${d.mode})`,
      };
    }
    case "run.failed": {
      const d = event.data;
      return {
        title: `Run failed: ${d.sport ?? "hourly"} ${d.step}`,
        text: `${d.sport ?? "hourly"} ${d.step} for ${d.runDate} failed after ${d.attempts} attempt(s): ${d.error}`,
      };
    }
    case "risk.refused":
      return {
        title: `Risk refusal: ${event.data.reason}`,
        text: `${event.data.betId ?? "order"} refused (${event.data.reason}): ${event.data.detail}`,
      };
    case "kill_switch.toggled":
      return {
        title: `Kill switch ${event.data.enabled ? "ON: betting stopped" : "off: betting resumed"}`,
        text: `by ${event.data.by}${event.data.reason ? `: ${event.data.reason}` : ""}`,
      };
    case "notify.test":
      return { title: "Edgeline test notification", text: `${event.data.message} (sink ${event.data.sink})` };
    case "daily.summary": {
      const d = event.data;
      return {
        title: `Edgeline daily summary ${d.date}`,
        text: `${d.recommendations} recommendations, ${d.betsPlaced} bets placed, ${d.betsSettled} settled (profit ${d.settledProfit}), open exposure ${d.openExposure}, bankroll ${d.bankroll ?? "n/a"}`,
      };
    }
  }
}

/** The headers and body of one delivery attempt to a sink (signed at `now`). */
export function sinkRequest(sink: NotificationSink, envelope: EventEnvelope, now = new Date()): SinkRequest {
  const base = { [EVENT_ID_HEADER]: envelope.id, "user-agent": "Edgeline-Notify/1" };
  const { title, text } = describeEvent(envelope as EventBody);
  switch (sink.kind) {
    case "webhook": {
      const body = JSON.stringify(envelope);
      const timestamp = Math.floor(now.getTime() / 1000);
      return {
        body,
        headers: {
          ...base,
          "content-type": "application/json",
          [TIMESTAMP_HEADER]: String(timestamp),
          [SIGNATURE_HEADER]: signature(sink.secret ?? "", timestamp, body),
        },
      };
    }
    case "slack":
      return {
        body: JSON.stringify({ text: `*${title}*\n${text}` }),
        headers: { ...base, "content-type": "application/json" },
      };
    case "discord":
      return {
        body: JSON.stringify({ content: `**${title}**\n${text}`.slice(0, 2000) }),
        headers: { ...base, "content-type": "application/json" },
      };
    case "ntfy":
      // HTTP headers are ASCII: the title drops anything else (the body keeps it).
      return {
        body: text,
        headers: {
          ...base,
          "content-type": "text/plain; charset=utf-8",
          title: title.replace(/[^\x20-\x7e]/g, ""),
        },
      };
  }
}
