// Notifications end to end, to a local receiver over real HTTP: a paper-mode day of the pipeline
// sends one signed webhook per recommendation over the edge, per bet placed and per settlement
// (and the settlements to a Slack-style sink); a delivery answered 500, then not at all, is retried
// with the same event id until it lands; the delivery log in GraphQL and `edgeline notify`.
import {
  EVENT_ID_HEADER,
  emitDailySummary,
  emitEvent,
  SIGNATURE_HEADER,
  TIMESTAMP_HEADER,
  verifySignature,
  withTransaction,
} from "@edgeline/core";
import { createTestDatabase, type TestDatabase } from "@edgeline/core/testing";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queueDag, queueHourly, type WorkerHandle, waitForRun } from "../src/worker/index.ts";
import { type ReceivedRequest, startReceiver, startTestApi, type TestApi } from "./operations-helpers.ts";
import { paperDeps, startTestWorker, testPool, testRegistry, testWorld } from "./pipeline-helpers.ts";
import { runCli } from "./run-cli.ts";

const DAY = "2024-01-20";
const NEXT = "2024-01-21";
const SECRET = "shared-secret-for-the-test";
const world = testWorld(DAY);
const plugins = testRegistry(world);
let db: TestDatabase;
let pool: pg.Pool;
let worker: WorkerHandle;
let api: TestApi;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let clock = new Date(`${DAY}T12:00:00Z`);
let sinksEnv: string;

beforeAll(async () => {
  db = await createTestDatabase();
  pool = testPool(db.url);
  receiver = await startReceiver();
  sinksEnv = JSON.stringify([
    {
      name: "hook",
      kind: "webhook",
      url: `${receiver.url}/hook`,
      secret: SECRET,
      timeoutMs: 500,
      maxAttempts: 4,
    },
    { name: "chat", kind: "slack", url: `${receiver.url}/slack`, events: ["bet.settled"] },
    {
      name: "flaky",
      kind: "webhook",
      url: `${receiver.url}/flaky`,
      secret: SECRET,
      events: ["kill_switch.toggled"],
      timeoutMs: 500,
      maxAttempts: 4,
    },
  ]);
  // The pipeline reads its sinks from the one configuration, like production does.
  process.env.EDGELINE_NOTIFY_SINKS = sinksEnv;
  process.env.EDGELINE_NOTIFY_MIN_EDGE = "0.05";
  worker = await startTestWorker(db.url, plugins, { deps: paperDeps(() => clock) });
  api = await startTestApi(db.url, plugins);
});

afterAll(async () => {
  delete process.env.EDGELINE_NOTIFY_SINKS;
  delete process.env.EDGELINE_NOTIFY_MIN_EDGE;
  await api?.close();
  await worker?.stop();
  await receiver?.close();
  await pool?.end();
  await db?.drop();
});

async function runDay(date: string) {
  const queued = await queueDag({ sport: "TST", date }, { pool, plugins });
  const outcome = await waitForRun(
    pool,
    { sport: "TST", date, steps: queued.steps, fromRunId: queued.runs[0]!.runId },
    { timeoutMs: 60_000 },
  );
  expect(outcome.ok).toBe(true);
}

/** Waits until no delivery is pending. */
async function deliveriesSettled(timeoutMs = 40_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { rows } = await pool.query(
      "SELECT count(*)::int AS n FROM notification_deliveries WHERE status = 'pending'",
    );
    if (rows[0].n === 0 || Date.now() > deadline) return;
    await new Promise((r) => setTimeout(r, 100));
  }
}

const webhooks = (type?: string) =>
  receiver.requests
    .filter((r) => r.path === "/hook")
    .map((r) => ({
      request: r,
      envelope: JSON.parse(r.body) as { id: string; type: string; data: Record<string, unknown> },
    }))
    .filter((w) => !type || w.envelope.type === type);

function signed(r: ReceivedRequest): boolean {
  return verifySignature(
    SECRET,
    { timestamp: r.headers[TIMESTAMP_HEADER] as string, signature: r.headers[SIGNATURE_HEADER] as string },
    r.body,
  );
}

