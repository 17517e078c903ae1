// The whole DAG with the real plugins (NHL, and NFL through the generic ESPN plugin), the real
// odds sources and the paper broker, against the fake upstream serving generated demo payloads
// in the real upstream formats. Every table is checked; a second run changes nothing; a fault
// injected into fetch_markets is retried, then fails with the downstream steps unrun.
import { DAG_STEPS, type PluginRegistry } from "@edgeline/core";
import { createTestDatabase, type TestDatabase } from "@edgeline/core/testing";
import type { FakeUpstream } from "@edgeline/testkit";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  queueBackfill,
  queueDag,
  queueHourly,
  startWorker,
  type WorkerHandle,
  waitForRun,
} from "../src/worker/index.ts";
import { type DemoWorld, startDemoWorld } from "./demo-world.ts";
import { dumpTables, testPool } from "./pipeline-helpers.ts";

const TODAY = "2026-01-15";
let world: DemoWorld;
let upstream: FakeUpstream;
let db: TestDatabase;
let pool: pg.Pool;
let plugins: PluginRegistry;
let worker: WorkerHandle;

beforeAll(async () => {
  // The HTTP layer's own retries run without waiting, to keep the fault test short.
  world = await startDemoWorld({ today: TODAY, httpDeps: { sleep: async () => {} } });
  ({ upstream, plugins } = world);
  db = await createTestDatabase();
  pool = testPool(db.url);
  worker = await startWorker({
    connectionString: db.url,
    plugins,
    schedule: false,
    pollIntervalMs: 100,
    maxAttempts: 2,
    deps: { now: () => new Date(`${TODAY}T12:00:00Z`) },
  });
}, 60_000);

afterAll(async () => {
  await worker?.stop();
  await pool?.end();
  await db?.drop();
  await world?.close();
});

async function run(sport: string, date = TODAY, maxAttempts?: number) {
  const q = await queueDag({ sport, date }, { pool, plugins, ...(maxAttempts ? { maxAttempts } : {}) });
  return waitForRun(
    pool,
    { sport, date, steps: q.steps, fromRunId: q.runs[0]!.runId },
    { timeoutMs: 60_000 },
  );
}

const count = async (sql: string, params: unknown[] = []) =>
  Number((await pool.query(sql, params)).rows[0].n);

describe("the DAG against the fake upstream", () => {
  let afterFirst: Record<string, unknown[]>;

  it.each(["NHL", "NFL"])("runs every step for %s and fills every table", async (sport) => {
    // Two weeks of results first (NFL plays weekly: the day before may have no game).
    const history = await queueBackfill(
      { sport, from: "2026-01-02", to: "2026-01-14", steps: ["download_games"] },
      { pool, plugins },
    );
    for (const [i, date] of history.days.entries()) {
      const o = await waitForRun(
        pool,
        { sport, date, steps: history.steps, fromRunId: history.runs[i]!.runId },
        { timeoutMs: 30_000 },
      );
      expect(o.ok).toBe(true);
    }
    const outcome = await run(sport);
    expect(outcome.steps.map((s) => [s.step, s.status])).toEqual(DAG_STEPS.map((s) => [s, "succeeded"]));
    const games = await count("SELECT count(*) AS n FROM unified_games WHERE sport = $1 AND game_date = $2", [
      sport,
      TODAY,
    ]);
    expect(games).toBeGreaterThan(0);
    expect(
      await count(
        "SELECT count(*) AS n FROM game_odds o JOIN unified_games g USING (game_id) WHERE g.sport = $1",
        [sport],
      ),
    ).toBeGreaterThan(0);
    // Yesterday's (and earlier: the schedule step loads the day before) results rated.
    expect(
      await count("SELECT count(*) AS n FROM elo_ratings WHERE sport = $1 AND valid_to IS NULL", [sport]),
    ).toBeGreaterThan(0);
    expect(
      await count("SELECT count(*) AS n FROM bet_recommendations WHERE sport = $1", [sport]),
    ).toBeGreaterThan(0);
    expect(
      await count("SELECT count(*) AS n FROM bet_recommendations WHERE sport = $1 AND status = 'active'", [
        sport,
      ]),
    ).toBe(0);
    const bets = await count(
      "SELECT count(*) AS n FROM placed_bets b JOIN unified_games g USING (game_id) WHERE g.sport = $1",
      [sport],
    );
    expect(bets).toBe(
      await count("SELECT count(*) AS n FROM bet_recommendations WHERE sport = $1 AND status = 'executed'", [
        sport,
      ]),
    );
  });

  it("takes the hourly snapshot and sync once per hour", async () => {
    const at = new Date(`${TODAY}T12:00:00Z`);
    for (const job of ["portfolio_hourly_snapshot", "bet_sync_hourly"] as const) {
      const queued = await queueHourly(job, { pool, at });
      const o = await waitForRun(
        pool,
        { dag: "hourly", sport: null as never, date: TODAY, steps: [job as never], fromRunId: queued.runId },
        { timeoutMs: 30_000 },
      );
      expect(o.ok).toBe(true);
    }
    const snapshot = (
      await pool.query(
        "SELECT total_value::text, cash_balance::text, invested_amount::text FROM portfolio_snapshots",
      )
    ).rows;
    expect(snapshot).toHaveLength(1);
    expect(Number(snapshot[0].invested_amount)).toBeGreaterThan(0);
    afterFirst = await dumpTables(pool);
  });

  it("a second run of both DAGs and the hourly jobs changes nothing", async () => {
    for (const sport of ["NHL", "NFL"]) expect((await run(sport)).ok).toBe(true);
    const at = new Date(`${TODAY}T12:30:00Z`);
    for (const job of ["portfolio_hourly_snapshot", "bet_sync_hourly"] as const) {
      const queued = await queueHourly(job, { pool, at });
      const o = await waitForRun(
        pool,
        { dag: "hourly", sport: null as never, date: TODAY, steps: [job as never], fromRunId: queued.runId },
        { timeoutMs: 30_000 },
      );
      expect(o.ok).toBe(true);
    }
    expect(await dumpTables(pool)).toEqual(afterFirst);
  });

  it("retries fetch_markets on a failing upstream, then fails it with the error and downstream unrun", async () => {
    upstream.injectFault("/trade-api/v2/markets", { kind: "status", status: 500 });
    try {
      const outcome = await run("NHL", "2026-01-16", 2);
      expect(outcome.steps.map((s) => s.status)).toEqual([
        "succeeded",
        "failed",
        "not run",
        "not run",
        "not run",
        "not run",
      ]);
      const { rows } = await pool.query(
        "SELECT attempt, status, error FROM pipeline_runs WHERE step = 'fetch_markets' AND run_date = '2026-01-16' ORDER BY run_id",
      );
      expect(rows.map((r) => [r.attempt, r.status])).toEqual([
        [1, "failed"],
        [2, "failed"],
      ]);
      for (const r of rows) expect(r.error).toMatch(/kalshi.*500/);
    } finally {
      upstream.clearFaults();
    }
  });
});
