// Metrics and readiness over real HTTP after real pipeline runs: the worker's metrics port and the
// API's /metrics pass `promtool check metrics`, their step counters equal the pipeline_runs rows
// of the attempts that happened, the bearer token guards them; /ready names each failing check
// (no worker, the database down behind a proxy we cut) and recovers.
import { createTestDatabase, type TestDatabase } from "@edgeline/core/testing";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queueDag, type WorkerHandle, waitForRun } from "../src/worker/index.ts";
import { startTcpProxy, startTestApi, type TestApi } from "./operations-helpers.ts";
import { paperDeps, startTestWorker, testPool, testRegistry, testWorld } from "./pipeline-helpers.ts";
import { PROMTOOL, promtoolCheckMetrics, sample } from "./promtool.ts";

const DAY = "2024-01-20";
const world = testWorld(DAY);
const plugins = testRegistry(world);
const TOKEN = "metrics-token-0123456789";
let db: TestDatabase;
let pool: pg.Pool;
let worker: WorkerHandle | undefined;
let api: TestApi;

beforeAll(async () => {
  db = await createTestDatabase();
  pool = testPool(db.url);
  worker = await startTestWorker(db.url, plugins, {
    maxAttempts: 2,
    metricsPort: 0,
    metricsHost: "127.0.0.1",
    deps: paperDeps(() => new Date(`${DAY}T12:00:00Z`)),
  });
  api = await startTestApi(db.url, plugins, { readyRequiresWorker: true, metricsToken: TOKEN });
});

afterAll(async () => {
  await api?.close();
  await worker?.stop();
  await pool?.end();
  await db?.drop();
});

async function runAndWait(date: string, maxAttempts?: number) {
  const queued = await queueDag(
    { sport: "TST", date },
    { pool, plugins, ...(maxAttempts ? { maxAttempts } : {}) },
  );
  return waitForRun(
    pool,
    { sport: "TST", date, steps: queued.steps, fromRunId: queued.runs[0]!.runId },
    { timeoutMs: 60_000 },
  );
}

const scrape = async (url: string, token?: string) => {
  const res = await fetch(url, token ? { headers: { authorization: `Bearer ${token}` } } : {});
  return { status: res.status, text: await res.text() };
};

