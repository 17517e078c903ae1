// Fault matrix, signals part: Ctrl-C in a terminal sends SIGINT to the whole foreground process
// group. `pnpm start` on the embedded PostgreSQL, in demo mode with steps running, gets SIGINT
// to its group: the embedded server (in its own group) must not see it, the worker finishes or
// releases its jobs, the server is stopped last, the process exits 0, and afterwards no
// pipeline_runs row is left running and no job carries a connection error.
import { type ChildProcess, spawn } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  createPgClient,
  embeddedAccessProblem,
  embeddedBinariesDir,
  startEmbeddedPostgres,
} from "@edgeline/core";
import { afterAll, describe, expect, it } from "vitest";
import { waitForLine } from "./pipeline-child.ts";

const repoRoot = path.join(import.meta.dirname, "../../..");
const dataDir = mkdtempSync(path.join(tmpdir(), "edgeline-sigint-"));
// Run as root, the embedded server runs as an unprivileged user who must reach its data folder.
chmodSync(dataDir, 0o755);
const problem = embeddedAccessProblem([embeddedBinariesDir(), dataDir]);
if (problem) console.log(`skipping the SIGINT fault: ${problem}`);

let child: ChildProcess | undefined;
afterAll(() => {
  if (child?.pid && child.exitCode === null) process.kill(-child.pid, "SIGKILL");
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function freePort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, "127.0.0.1", r));
  const { port } = srv.address() as { port: number };
  await new Promise((r) => srv.close(r));
  return port;
}
function embeddedUrl(): string | undefined {
  const pidFile = path.join(dataDir, "pg", "postmaster.pid");
  if (!existsSync(pidFile)) return undefined;
  const port = Number(readFileSync(pidFile, "utf8").split("\n")[3]);
  return Number.isInteger(port) ? `postgresql://edgeline:edgeline@127.0.0.1:${port}/edgeline` : undefined;
}
async function scalar(url: string, sql: string): Promise<number> {
  const c = createPgClient({ connectionString: url, onError: () => {} });
  await c.connect();
  try {
    return Number((await c.query(sql)).rows[0]?.n ?? 0);
  } finally {
    await c.end();
  }
}

export const signalMatrix: string[] = [];

describe.skipIf(problem !== undefined)(
  "SIGINT to the process group of pnpm start on the embedded database",
  () => {
    it("finishes or releases the running steps, stops the database last, exits 0, leaves no run row open", async () => {
      const env: Record<string, string | undefined> = {
        ...process.env,
        EDGELINE_DATA_DIR: dataDir,
        PORT: String(await freePort()),
        EDGELINE_DEMO: "1",
        EDGELINE_SHUTDOWN_TIMEOUT_MS: "5000",
        EDGELINE_LOG_LEVEL: "warn",
      };
      delete env.DATABASE_URL;
      let output = "";
      child = spawn(
        process.execPath,
        ["--import", "tsx", path.join(repoRoot, "packages/api/src/main.ts"), "--no-schedule"],
        {
          cwd: repoRoot,
          env,
          // Its own process group, as a shell gives a foreground job: the test signals the group.
          detached: true,
          stdio: ["ignore", "pipe", "pipe"],
        },
      );
      child.stdout!.on("data", (d: Buffer) => {
        output += d.toString();
      });
      child.stderr!.on("data", (d: Buffer) => {
        output += d.toString();
      });
      const exited = new Promise<number | null>((resolve) => child!.once("exit", (code) => resolve(code)));
      await waitForLine(child, "demo: queued");
      const url = embeddedUrl();
      expect(url).toBeDefined();
      const deadline = Date.now() + 60_000;
      while ((await scalar(url!, "SELECT count(*) AS n FROM pipeline_runs WHERE status = 'running'")) === 0) {
        if (Date.now() > deadline) throw new Error("no step started within 60 s");
        await sleep(20);
      }
      process.kill(-child.pid!, "SIGINT");
      const code = await exited;
      expect(code, output).toBe(0);
      expect(output).toContain("SIGINT: stopping");
      expect(output).not.toMatch(/Failed to fail jobs|ECONNREFUSED|Unhandled|57P01/);
      // The server went down with the process, after it: nothing is left listening on its files.
      for (let i = 0; i < 50 && existsSync(path.join(dataDir, "pg", "postmaster.pid")); i++) await sleep(100);
      expect(existsSync(path.join(dataDir, "pg", "postmaster.pid"))).toBe(false);

      const db = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "pg"), database: "edgeline" });
      try {
        const running = await scalar(
          db.url,
          "SELECT count(*) AS n FROM pipeline_runs WHERE status = 'running'",
        );
        const broken = await scalar(
          db.url,
          "SELECT count(*) AS n FROM graphile_worker._private_jobs WHERE last_error ~* 'ECONNREFUSED|terminating connection|Connection terminated'",
        );
        const runs = await scalar(db.url, "SELECT count(*) AS n FROM pipeline_runs");
        expect(running).toBe(0);
        expect(broken).toBe(0);
        signalMatrix.push(
          `| SIGINT to the process group mid-step | pnpm start (embedded DB) | exit 0, DB stopped last, ${runs} run rows none running, no job with a connection error | 0 | 0 |`,
        );
        console.log(`fault matrix (signals):\n${signalMatrix.join("\n")}`);
      } finally {
        await db.stop();
      }
    }, 180_000);
  },
);
