// Feeds the GraphQL subscriptions from PostgreSQL: triggers on pipeline_runs and placed_bets
// NOTIFY on every insert or update (migration 20261128122509_api_keys), api_keys on every update or
// delete (20261130090000_api_key_notify, so that revoked keys leave the key cache), and one dedicated
// connection per API process LISTENs and republishes into the in-process pubsub. Any process
// that writes those tables (the worker, the CLI, another API) is therefore seen.

import { createPgClient } from "@edgeline/core";
import type pg from "pg";
import type { EdgelinePubSub } from "../graphql/context.ts";

export const CHANNELS = {
  pipelineRun: "edgeline_pipeline_run",
  placedBet: "edgeline_placed_bet",
  apiKey: "edgeline_api_key",
} as const;

export interface ChangeFeed {
  /** Resolves once LISTEN is in place (the first time). */
  ready: Promise<void>;
  close(): Promise<void>;
}

export interface ChangeFeedOptions {
  /** Called with connection errors; the feed reconnects by itself (changes meanwhile are missed). */
  onError?: (error: Error) => void;
  /** @defaultValue 1000 */
  reconnectDelayMs?: number;
}

function publish(pubsub: EdgelinePubSub, channel: string, payload: string | undefined): void {
  let data: Record<string, unknown>;
  try {
    data = JSON.parse(payload ?? "") as Record<string, unknown>;
  } catch {
    return;
  }
  const str = (v: unknown) => (typeof v === "string" ? v : null);
  if (channel === CHANNELS.pipelineRun && str(data.runId)) {
    pubsub.publish("pipelineRunUpdated", {
      runId: str(data.runId)!,
      sport: str(data.sport),
      status: str(data.status) ?? "",
    });
  } else if (channel === CHANNELS.placedBet && str(data.betId)) {
    pubsub.publish("betUpdated", { betId: str(data.betId)!, status: str(data.status) });
  } else if (channel === CHANNELS.apiKey && str(data.keyId)) {
    pubsub.publish("apiKeyChanged", { keyId: str(data.keyId)! });
  }
}

export function listenForChanges(
  connectionString: string,
  pubsub: EdgelinePubSub,
  options: ChangeFeedOptions = {},
): ChangeFeed {
  let client: pg.Client | null = null;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => {
    markReady = resolve;
  });

  const connect = async (): Promise<void> => {
    const c = createPgClient({
      connectionString,
      application_name: "edgeline-api-listen",
      onError: (error) => {
        // Closing ends a connection that may still be authenticating: its error is expected.
        if (!closed) options.onError?.(error);
        scheduleReconnect(c);
      },
    });
    client = c;
    c.on("notification", (msg) => publish(pubsub, msg.channel, msg.payload));
    c.on("end", () => scheduleReconnect(c));
    try {
      await c.connect();
      await c.query(
        `LISTEN ${CHANNELS.pipelineRun}; LISTEN ${CHANNELS.placedBet}; LISTEN ${CHANNELS.apiKey}`,
      );
      markReady();
    } catch (error) {
      if (!closed) options.onError?.(error as Error);
      scheduleReconnect(c);
    }
  };

  const scheduleReconnect = (c: pg.Client) => {
    if (closed || client !== c || retry) return;
    client = null;
    c.end().catch(() => {});
    retry = setTimeout(() => {
      retry = undefined;
      void connect();
    }, options.reconnectDelayMs ?? 1000);
  };

  void connect();
  return {
    ready,
    async close() {
      closed = true;
      clearTimeout(retry);
      const c = client;
      client = null;
      await c?.end().catch(() => {});
    },
  };
}