describe("metrics after pipeline runs", () => {
  it("counts every step attempt by sport and step, failures too, on the worker's port", async () => {
    expect((await runAndWait(DAY)).ok).toBe(true);
    world.oddsFaults = 2;
    expect((await runAndWait("2024-01-21", 2)).ok).toBe(false);

    const { text } = await scrape(worker!.metricsUrl!);
    const { rows } = await pool.query<{ step: string; attempts: number; failures: number }>(
      `SELECT step, count(*)::int AS attempts, count(*) FILTER (WHERE status = 'failed')::int AS failures
         FROM pipeline_runs WHERE status IN ('succeeded', 'failed') GROUP BY step`,
    );
    expect(rows.length).toBe(6);
    for (const r of rows) {
      const labels = { sport: "TST", step: r.step };
      expect(sample(text, "edgeline_pipeline_step_runs_total", labels), r.step).toBe(r.attempts);
      expect(sample(text, "edgeline_pipeline_step_failures_total", labels) ?? 0, r.step).toBe(r.failures);
      expect(sample(text, "edgeline_pipeline_step_duration_seconds_count", labels), r.step).toBe(r.attempts);
    }
    expect(
      sample(text, "edgeline_pipeline_step_failures_total", { sport: "TST", step: "fetch_markets" }),
    ).toBe(2);
    // The day's bets, all on paper: counted under the venue label "paper" (a bounded label).
    const bets = await pool.query("SELECT count(*)::int AS n FROM placed_bets WHERE trading_mode = 'paper'");
    expect(sample(text, "edgeline_bets_placed_total", { venue: "paper", mode: "paper" })).toBe(
      bets.rows[0].n,
    );
    const recs = await pool.query("SELECT count(*)::int AS n FROM bet_recommendations WHERE edge >= 0.05");
    expect(sample(text, "edgeline_recommendations_created_total", { sport: "TST" })).toBe(recs.rows[0].n);
    // Database gauges: the queue (the failed job stays in it), the open exposure, the last fetch.
    expect(sample(text, "edgeline_queue_jobs", { task: "fetch_markets", state: "failed" })).toBe(1);
    const exposure = await pool.query(
      "SELECT sum(stake)::float8 AS s FROM placed_bets WHERE status = 'pending'",
    );
    expect(sample(text, "edgeline_open_exposure")).toBeCloseTo(exposure.rows[0].s, 2);
    expect(
      sample(text, "edgeline_odds_last_fetch_age_seconds", { source: "test-odds", sport: "TST" }),
    ).toBeGreaterThanOrEqual(0);
  });

  it.skipIf(!PROMTOOL)("passes promtool check metrics, on the worker and on the API", async () => {
    const workerText = (await scrape(worker!.metricsUrl!)).text;
    await expect(promtoolCheckMetrics(workerText)).resolves.toBe("");
    await fetch(`${api.origin}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: "Bearer none" },
      body: JSON.stringify({ query: "query Sports { sports { code } }", operationName: "Sports" }),
    });
    const apiText = (await scrape(`${api.origin}/metrics`, TOKEN)).text;
    await expect(promtoolCheckMetrics(apiText)).resolves.toBe("");
  });

  it("counts GraphQL operations by name and outcome, behind the bearer token", async () => {
    expect((await scrape(`${api.origin}/metrics`)).status).toBe(401);
    expect((await scrape(`${api.origin}/metrics`, "wrong-token-0123456789")).status).toBe(401);
    const post = (query: string, operationName?: string) =>
      fetch(`${api.origin}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query, operationName }),
      });
    const before = sample(
      (await scrape(`${api.origin}/metrics`, TOKEN)).text,
      "edgeline_graphql_requests_total",
      {
        operation: "Runs",
        outcome: "ok",
      },
    );
    await post("query Runs { pipelineRuns(first: 1) { totalCount } }", "Runs");
    await post("query Runs { pipelineRuns(first: 1) { totalCount } }", "Runs");
    await post("query Broken { nope }", "Broken");
    const { text } = await scrape(`${api.origin}/metrics`, TOKEN);
    expect(sample(text, "edgeline_graphql_requests_total", { operation: "Runs", outcome: "ok" })).toBe(
      (before ?? 0) + 2,
    );
    expect(sample(text, "edgeline_graphql_requests_total", { operation: "Broken", outcome: "invalid" })).toBe(
      1,
    );
    expect(
      sample(text, "edgeline_graphql_request_duration_seconds_count", { operation: "Runs" }),
    ).toBeGreaterThanOrEqual(2);
  });
});

describe("/health and /ready", () => {
  it("is ready with the database, its migrations and a live worker; names the worker when none is left", async () => {
    const ready = await fetch(`${api.origin}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({
      ready: true,
      checks: { database: "ok", migrations: "ok", worker: "ok" },
    });
    await worker!.stop();
    worker = undefined;
    const notReady = await fetch(`${api.origin}/ready`);
    expect(notReady.status).toBe(503);
    expect(await notReady.json()).toMatchObject({
      ready: false,
      checks: { database: "ok", worker: "failed: no live worker" },
    });
    expect((await fetch(`${api.origin}/health`)).status).toBe(200);
  });

  it("fails while the database is down (a proxy we cut) and recovers after", async () => {
    const target = new URL(db.url);
    const proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
    const viaProxy = new URL(db.url);
    viaProxy.hostname = "127.0.0.1";
    viaProxy.port = String(proxy.port);
    const proxied = await startTestApi(viaProxy.toString(), plugins);
    try {
      expect((await fetch(`${proxied.origin}/ready`)).status).toBe(200);
      await proxy.cut();
      const down = await fetch(`${proxied.origin}/ready`);
      expect(down.status).toBe(503);
      const body = (await down.json()) as { checks: Record<string, string> };
      expect(body.checks.database).toMatch(/^failed: /);
      expect(body.checks.migrations).toBe("failed: database unreachable");
      expect((await fetch(`${proxied.origin}/health`)).status).toBe(200);
      await proxy.restore();
      expect((await fetch(`${proxied.origin}/ready`)).status).toBe(200);
    } finally {
      await proxied.close();
      await proxy.close();
    }
  });
});
