// Fault matrix, database part: the database stops and starts (a TCP proxy in front of the test
// server is cut and restored) under the worker in this process mid-write, under the API alone,
// under `pnpm start` (API and worker in one process) and under `edgeline worker`. Nothing exits:
// the worker waits and resumes (its liveness locks taken again), the API answers 503 meanwhile
// and 200 after, the interrupted step runs again, and every table ends as a clean run leaves it
// with every pipeline_runs row closed.
import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import path from "node:path";
import { STEP_DEFINITIONS, type StepDefinition } from "@edgeline/core";
import { afterAll, describe, expect, it } from "vitest";
import { startApiServer } from "../src/server/index.ts";
import { queueDag, startWorker, waitForRun } from "../src/worker/index.ts";
import { LIVENESS_LOCK_CLASS } from "../src/worker/liveness.ts";
import { childHarness, childWorldOptions, comparable, runClean, waitForLine } from "./pipeline-child.ts";
import { dumpTables, testRegistry, testWorld } from "./pipeline-helpers.ts";
import { startTcpProxy, type TcpProxy } from "./tcp-proxy.ts";

const DAY = "2024-01-20";
const repoRoot = path.join(import.meta.dirname, "../../..");
const harness = childHarness();
const proxies: TcpProxy[] = [];
const children: ChildProcess[] = [];
export const databaseMatrix: string[] = [];
afterAll(async () => {
  for (const c of children) if (c.exitCode === null) c.kill("SIGKILL");
  for (const p of proxies) await p.close();
  await harness.cleanup();
  if (databaseMatrix.length) console.log(`fault matrix (database):\n${databaseMatrix.join("\n")}`);
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until<T>(what: string, fn: () => Promise<T | undefined | false>, ms = 20_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await fn().catch(() => undefined);
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}
async function freePort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, "127.0.0.1", r));
  const { port } = srv.address() as { port: number };
  await new Promise((r) => srv.close(r));
  return port;
}
async function proxied(url: string): Promise<TcpProxy> {
  const proxy = await startTcpProxy(url);
  proxies.push(proxy);
  return proxy;
}
/** Liveness locks held in the database: a worker that lost its connection holds them again. */
async function livenessLocks(pool: { query: (sql: string) => Promise<{ rows: { n: number }[] }> }) {
  const { rows } = await pool.query(
    `SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND granted
        AND classid = ${LIVENESS_LOCK_CLASS}::oid
        AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
  );
  return rows[0]!.n;
}
function spawnEdgeline(script: string, args: string[], env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(repoRoot, script), ...args], {
    cwd: repoRoot,
    env: { ...process.env, EDGELINE_LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stderr!.on("data", () => {});
  children.push(child);
  return child;
}
const exitOf = (child: ChildProcess) =>
  new Promise<number | null>((resolve) =>
    child.exitCode !== null ? resolve(child.exitCode) : child.once("exit", (code) => resolve(code)),
  );

describe("database stop and start", () => {
  it("worker (in this process), mid-write: the step runs again after the restart; nothing lost or duplicated", async () => {
    const expected = await runClean(await harness.database(), DAY);
    const { db, pool } = await harness.database();
    const proxy = await proxied(db.url);
    const plugins = testRegistry(testWorld(DAY));
    const q = await queueDag({ sport: "TST", date: DAY }, { pool, plugins });

    let paused = false;
    let inWrite: () => void = () => {};
    const writing = new Promise<void>((r) => {
      inWrite = r;
    });
    const pausing: StepDefinition = {
      name: "update_elo",
      async prepare(deps, target) {
        const write = await STEP_DEFINITIONS.update_elo.prepare(deps, target);
        return async (client) => {
          const n = await write(client);
          if (!paused) {
            paused = true;
            inWrite();
            await sleep(500); // the database goes away under the open transaction
          }
          return n;
        };
      },
    };
    const worker = await startWorker({
      ...childWorldOptions(proxy.through(db.url), DAY),
      steps: { update_elo: pausing },
    });
    try {
      await writing;
      await proxy.cut();
      await sleep(1500);
      expect((await pool.query("SELECT count(*)::int AS n FROM elo_ratings")).rows[0].n).toBe(0);
      await proxy.restore();
      const outcome = await waitForRun(
        pool,
        { sport: "TST", date: DAY, steps: q.steps, fromRunId: q.runs[0]!.runId },
        { timeoutMs: 60_000 },
      );
      expect(outcome.ok, JSON.stringify(outcome.steps.map((s) => [s.step, s.status]))).toBe(true);
    } finally {
      await worker.stop();
    }
    const after = comparable(await dumpTables(pool));
    expect(after).toEqual(comparable(expected));
    const { rows: runs } = await pool.query("SELECT step, status, error FROM pipeline_runs ORDER BY run_id");
    expect(runs.filter((r) => r.status === "running" || r.status === "queued")).toEqual([]);
    const elo = runs.filter((r) => r.step === "update_elo");
    expect(elo.at(-1)?.status).toBe("succeeded");
    expect(elo.length).toBeGreaterThan(1);
    // The attempt cut off mid-write is closed as failed, with the reason, when the job runs again.
    expect(elo[0]).toMatchObject({ status: "failed" });
    expect(elo[0].error).toMatch(/interrupted|connection/i);
    databaseMatrix.push(
      `| database stop/start mid-write | worker (in process) | step retried after restart (${elo.length} attempts), run ok, ${runs.length} run rows all closed | 0 | 0 |`,
    );
  }, 90_000);

  it("the API alone: 503 while the database is down, 200 once it is back, without restarting", async () => {
    const { db, pool } = await harness.database();
    const proxy = await proxied(db.url);
    const api = await startApiServer({
      databaseUrl: proxy.through(db.url),
      plugins: testRegistry(testWorld(DAY)),
      port: 0,
      host: "127.0.0.1",
      logging: false,
      config: {
        readRequiresKey: false,
        corsOrigins: [],
        maxBodyBytes: 10_000,
        limits: { maxDepth: 12, maxAliases: 15, maxTokens: 2000, maxCost: 5000 },
      },
    });
    const ask = () =>
      fetch(api.url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: "{ games { totalCount } }" }),
      });
    try {
      expect((await ask()).status).toBe(200);
      await proxy.cut();
      const down = await ask();
      expect(down.status).toBe(503);
      expect(down.headers.get("retry-after")).toBeTruthy();
      expect((await fetch(`${api.origin}/ready`)).status).not.toBe(200);
      await proxy.restore();
      await until("the API to answer again", async () => (await ask()).status === 200);
      expect(await livenessLocks(pool)).toBe(0);
    } finally {
      await api.stop();
    }
    databaseMatrix.push(
      "| database stop/start | API alone | 503 + Retry-After while down, 200 after; process up | 0 | 0 |",
    );
  }, 60_000);

  for (const [name, script, args, upLine, serves] of [
    ["pnpm start (API + worker)", "packages/api/src/main.ts", ["--no-schedule"], "Edgeline is up", true],
    ["edgeline worker", "packages/api/src/cli/main.ts", ["worker", "--no-schedule"], "worker up", false],
  ] as const) {
    it(`${name}: the process keeps running, its worker takes its liveness locks again and it stops cleanly`, async () => {
      const { db, pool } = await harness.database();
      const proxy = await proxied(db.url);
      const port = await freePort();
      const child = spawnEdgeline(script, [...args], {
        DATABASE_URL: proxy.through(db.url),
        EDGELINE_DEMO: "0",
        PORT: String(port),
        EDGELINE_API_READ_REQUIRES_KEY: "false",
      });
      await waitForLine(child, upLine);
      await until("the worker's liveness lock", async () => (await livenessLocks(pool)) > 0);
      await proxy.cut();
      await sleep(2000);
      expect(child.exitCode).toBeNull();
      await proxy.restore();
      await until("liveness locks taken again", async () => (await livenessLocks(pool)) > 0);
      if (serves) {
        await until(
          "/ready after the restart",
          async () => (await fetch(`http://127.0.0.1:${port}/ready`)).status === 200,
        );
      }
      expect(child.exitCode).toBeNull();
      child.kill("SIGTERM");
      expect(await exitOf(child)).toBe(0);
      databaseMatrix.push(
        `| database stop/start | ${name} | kept running, liveness re-taken, exit 0 on SIGTERM | 0 | 0 |`,
      );
    }, 120_000);
  }
});
