// `edgeline bets` and `edgeline trading` as the user runs them (a subprocess of the CLI) on a test
// database: the manual queue with the minimum acceptable odds, confirm and cancel with their
// history, bad input named, and the kill switch.
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createPgPool, insertBets, type PlacedBetRecord } from "@edgeline/core";
import { createTestDatabase, type TestDatabase } from "@edgeline/core/testing";
import { Decimal } from "decimal.js";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
let db: TestDatabase;
let pool: pg.Pool;

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

const awaiting = (betId: string): PlacedBetRecord => ({
  betId,
  gameId: null,
  marketId: `m-${betId}`,
  bookmaker: "DraftKings",
  outcome: "home_team_win",
  stake: new Decimal(20),
  odds: new Decimal("2.4"),
  potentialPayout: new Decimal(48),
  status: "awaiting",
  result: null,
  placedTimeUtc: new Date("2026-01-15T12:00:00Z"),
  marketTitle: null,
  marketCloseTimeUtc: null,
  openingOdds: new Decimal("2.4"),
  tradingMode: "live",
  venue: "manual",
  minOdds: new Decimal("2.04"),
});

beforeAll(async () => {
  db = await createTestDatabase();
  pool = createPgPool({ connectionString: db.url, poolSize: 2 });
  await insertBets(pool, [awaiting("q-1"), awaiting("q-2")], { reasons: ["queued", "queued"] });
});
afterAll(async () => {
  await pool?.end();
  await db?.drop();
});

describe("edgeline bets", () => {
  it("lists the queue with the minimum odds, confirms one, cancels the other, and prints the history", async () => {
    const list = await cli("bets", "--status", "awaiting");
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(
      /q-1 +LIVE +manual +DraftKings +awaiting +stake 20\.00 at 2\.4000 min odds 2\.0400/,
    );
    const bad = await cli("bets", "confirm", "q-1", "--odds", "0.9", "--stake", "20");
    expect([bad.code, bad.stderr.trim()]).toEqual([2, "error: --odds: odds must be greater than 1"]);
    const ok = await cli("bets", "confirm", "q-1", "--odds", "2.35", "--stake", "18");
    expect([ok.code, ok.stdout.trim()]).toEqual([0, "confirmed q-1: 18.00 at 2.3500"]);
    const again = await cli("bets", "confirm", "q-1", "--odds", "2.35", "--stake", "18");
    expect([again.code, again.stderr.trim()]).toEqual([
      1,
      "error: bet q-1 is pending; only a bet awaiting confirmation can be confirmed",
    ]);
    expect((await cli("bets", "cancel", "q-2", "--reason", "limited")).code).toBe(0);
    const history = await cli("bets", "history", "q-1");
    expect(
      history.stdout
        .trim()
        .split("\n")
        .map((l) => l.replace(/^\S+ {2}/, "")),
    ).toEqual([
      "-         -> awaiting   queued",
      "awaiting  -> pending    confirmed by hand: 18.00 at 2.3500",
    ]);
    expect((await pool.query("SELECT bet_id, status FROM placed_bets ORDER BY 1")).rows).toEqual([
      { bet_id: "q-1", status: "pending" },
      { bet_id: "q-2", status: "cancelled" },
    ]);
  }, 60_000);
});

describe("edgeline trading", () => {
  it("pauses, reports and resumes", async () => {
    const paused = await cli("trading", "pause", "--reason", "maintenance");
    expect(paused.stdout).toMatch(/^trading PAUSED since .* by cli .*: maintenance$/m);
    expect((await cli("trading", "status")).stdout).toMatch(/^trading PAUSED/);
    expect((await cli("trading", "resume")).stdout).toMatch(/^trading ON \(resumed /);
    expect((await cli("trading", "refusals")).stdout.trim()).toBe("no refusals");
  }, 60_000);
});