describe("a paper-mode day", () => {
  it("notifies each recommendation over the edge and each bet placed, signed, once", async () => {
    await runDay(DAY);
    await deliveriesSettled();
    const { rows: recs } = await pool.query(
      "SELECT recommendation_id FROM bet_recommendations WHERE edge >= 0.05 ORDER BY recommendation_id",
    );
    expect(recs.length).toBeGreaterThan(0);
    const recHooks = webhooks("recommendation.created");
    expect(recHooks.map((w) => w.envelope.data.recommendationId).sort()).toEqual(
      recs.map((r) => r.recommendation_id),
    );
    const { rows: bets } = await pool.query("SELECT bet_id FROM placed_bets ORDER BY bet_id");
    expect(
      webhooks("bet.placed")
        .map((w) => w.envelope.data.betId)
        .sort(),
    ).toEqual(bets.map((b) => b.bet_id));
    for (const w of webhooks()) {
      expect(signed(w.request)).toBe(true);
      expect(w.request.headers[EVENT_ID_HEADER]).toBe(w.envelope.id);
    }
    // A tampered body or a stale timestamp does not verify.
    const r = recHooks[0]!.request;
    const headers = {
      timestamp: r.headers[TIMESTAMP_HEADER] as string,
      signature: r.headers[SIGNATURE_HEADER] as string,
    };
    expect(verifySignature(SECRET, headers, r.body.replace("TST", "XXX"))).toBe(false);
    expect(verifySignature(SECRET, headers, r.body, Number(headers.timestamp) + 301)).toBe(false);
  });

  it("a rerun of the day notifies nothing new", async () => {
    const before = receiver.requests.length;
    await runDay(DAY);
    await deliveriesSettled();
    expect(receiver.requests.length).toBe(before);
  });

  it("notifies each settlement, to the webhook and to the Slack-style sink", async () => {
    world.resultsUntil = NEXT;
    clock = new Date(`${NEXT}T12:00:00Z`);
    await runDay(NEXT);
    const queued = await queueHourly("bet_sync_hourly", { pool, at: clock });
    await waitForRun(
      pool,
      {
        dag: "hourly",
        sport: null as never,
        date: NEXT,
        steps: ["bet_sync_hourly" as never],
        fromRunId: queued.runId,
      },
      { timeoutMs: 30_000 },
    );
    await deliveriesSettled();
    const { rows: settled } = await pool.query(
      "SELECT bet_id, status FROM placed_bets WHERE bet_id IN (SELECT bet_id FROM placed_bets WHERE placed_time_utc < $1) AND status <> 'pending' ORDER BY bet_id",
      [`${NEXT}T00:00:00Z`],
    );
    expect(settled.length).toBeGreaterThan(0);
    const settledHooks = webhooks("bet.settled");
    expect(settledHooks.map((w) => [w.envelope.data.betId, w.envelope.data.status]).sort()).toEqual(
      settled.map((b) => [b.bet_id, b.status]),
    );
    const slack = receiver.requests.filter((r) => r.path === "/slack");
    expect(slack).toHaveLength(settled.length);
    expect(JSON.parse(slack[0]!.body).text).toMatch(/^\*Bet (win|loss|void)/);
  });
});

describe("the daily summary", () => {
  it("counts the day's events once, whatever reruns", async () => {
    for (let i = 0; i < 2; i++) await withTransaction(pool, (client) => emitDailySummary(client, DAY));
    await deliveriesSettled();
    const summaries = webhooks("daily.summary");
    expect(summaries).toHaveLength(1);
    const { rows } = await pool.query(
      "SELECT (SELECT count(*)::int FROM bet_recommendations WHERE edge >= 0.05 AND generated_at < $1) AS recs, (SELECT count(*)::int FROM placed_bets WHERE placed_time_utc < $1) AS bets",
      [`${NEXT}T00:00:00Z`],
    );
    expect(summaries[0]!.envelope.data).toMatchObject({
      date: DAY,
      recommendations: rows[0].recs,
      betsPlaced: rows[0].bets,
    });
  });
});

describe("delivery", () => {
  it("retries after a 500 and a timeout with the same event id, and logs the attempts", async () => {
    receiver.answers["/flaky"] = [500, "stall", 200];
    const id = await withTransaction(pool, (client) =>
      emitEvent(client, {
        type: "kill_switch.toggled",
        key: "test-1",
        data: { enabled: true, by: "test", reason: "retry test" },
      }),
    );
    await deliveriesSettled(60_000);
    const flaky = receiver.requests.filter((r) => r.path === "/flaky");
    expect(flaky).toHaveLength(3);
    expect(new Set(flaky.map((r) => r.headers[EVENT_ID_HEADER]))).toEqual(new Set([id]));
    expect(new Set(flaky.map((r) => JSON.parse(r.body).id))).toEqual(new Set([id]));
    expect(flaky.every(signed)).toBe(true);
    const { rows } = await pool.query(
      "SELECT sink, status, attempts, last_status FROM notification_deliveries WHERE event_id = $1 ORDER BY sink",
      [id],
    );
    // The flaky sink took three attempts; the webhook, which takes every type, one.
    expect(rows).toEqual([
      { sink: "flaky", status: "delivered", attempts: 3, last_status: "200" },
      { sink: "hook", status: "delivered", attempts: 1, last_status: "200" },
    ]);

    // The log in GraphQL.
    const res = await fetch(`${api.origin}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        query: `{ notificationDeliveries(first: 5, sink: "flaky") { totalCount edges { node { sink status attempts lastStatus event { id type } } } } }`,
      }),
    });
    const body = (await res.json()) as {
      data: { notificationDeliveries: { totalCount: number; edges: { node: unknown }[] } };
    };
    expect(body.data.notificationDeliveries.totalCount).toBe(1);
    expect(body.data.notificationDeliveries.edges[0]!.node).toEqual({
      sink: "flaky",
      status: "DELIVERED",
      attempts: 3,
      lastStatus: "200",
      event: { id, type: "kill_switch.toggled" },
    });
  }, 90_000);

  it("edgeline notify log lists deliveries; notify test sends a sample to one sink", async () => {
    const env = { DATABASE_URL: db.url, EDGELINE_NOTIFY_SINKS: sinksEnv };
    const log = await runCli(["notify", "log", "--sink", "flaky", "--json"], env);
    expect(log.code).toBe(0);
    const lines = log.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines).toMatchObject([
      {
        sink: "flaky",
        status: "delivered",
        attempts: 3,
        last_status: "200",
        event_type: "kill_switch.toggled",
      },
    ]);

    const test = await runCli(["notify", "test", "--sink", "hook"], env);
    expect(test.stdout).toContain("hook: delivered (HTTP 200)");
    expect(test.code).toBe(0);
    const sample = webhooks("notify.test");
    expect(sample).toHaveLength(1);
    expect(signed(sample[0]!.request)).toBe(true);
    const missing = await runCli(["notify", "test", "--sink", "nope"], env);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("no sink named nope");
  }, 60_000);
});
