// A worker killed with SIGKILL in the middle of a step's write: the server rolls the write back
// (no partial rows), the liveness lock of the dead worker vanishes with its connection, another
// worker's recovery sweep releases the job within interval + grace, and the run completes with
// every table as a clean run leaves it: nothing lost, nothing duplicated.
import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { DEFAULT_STAKING_LIMITS } from "@edgeline/core";
import { createTestDatabase, type TestDatabase } from "@edgeline/core/testing";
import { Decimal } from "decimal.js";
import type pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { queueDag, startWorker, waitForRun } from "../src/worker/index.ts";
import { dumpTables, testOddsSource, testPool, testRegistry, testWorld } from "./pipeline-helpers.ts";

const DAY = "2024-01-20";
const dbs: TestDatabase[] = [];
const pools: pg.Pool[] = [];
const children: ChildProcess[] = [];

afterAll(async () => {
  for (const c of children) if (c.exitCode === null) c.kill("SIGKILL");
  for (const p of pools) await p.end();
  for (const d of dbs) await d.drop();
});

async function database(): Promise<{ db: TestDatabase; pool: pg.Pool }> {
  const db = await createTestDatabase();
  const pool = testPool(db.url);
  dbs.push(db);
  pools.push(pool);
  return { db, pool };
}

function workerOptions(url: string) {
  const world = testWorld(DAY);
  return {
    connectionString: url,
    plugins: testRegistry(world),
    schedule: false,
    pollIntervalMs: 100,
    recoveryIntervalMs: 200,
    recoveryGraceMs: 500,
    deps: {
      oddsSources: [testOddsSource(world)],
      bankroll: new Decimal(1000),
      stakingLimits: DEFAULT_STAKING_LIMITS,
      now: () => new Date(`${DAY}T12:00:00Z`),
    },
  };
}

/** Table contents without the columns a crash legitimately changes (clock and sequence values). */
function comparable(tables: Record<string, unknown[]>) {
  const volatile = new Set(["loaded_at", "created_at", "rating_id", "recommendation_id", "snapshot_id"]);
  return Object.fromEntries(
    Object.entries(tables).map(([t, rows]) => [
      t,
      rows.map((r) => Object.fromEntries(Object.entries(r as object).filter(([k]) => !volatile.has(k)))),
    ]),
  );
}

async function runClean(): Promise<Record<string, unknown[]>> {
  const { db, pool } = await database();
  const worker = await startWorker(workerOptions(db.url));
  try {
    const q = await queueDag({ sport: "TST", date: DAY }, { pool, plugins: testRegistry(testWorld(DAY)) });
    const o = await waitForRun(
      pool,
      { sport: "TST", date: DAY, steps: q.steps, fromRunId: q.runs[0]!.runId },
      { timeoutMs: 30_000 },
    );
    expect(o.ok).toBe(true);
    return dumpTables(pool);
  } finally {
    await worker.stop();
  }
}

function waitForLine(child: ChildProcess, prefix: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let buffer = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      buffer += chunk.toString();
      const line = buffer.split("\n").find((l) => l.startsWith(prefix));
      if (line) resolve(line);
    });
    child.on("exit", (code) => reject(new Error(`child exited (${code}) before "${prefix}"`)));
  });
}

describe("a worker killed mid-step", () => {
  it("leaves no partial rows, and the step runs again after recovery with nothing lost or duplicated", async () => {
    const expected = await runClean();
    const { db, pool } = await database();
    const plugins = testRegistry(testWorld(DAY));
    const q = await queueDag({ sport: "TST", date: DAY }, { pool, plugins });

    const child = spawn(
      process.execPath,
      ["--import", "tsx", fileURLToPath(new URL("./pipeline-crash-worker.ts", import.meta.url))],
      {
        env: { ...process.env, CRASH_DATABASE_URL: db.url, CRASH_DAY: DAY },
        stdio: ["ignore", "pipe", "inherit"],
      },
    );
    children.push(child);
    const inWrite = await waitForLine(child, "IN_WRITE");
    expect(Number(inWrite.split(" ")[1])).toBeGreaterThan(0); // it had written rows, uncommitted
    expect((await pool.query("SELECT count(*)::int AS n FROM elo_ratings")).rows[0].n).toBe(0);
    const { rows: locked } = await pool.query(
      "SELECT key FROM graphile_worker._private_jobs WHERE locked_at IS NOT NULL",
    );
    expect(locked.map((r) => r.key)).toEqual([`multi_sport_betting_workflow:TST:${DAY}:update_elo`]);

    const exited = new Promise((r) => child.on("exit", r));
    child.kill("SIGKILL");
    await exited;
    expect((await pool.query("SELECT count(*)::int AS n FROM elo_ratings")).rows[0].n).toBe(0);

    const recovered: string[] = [];
    const worker = await startWorker({
      ...workerOptions(db.url),
      onRecovered: (jobs) => recovered.push(...jobs.map((j) => j.key!)),
    });
    try {
      const o = await waitForRun(
        pool,
        { sport: "TST", date: DAY, steps: q.steps, fromRunId: q.runs[0]!.runId },
        { timeoutMs: 30_000 },
      );
      expect(o.ok).toBe(true);
    } finally {
      await worker.stop();
    }
    expect(recovered).toEqual([`multi_sport_betting_workflow:TST:${DAY}:update_elo`]);
    const { rows: attempts } = await pool.query(
      "SELECT status, attempt, error FROM pipeline_runs WHERE step = 'update_elo' ORDER BY run_id",
    );
    expect(attempts).toHaveLength(2);
    expect(attempts[0]).toMatchObject({ status: "failed", attempt: 1 });
    expect(attempts[0].error).toMatch(/stopped during this attempt/);
    expect(attempts[1]).toMatchObject({ status: "succeeded", attempt: 2, error: null });
    expect(comparable(await dumpTables(pool))).toEqual(comparable(expected));
  });
});
