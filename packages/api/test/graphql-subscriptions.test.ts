// Subscriptions over Server-Sent Events, fed by PostgreSQL NOTIFY: rows are written on a separate
// connection (as the worker, in its own process, writes them), never through the API process.
import { createPgClient } from "@edgeline/core";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type Harness, type SseStream, startHarness, subscribeSse } from "./graphql-harness.ts";

let h: Harness;
let writer: pg.Client;

beforeAll(async () => {
  h = await startHarness();
  writer = createPgClient({ connectionString: h.db.url });
  await writer.connect();
});
afterAll(async () => {
  await writer?.end();
  await h?.close();
});

const subscribe = (query: string, key: string | null) => subscribeSse(h.url, query, key);

type SseEvent = Awaited<ReturnType<SseStream["next"]>>;

/**
 * Writes until the subscriber has seen an event that `wanted` accepts: the SSE response can arrive
 * a moment before the subscription's listener is attached, so the first write may be missed, and a
 * NOTIFY from a write made before subscribing may still be on its way, so it can arrive first
 * (bounded: 25 tries).
 */
async function writeUntilSeen(
  stream: SseStream,
  write: () => Promise<unknown>,
  wanted: (event: SseEvent) => boolean = () => true,
) {
  for (let attempt = 0; attempt < 25; attempt++) {
    await write();
    try {
      for (;;) {
        const event = await stream.next(200);
        if (wanted(event)) return event;
      }
    } catch {}
  }
  throw new Error("the subscription never saw the write");
}

describe("pipelineRunUpdated", () => {
  test("streams inserts and updates of pipeline runs of the chosen sport, written by another connection", async () => {
    const stream = await subscribe(
      `subscription { pipelineRunUpdated(sport: "NHL") { id sport step status rowsWritten } }`,
      h.keys.read,
    );
    expect(stream.status).toBe(200);
    expect(stream.contentType).toContain("text/event-stream");
    const insert = () =>
      writer.query(
        `INSERT INTO pipeline_runs (dag, sport, step, run_date, status) VALUES ('d', 'EPL', 'download_games', '2025-10-01', 'queued'),
                ('d', 'NHL', 'download_games', '2025-10-01', 'queued') RETURNING run_id`,
      );
    const first = await writeUntilSeen(stream, insert);
    const run = (first.data as { pipelineRunUpdated: { id: string; sport: string; status: string } })
      .pipelineRunUpdated;
    // The EPL row, inserted first in the same statement, was filtered out.
    expect(run).toMatchObject({ sport: "NHL", step: "download_games", status: "queued" });

    await writer.query("UPDATE pipeline_runs SET status = 'succeeded', rows_written = 42 WHERE run_id = $1", [
      run.id,
    ]);
    // Later inserts by the retry loop may be queued first; read until the update shows up.
    let updated: Record<string, unknown> | undefined;
    for (let i = 0; i < 30 && !updated; i++) {
      const event = (await stream.next()).data as { pipelineRunUpdated: Record<string, unknown> };
      if (event.pipelineRunUpdated.id === run.id) updated = event.pipelineRunUpdated;
    }
    expect(updated).toMatchObject({ id: run.id, status: "succeeded", rowsWritten: 42 });
    stream.close();
  });

  test("a lower-case sport filters as its code does", async () => {
    const stream = await subscribe(
      `subscription { pipelineRunUpdated(sport: "nhl") { sport step } }`,
      h.keys.read,
    );
    const event = await writeUntilSeen(
      stream,
      () =>
        writer.query(
          `INSERT INTO pipeline_runs (dag, sport, step, run_date, status) VALUES ('d', 'EPL', 'lower', '2025-10-02', 'queued'),
                ('d', 'NHL', 'lower', '2025-10-02', 'queued')`,
        ),
      (e) =>
        (e.data as { pipelineRunUpdated?: { step?: string } } | undefined)?.pipelineRunUpdated?.step ===
        "lower",
    );
    expect(event.data).toEqual({ pipelineRunUpdated: { sport: "NHL", step: "lower" } });
    stream.close();
  });

  test("needs a key when reads need one: 401 before any stream starts", async () => {
    const res = await fetch(h.url, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "text/event-stream" },
      body: JSON.stringify({ query: "subscription { pipelineRunUpdated { id } }" }),
    });
    expect(res.status).toBe(401);
    expect(res.headers.get("www-authenticate")).toContain("Bearer");
    await res.body?.cancel();
  });
});

describe("betUpdated", () => {
  test("streams a bet settled by another connection", async () => {
    await writer.query(
      `INSERT INTO placed_bets (bet_id, market_id, bookmaker, outcome, stake, odds, status)
       VALUES ('sub-bet-1', 'm1', 'kalshi', 'YES', 10.00, 2.0000, 'pending')`,
    );
    const stream = await subscribe(`subscription { betUpdated { id status result stake } }`, h.keys.read);
    // The INSERT's own NOTIFY can reach the API after the stream opens: skip it, wait for the win.
    const event = await writeUntilSeen(
      stream,
      () => writer.query("UPDATE placed_bets SET status = 'win', result = 10.00 WHERE bet_id = 'sub-bet-1'"),
      (e) => (e.data as { betUpdated?: { status?: string } } | undefined)?.betUpdated?.status === "win",
    );
    expect(event.data).toEqual({
      betUpdated: { id: "sub-bet-1", status: "win", result: "10.00", stake: "10.00" },
    });
    stream.close();
  });
});
