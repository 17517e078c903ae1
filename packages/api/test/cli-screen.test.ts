// `edgeline screen` as the user runs it (a subprocess of the CLI) on a real PostgreSQL: two EPL
// games tomorrow with quotes written through core's price write path. sharp-reference finds the
// soft book lagging Pinnacle (and never uses the quote older than --max-age); arbitrage finds the
// set across two books with stakes that pay alike; a bad --strategy is refused naming it.
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createPgPool } from "@edgeline/core";
import { createTestDatabase, type TestDatabase } from "@edgeline/core/testing";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { G1, G2, seedScreen } from "./screen-seed.ts";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
let db: TestDatabase;
let pool: pg.Pool;

function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "packages/api/src/cli/main.ts", ...args], {
      cwd: repoRoot,
      env: { ...process.env, DATABASE_URL: db.url, EDGELINE_LOG_LEVEL: "warn", EDGELINE_BANKROLL: "1000" },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => {
      stdout += d;
    });
    child.stderr.on("data", (d) => {
      stderr += d;
    });
    child.on("close", (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

beforeAll(async () => {
  db = await createTestDatabase();
  pool = createPgPool({ connectionString: db.url, poolSize: 2 });
  await seedScreen(pool);
}, 60_000);

afterAll(async () => {
  await pool?.end();
  await db?.drop();
});

describe("edgeline screen", () => {
  it("lists the soft book lagging Pinnacle, at its Kelly stake, without the stale quote", async () => {
    const r = await cli([
      "screen",
      "--sport",
      "EPL",
      "--strategy",
      "sharp-reference",
      "--max-age",
      "60",
      "--json",
    ]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { opportunities: Array<Record<string, unknown>> };
    const g1 = out.opportunities.filter((o) => o.gameId === G1);
    expect(g1).toHaveLength(1);
    const fair = 0.5 / (0.5 + 1 / 3.6 + 0.25);
    expect(g1[0]).toMatchObject({ selection: "home", bookmaker: "Bet365", price: 2.25, venue: "manual" });
    expect(g1[0]!.fairPrice as number).toBeCloseTo(1 / fair, 10);
    expect(g1[0]!.edge as number).toBeCloseTo(fair * 2.25 - 1, 10);
    // ¼ Kelly: 1000 × (0.48649 × 2.25 − 1) / 1.25 / 4 = 18.919, rounded down to the cent.
    expect(g1[0]!.stake).toBe("18.91");
    expect(g1[0]!.ageSeconds as number).toBeGreaterThanOrEqual(20 * 60);
    const text = await cli(["screen", "--sport", "EPL", "--max-age", "60"]);
    expect(text.stdout).toMatch(/CHE at ARS .* moneyline home .* Bet365 .* 2\.25 .* 2\.06 .* \+9\.5%/);
  }, 60_000);

  it("lists an arbitrage set with stakes paying alike and its locked profit", async () => {
    const r = await cli(["screen", "--sport", "EPL", "--strategy", "arbitrage", "--json"]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as {
      sets: Array<{
        kind: string;
        staked: string;
        lockedProfit: string;
        legs: Array<{ gameId: string; bookmaker: string; price: number; stake: string }>;
      }>;
    };
    // G1 is one too (Bet365's 2.25 with Pinnacle's 3.60 and 4.00: 97.2%), without the stale 3.00.
    expect(out.sets.map((x) => x.legs[0]!.gameId).sort()).toEqual([G1, G2].sort());
    const g1 = out.sets.find((x) => x.legs[0]!.gameId === G1)!;
    expect(g1.legs.map((l) => l.price)).toEqual([2.25, 3.6, 4.0]);
    const set = out.sets.find((x) => x.legs[0]!.gameId === G2);
    expect(set!.kind).toBe("arbitrage");
    expect(set!.legs.map((l) => [l.bookmaker, l.price])).toEqual([
      ["Bet365", 2.3],
      ["Pinnacle", 3.8],
      ["Pinnacle", 3.9],
    ]);
    const payouts = set!.legs.map((l) => Number(l.stake) * l.price);
    for (const p of payouts) expect(Math.abs(p - payouts[0]!)).toBeLessThan(0.05);
    // 100 staked, 1/0.95444 back: about 4.77 locked.
    expect(Number(set!.lockedProfit)).toBeCloseTo(100 / (1 / 2.3 + 1 / 3.8 + 1 / 3.9) - 100, 0);
  }, 60_000);

  it("--watch reprints until interrupted, then closes cleanly", async () => {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", "packages/api/src/cli/main.ts", "screen", "--sport", "EPL", "--watch", "5"],
      { cwd: repoRoot, env: { ...process.env, DATABASE_URL: db.url, EDGELINE_LOG_LEVEL: "warn" } },
    );
    let stdout = "";
    const firstScreen = new Promise<void>((resolve) => {
      child.stdout.on("data", (d) => {
        stdout += d;
        if (stdout.includes('strategy "sharp-reference"')) resolve();
      });
    });
    const closed = new Promise<number | null>((resolve) => child.on("close", resolve));
    await firstScreen;
    child.kill("SIGINT");
    expect(await closed).toBe(0);
    expect(stdout.match(/strategy "sharp-reference"/g)).toHaveLength(1);
  }, 60_000);

  it("refuses an unknown strategy, naming the loaded ones", async () => {
    const r = await cli(["screen", "--sport", "EPL", "--strategy", "martingale"]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(
      /--strategy martingale: .*strategies: model-edge, sharp-reference, consensus, arbitrage/,
    );
  }, 60_000);
});
