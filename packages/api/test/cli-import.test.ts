// `edgeline import` as the user runs it: a subprocess of the CLI against a test database. The
// summary, the second run that writes nothing, --json, and the exit codes and messages of a
// refused file and of bad arguments (no stack traces).
import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createTestDatabase, type TestDatabase } from "@edgeline/core/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const repoRoot = path.resolve(import.meta.dirname, "../../..");
const dir = mkdtempSync(path.join(tmpdir(), "edgeline-cli-import-"));
let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.drop();
});

function cli(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "packages/api/src/cli/main.ts", ...args], {
      cwd: repoRoot,
      env: { ...process.env, DATABASE_URL: db.url, EDGELINE_LOG_LEVEL: "silent" },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

const file = (name: string, lines: string[]) => {
  const p = path.join(dir, name);
  writeFileSync(p, `${lines.join("\n")}\n`);
  return p;
};
const PLAIN = "date,time,season,home,away,home_score,away_score,home_price,away_price";

describe("edgeline import", () => {
  it("imports, prints what it wrote, and says so when a second run writes nothing", async () => {
    const games = file("nhl.csv", [PLAIN, "2024-01-20,19:00,2023,BOS,LAK,3,2,1.80,2.10"]);
    const first = await cli("import", "plain", "--sport", "nhl", "--file", games);
    expect(first.stderr).toBe("");
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/games 1 \(1 new, 0 changed in 0 cells\), quotes 2 \(2 added/);
    const second = await cli("import", "plain", "--sport", "NHL", "--file", games, "--json");
    expect(second.code).toBe(0);
    const summary = JSON.parse(second.stdout);
    expect(summary).toMatchObject({
      ok: true,
      sport: "NHL",
      totals: { rowsWritten: 0, games: { unchanged: 1 } },
    });
  });

  it("exits 1 when files are refused, listing each problem's row, column and value, without a stack trace", async () => {
    const unknown = file("nhl-unknown.csv", [PLAIN, "2024-01-21,19:00,2023,BOS,Hartford,3,2,1.80,2.10"]);
    const malformed = file("nhl-malformed.csv", [PLAIN, "2024-01-22,19:00,2023,BOS,LAK,3,x,1.80,2.10"]);
    const r = await cli("import", "plain", "--sport", "NHL", "--file", unknown, malformed);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('value "Hartford": unknown team name "Hartford" (rows 2)');
    expect(r.stdout).toContain(
      'nhl-malformed.csv, row 2, column away_score, value "x": expected a whole number',
    );
    expect(r.stdout).toMatch(/nothing written: 2 of 2 files refused with 2 errors/);
    expect(`${r.stdout}${r.stderr}`).not.toMatch(/\n\s+at /);
  });

  it("names a bad argument and exits 2; a missing file exits 1", async () => {
    const kind = await cli("import", "odds-portal", "--sport", "NHL", "--file", "x.csv");
    expect(kind.code).toBe(2);
    expect(kind.stderr).toContain(
      'unknown kind "odds-portal"; kinds are football-data, fivethirtyeight, sbr, plain',
    );
    const season = await cli("import", "plain", "--sport", "NHL", "--file", "x.csv", "--season", "2023-24");
    expect(season.code).toBe(2);
    expect(season.stderr).toContain("--season: the plain layout has a season column");
    const missing = await cli("import", "plain", "--sport", "NHL", "--file", path.join(dir, "none.csv"));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("no such file or folder");
  });
});
