// CLI error messages as a user sees them (a subprocess of the CLI on a test database): options
// named as typed, one line, no stack trace; `run --timeout` bounds the wait; `odds convert` refuses
// odds whose other forms overflow.
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createTestDatabase, type TestDatabase } from "@edgeline/core/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db?.drop());

function cli(env: Record<string, string>, ...args: string[]) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "packages/api/src/cli/main.ts", ...args], {
      cwd: repoRoot,
      env: { ...process.env, EDGELINE_LOG_LEVEL: "error", ...env },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => {
      stdout += d;
    });
    child.stderr.on("data", (d) => {
      stderr += d;
    });
    child.on("exit", (code) => resolve({ code, stdout, stderr }));
  });
}

describe("CLI errors", () => {
  it("names the option of a bad value in the user's spelling", async () => {
    const r = await cli({ DATABASE_URL: db.url }, "run", "NHL", "--max-attempts", "x", "--no-worker");
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe("error: --max-attempts: Invalid input: expected number, received NaN");
  });

  it("prints a zod failure of a queueing call as one line naming the option, not an issue array", async () => {
    const r = await cli(
      { DATABASE_URL: db.url },
      "backfill",
      "NHL",
      "--from",
      "2025-01-02",
      "--to",
      "2025-01-01",
      "--no-worker",
    );
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain("error: --from: from is after to");
    expect(r.stderr).not.toContain('"code"');
  });

  it("says the database is unreachable in one line, without a stack trace", async () => {
    const r = await cli(
      { DATABASE_URL: "postgresql://postgres@127.0.0.1:9/none" },
      "run",
      "NHL",
      "--no-worker",
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: database unreachable: /);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it("run --timeout stops waiting when no worker runs the jobs, and says so", async () => {
    const r = await cli(
      { DATABASE_URL: db.url },
      "run",
      "NHL",
      "--date",
      "2026-11-28",
      "--no-worker",
      "--timeout",
      "1",
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("--timeout: not done after 1s; the run goes on in the queue");
  });

  it("odds convert 1e308 is refused", async () => {
    const r = await cli({}, "odds", "convert", "1e308");
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe('error: price "1e308" (decimal): is beyond decimal odds of 1000000');
  });
});
