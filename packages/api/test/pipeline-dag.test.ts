// The DAG on graphile-worker against a real PostgreSQL: order, pipeline_runs, idempotency of a
// whole rerun (every table compared in full), retries then failure with downstream steps unrun,
// job keys collapsing duplicates, and one sport never running two steps at once.
import { DAG_STEPS, DEFAULT_STAKING_LIMITS, STEP_DEFINITIONS, type StepDefinition } from "@edgeline/core";
import { createTestDatabase, type TestDatabase } from "@edgeline/core/testing";
import { Decimal } from "decimal.js";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ensureWorkerSchema,
  listJobs,
  queueBackfill,
  queueDag,
  startWorker,
  type WorkerHandle,
  waitForRun,
} from "../src/worker/index.ts";
import { dumpTables, testPool, testRegistry, testWorld } from "./pipeline-helpers.ts";

const DAY = "2024-01-20";
const world = testWorld(DAY);
const plugins = testRegistry(world);
let db: TestDatabase;
let pool: pg.Pool;
let worker: WorkerHandle;

/** Steps wrapped to count how many of one sport run at once. */
let active = 0;
let maxActive = 0;
const counted = Object.fromEntries(
  DAG_STEPS.map((name) => {
    const real = STEP_DEFINITIONS[name];
    const step: StepDefinition = {
      name,
      async prepare(deps, target) {
        active++;
        maxActive = Math.max(maxActive, active);
        try {
          await new Promise((r) => setTimeout(r, 5));
          const write = await real.prepare(deps, target);
          return async (client) => {
            try {
              return await write(client);
            } finally {
              active--;
            }
          };
        } catch (e) {
          active--;
          throw e;
        }
      },
    };
    return [name, step];
  }),
);

function start(): Promise<WorkerHandle> {
  return startWorker({
    connectionString: db.url,
    plugins,
    schedule: false,
    concurrency: 3,
    pollIntervalMs: 100,
    maxAttempts: 3,
    recoveryIntervalMs: 500,
    recoveryGraceMs: 1000,
    steps: counted,
    deps: {
      bankroll: new Decimal(1000),
      stakingLimits: DEFAULT_STAKING_LIMITS,
      now: () => new Date(`${DAY}T12:00:00Z`),
    },
  });
}

beforeAll(async () => {
  db = await createTestDatabase();
  pool = testPool(db.url);
  worker = await start();
});

afterAll(async () => {
  await worker?.stop();
  await pool?.end();
  await db?.drop();
});

async function runAndWait(date: string, steps?: string[], maxAttempts?: number) {
  const queued = await queueDag(
    { sport: "TST", date, ...(steps ? { steps: steps as never } : {}) },
    { pool, plugins, ...(maxAttempts ? { maxAttempts } : {}) },
  );
  return waitForRun(
    pool,
    { sport: "TST", date, steps: queued.steps, fromRunId: queued.runs[0]!.runId },
    { timeoutMs: 60_000 },
  );
}

