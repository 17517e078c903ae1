// `edgeline screen` as the user runs it (a subprocess of the CLI) on a real PostgreSQL: two EPL
// games tomorrow with quotes written through core's price write path. sharp-reference finds the
// soft book lagging Pinnacle (and never uses the quote older than --max-age); arbitrage finds the
// set across two books with stakes that pay alike; a bad --strategy is refused naming it.
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { calendarDayIn, createPgPool, recordPrices, upsertGames } from "@edgeline/core";
import { createTestDatabase, type TestDatabase } from "@edgeline/core/testing";
import { Decimal } from "decimal.js";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

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

const now = Date.now();
const start = new Date(Math.ceil((now + 24 * 3_600_000) / 3_600_000) * 3_600_000);
const day = calendarDayIn(start, "Europe/London");
const gameId = (away: string, home: string) => `EPL_${day.replaceAll("-", "")}_${away}_${home}`;
const G1 = gameId("CHE", "ARS");
const G2 = gameId("LIV", "MCI");
const minutesAgo = (m: number) => new Date(now - m * 60_000);

function quote(
  game: string,
  bookmaker: string,
  outcome: "home_team_win" | "draw" | "away_team_win",
  price: number,
  at: Date,
) {
  return {
    record: {
      oddsId: `${bookmaker.toLowerCase().replace(/\W/g, "")}_${game}_moneyline_${outcome}`,
      gameId: game,
      bookmaker,
      marketName: "moneyline" as const,
      outcomeName: outcome,
      price: new Decimal(price),
      line: null,
      lastUpdate: at,
      isPregame: true,
      externalId: null,
    },
    source: "test",
  };
}

const game = (id: string, home: string, away: string) => ({
  gameId: id,
  sport: "EPL",
  gameDate: day,
  season: 2026,
  status: "Scheduled" as const,
  homeTeamId: home,
  homeTeamName: home,
  awayTeamId: away,
  awayTeamName: away,
  homeScore: null,
  awayScore: null,
  commenceTime: start,
  venue: null,
});

beforeAll(async () => {
  db = await createTestDatabase();
  pool = createPgPool({ connectionString: db.url, poolSize: 2 });
  await upsertGames(pool, [game(G1, "ARS", "CHE"), game(G2, "MCI", "LIV")]);
  await recordPrices(
    pool,
    [
      // G1: Pinnacle 2.00/3.60/4.00 de-vigs home to 0.5/1.02778 = 48.65%; Bet365's 2.25 lags it (+9.46%).
      quote(G1, "Pinnacle", "home_team_win", 2.0, minutesAgo(10)),
      quote(G1, "Pinnacle", "draw", 3.6, minutesAgo(10)),
      quote(G1, "Pinnacle", "away_team_win", 4.0, minutesAgo(10)),
      quote(G1, "Bet365", "home_team_win", 2.25, minutesAgo(20)),
      // Three hours old: past --max-age 60, never used (it would be the best price).
      quote(G1, "William Hill", "home_team_win", 3.0, minutesAgo(180)),
      // G2: Bet365's home 2.30 with Pinnacle's draw 3.80 and away 3.90 sum to 95.44%.
      quote(G2, "Pinnacle", "home_team_win", 2.0, minutesAgo(5)),
      quote(G2, "Pinnacle", "draw", 3.8, minutesAgo(5)),
      quote(G2, "Pinnacle", "away_team_win", 3.9, minutesAgo(5)),
      quote(G2, "Bet365", "home_team_win", 2.3, minutesAgo(5)),
      quote(G2, "Bet365", "draw", 3.3, minutesAgo(5)),
      quote(G2, "Bet365", "away_team_win", 3.0, minutesAgo(5)),
    ],
    new Date(now),
  );
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

  it("refuses an unknown strategy, naming the loaded ones", async () => {
    const r = await cli(["screen", "--sport", "EPL", "--strategy", "martingale"]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(
      /--strategy martingale: .*strategies: model-edge, sharp-reference, consensus, arbitrage/,
    );
  }, 60_000);
});
