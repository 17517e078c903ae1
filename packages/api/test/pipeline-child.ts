// What the crash and shutdown tests share: the reference run, comparable table contents, and
// reading the child worker's stdout (pipeline-child-worker.ts).
import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { DEFAULT_STAKING_LIMITS, type StepName } from "@edgeline/core";
import { createTestDatabase, type TestDatabase } from "@edgeline/core/testing";
import { Decimal } from "decimal.js";
import type pg from "pg";
import { expect } from "vitest";
import { queueDag, startWorker, waitForRun } from "../src/worker/index.ts";
import { dumpTables, testPool, testRegistry, testWorld } from "./pipeline-helpers.ts";

/** Databases, pools and child workers of one test file, all released by `cleanup()`. */
export function childHarness() {
  const dbs: TestDatabase[] = [];
  const pools: pg.Pool[] = [];
  const children: ChildProcess[] = [];
  return {
    async database(): Promise<{ db: TestDatabase; pool: pg.Pool }> {
      const db = await createTestDatabase();
      const pool = testPool(db.url);
      dbs.push(db);
      pools.push(pool);
      return { db, pool };
    },
    /** Starts pipeline-child-worker.ts on the database; `pauseMs` makes its update_elo finish. */
    spawnWorker(url: string, day: string, pauseMs?: number): ChildProcess {
      const child = spawn(
        process.execPath,
        ["--import", "tsx", fileURLToPath(new URL("./pipeline-child-worker.ts", import.meta.url))],
        {
          env: {
            ...process.env,
            CHILD_DATABASE_URL: url,
            CHILD_DAY: day,
            ...(pauseMs === undefined ? {} : { CHILD_PAUSE_MS: String(pauseMs) }),
          },
          stdio: ["ignore", "pipe", "inherit"],
        },
      );
      children.push(child);
      return child;
    },
    async cleanup() {
      for (const c of children) if (c.exitCode === null) c.kill("SIGKILL");
      for (const p of pools) await p.end();
      for (const d of dbs) await d.drop();
    },
  };
}

/** Worker options over the test world of `day`, with fast polling and recovery. */
export function childWorldOptions(url: string, day: string) {
  const world = testWorld(day);
  return {
    connectionString: url,
    plugins: testRegistry(world),
    schedule: false,
    pollIntervalMs: 100,
    recoveryIntervalMs: 200,
    recoveryGraceMs: 500,
    deps: {
      bankroll: new Decimal(1000),
      stakingLimits: DEFAULT_STAKING_LIMITS,
      now: () => new Date(`${day}T12:00:00Z`),
    },
  };
}

/** Table contents without the columns a crash legitimately changes (clock and sequence values). */
export function comparable(tables: Record<string, unknown[]>) {
  const volatile = new Set(["loaded_at", "created_at", "rating_id", "recommendation_id", "snapshot_id"]);
  return Object.fromEntries(
    Object.entries(tables).map(([t, rows]) => [
      t,
      rows.map((r) => Object.fromEntries(Object.entries(r as object).filter(([k]) => !volatile.has(k)))),
    ]),
  );
}

/** Every table after one uninterrupted run of the test DAG for `day`, the reference. */
export async function runClean(
  { db, pool }: { db: { url: string }; pool: pg.Pool },
  day: string,
): Promise<Record<string, unknown[]>> {
  const q = await queueDag({ sport: "TST", date: day }, { pool, plugins: testRegistry(testWorld(day)) });
  await completeRun(pool, q, childWorldOptions(db.url, day), day);
  return dumpTables(pool);
}

export function waitForLine(child: ChildProcess, prefix: string): Promise<string> {
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

/** Runs the queued test DAG to its end on a new worker in this process; fails if any step fails. */
export async function completeRun(
  pool: pg.Pool,
  queued: { steps: StepName[]; runs: { runId: string }[] },
  options: Parameters<typeof startWorker>[0],
  day: string,
): Promise<void> {
  const worker = await startWorker(options);
  try {
    const outcome = await waitForRun(
      pool,
      { sport: "TST", date: day, steps: queued.steps, fromRunId: queued.runs[0]!.runId },
      { timeoutMs: 30_000 },
    );
    expect(outcome.ok).toBe(true);
  } finally {
    await worker.stop();
  }
}