describe("the daily DAG", () => {
  let firstRun: Record<string, unknown[]>;

  it("runs the six steps in order, each recorded in pipeline_runs, and fills every table", async () => {
    const outcome = await runAndWait(DAY);
    expect(outcome.ok).toBe(true);
    expect(outcome.steps.map((s) => s.status)).toEqual(DAG_STEPS.map(() => "succeeded"));
    const { rows: runs } = await pool.query(
      "SELECT step, status, attempt, rows_written, started_at, finished_at, error FROM pipeline_runs ORDER BY run_id",
    );
    expect(runs.map((r) => r.step)).toEqual([...DAG_STEPS]);
    for (const [i, r] of runs.entries()) {
      expect(r).toMatchObject({ status: "succeeded", attempt: 1, error: null });
      if (i > 0) expect(r.started_at.getTime()).toBeGreaterThanOrEqual(runs[i - 1].finished_at.getTime());
    }
    firstRun = await dumpTables(pool);
    // Yesterday's three results and today's three games.
    expect(firstRun.unified_games).toHaveLength(6);
    expect(firstRun.unified_games!.filter((g) => (g as { status: string }).status === "Final")).toHaveLength(
      3,
    );
    expect(firstRun.game_odds).toHaveLength(6);
    // Six teams played yesterday: each has its first row (valid_from yesterday) closed and a current row from today.
    const elo = firstRun.elo_ratings as Array<{ valid_from: string; valid_to: string | null }>;
    expect(elo).toHaveLength(12);
    expect(elo.filter((r) => r.valid_to === null).every((r) => r.valid_from === DAY)).toBe(true);
    const recs = firstRun.bet_recommendations as Array<{ status: string; side: string }>;
    expect(recs.length).toBeGreaterThan(0);
    expect(recs.every((r) => r.status === "executed")).toBe(true);
    expect(firstRun.placed_bets).toHaveLength(recs.length);
    expect(runs.find((r) => r.step === "place_bets")!.rows_written).toBe(recs.length * 2); // bets + executed marks
  });

  it("a second run of the whole DAG leaves every table exactly as it was", async () => {
    const outcome = await runAndWait(DAY);
    expect(outcome.ok).toBe(true);
    expect(await dumpTables(pool)).toEqual(firstRun);
    const { rows } = await pool.query(
      "SELECT step, rows_written FROM pipeline_runs ORDER BY run_id OFFSET 6",
    );
    expect(rows.map((r) => [r.step, r.rows_written])).toEqual(DAG_STEPS.map((s) => [s, 0]));
  });

  it("runs only the named steps with --steps", async () => {
    const before = await pool.query("SELECT max(run_id) AS m FROM pipeline_runs");
    const outcome = await runAndWait(DAY, ["update_elo", "download_games"]);
    expect(outcome.ok).toBe(true);
    const { rows } = await pool.query("SELECT step FROM pipeline_runs WHERE run_id > $1 ORDER BY run_id", [
      before.rows[0].m,
    ]);
    expect(rows.map((r) => r.step)).toEqual(["download_games", "update_elo"]);
    expect(await dumpTables(pool)).toEqual(firstRun);
  });

  it("retries a failing fetch_markets with backoff, then fails it with the downstream steps unrun", async () => {
    const next = "2024-01-21";
    world.resultsUntil = next;
    world.oddsFaults = 2;
    world.oddsFaultMessage = "odds upstream answered 500";
    const before = await dumpTables(pool);
    const outcome = await runAndWait(next, undefined, 2);
    expect(outcome.ok).toBe(false);
    expect(outcome.steps.map((s) => s.status)).toEqual([
      "succeeded",
      "failed",
      "not run",
      "not run",
      "not run",
      "not run",
    ]);
    const { rows } = await pool.query(
      "SELECT step, status, attempt, error, rows_written FROM pipeline_runs WHERE run_date = $1 ORDER BY run_id",
      [next],
    );
    expect(rows).toEqual([
      { step: "download_games", status: "succeeded", attempt: 1, error: null, rows_written: 3 + 3 },
      {
        step: "fetch_markets",
        status: "failed",
        attempt: 1,
        error: "odds upstream answered 500",
        rows_written: 0,
      },
      {
        step: "fetch_markets",
        status: "failed",
        attempt: 2,
        error: "odds upstream answered 500",
        rows_written: 0,
      },
    ]);
    const after = await dumpTables(pool);
    // download_games wrote today's results and tomorrow's schedule; nothing downstream moved.
    for (const table of ["game_odds", "elo_ratings", "bet_recommendations", "placed_bets"]) {
      expect(after[table]).toEqual(before[table]);
    }
    const failedJob = (await listJobs(pool)).find((j) => j.key?.endsWith(`${next}:fetch_markets`));
    expect(failedJob).toMatchObject({ state: "failed", attempts: 2, maxAttempts: 2 });
  });

  it("never runs two steps of one sport at once, across two workers", async () => {
    const second = await start();
    try {
      maxActive = 0;
      const queued = await queueBackfill(
        { sport: "TST", from: "2024-01-22", to: "2024-01-25" },
        { pool, plugins },
      );
      for (const [i, date] of queued.days.entries()) {
        const o = await waitForRun(
          pool,
          { sport: "TST", date, steps: queued.steps, fromRunId: queued.runs[i]!.runId },
          { timeoutMs: 60_000 },
        );
        expect(o.ok).toBe(true);
      }
      expect(maxActive).toBe(1);
    } finally {
      await second.stop();
    }
  });
});

describe("job keys", () => {
  it("collapse a step queued twice into one job and one queued row", async () => {
    const other = await createTestDatabase();
    const p = testPool(other.url);
    try {
      await ensureWorkerSchema(p);
      const a = await queueDag({ sport: "TST", date: "2024-02-01" }, { pool: p, plugins });
      const b = await queueDag({ sport: "tst", date: "2024-02-01" }, { pool: p, plugins });
      expect(b.runs[0]!.runId).toBe(a.runs[0]!.runId);
      const jobs = await listJobs(p);
      expect(jobs.map((j) => [j.task, j.key, j.queue])).toEqual([
        [
          "download_games",
          "multi_sport_betting_workflow:TST:2024-02-01:download_games",
          "multi_sport_betting_workflow:TST",
        ],
      ]);
      const { rows } = await p.query("SELECT status FROM pipeline_runs");
      expect(rows).toEqual([{ status: "queued" }]);
      await expect(queueDag({ sport: "XXX", date: "2024-02-01" }, { pool: p, plugins })).rejects.toThrow(
        /unknown sport "XXX"/,
      );
      await expect(queueDag({ sport: "TST", date: "2024-02-30" }, { pool: p, plugins })).rejects.toThrow(
        /calendar day/,
      );
    } finally {
      await p.end();
      await other.drop();
    }
  });

  it("merge a second request for a day into the waiting chain instead of dropping its later steps", async () => {
    const other = await createTestDatabase();
    const p = testPool(other.url);
    try {
      await ensureWorkerSchema(p);
      const day = "2024-02-02";
      await queueDag(
        { sport: "TST", date: day, steps: ["download_games", "fetch_markets", "update_elo"] },
        { pool: p, plugins },
      );
      await queueDag({ sport: "TST", date: day, steps: ["download_games"] }, { pool: p, plugins });
      await queueDag(
        { sport: "TST", date: day, steps: ["download_games", "place_bets"] },
        { pool: p, plugins },
      );
      const { rows } = await p.query("SELECT payload FROM graphile_worker._private_jobs");
      expect(rows.map((r) => r.payload.chain)).toEqual([
        ["download_games", "fetch_markets", "update_elo", "place_bets"],
      ]);
    } finally {
      await p.end();
      await other.drop();
    }
  });
});
