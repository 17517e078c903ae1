// Plugins that live outside every bundled package (core's test fixtures: a cricket sport with its
// own Elo model, base URL, fake routes and demo; an exchange that is both an odds source and a
// venue) run the whole DAG on graphile-worker and every CLI command, loaded through
// EDGELINE_PLUGINS, with no change to any bundled package.
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { addDays, loadPlugins, type PluginRegistry, replayElo } from "@edgeline/core";
import { createTestDatabase, type TestDatabase } from "@edgeline/core/testing";
import {
  type FakeUpstream,
  fakeRoutesOf,
  generateDemoUpstream,
  localSourceEnv,
  startFakeUpstream,
} from "@edgeline/testkit";
import { Decimal } from "decimal.js";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queueBackfill, startWorker, type WorkerHandle, waitForRun } from "../src/worker/index.ts";
import { demoSports, testPool } from "./pipeline-helpers.ts";

const repoRoot = path.resolve(import.meta.dirname, "../../..");
const fixtures = path.join(repoRoot, "packages/core/test/plugins/fixtures");
const EDGELINE_PLUGINS = `${path.join(fixtures, "sport-cricket")},${path.join(fixtures, "source-cricket-odds")}`;
const TODAY = "2026-04-20";
const FROM = addDays(TODAY, -6);

let dir: string;
let upstream: FakeUpstream;
let env: Record<string, string>;
let plugins: PluginRegistry;
let db: TestDatabase;
let pool: pg.Pool;
let worker: WorkerHandle;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "edgeline-third-party-"));
  const loaded = await loadPlugins({ env: { EDGELINE_PLUGINS } });
  await generateDemoUpstream({
    sports: demoSports(loaded),
    outDir: dir,
    today: TODAY,
    daysBefore: 7,
    daysAfter: 1,
  });
  const all = loaded.all().map((p) => p.plugin);
  upstream = await startFakeUpstream({ dataDir: dir, routes: fakeRoutesOf(all), today: TODAY });
  env = { EDGELINE_PLUGINS, ...localSourceEnv(all, upstream.url) };
  plugins = await loadPlugins({ env });
  db = await createTestDatabase();
  pool = testPool(db.url);
  worker = await startWorker({
    connectionString: db.url,
    plugins,
    schedule: false,
    pollIntervalMs: 100,
    // After the demo's noon quotes and before the evening games start.
    deps: { now: () => new Date(`${TODAY}T13:00:00Z`) },
  });
}, 60_000);

afterAll(async () => {
  await worker?.stop();
  await pool?.end();
  await db?.drop();
  await upstream?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const rows = async (sql: string) => (await pool.query(sql)).rows;

describe("a third-party sport and exchange through the whole DAG", () => {
  it("backfills a week: games, the exchange's quotes, the sport's own Elo, recommendations and bets at the exchange's rules", async () => {
    const backfill = await queueBackfill({ sport: "CRICKET", from: FROM, to: TODAY }, { pool, plugins });
    for (const [i, date] of backfill.days.entries()) {
      const run = { sport: "CRICKET", date, steps: backfill.steps, fromRunId: backfill.runs[i]!.runId };
      const outcome = await waitForRun(pool, run, { timeoutMs: 60_000 });
      expect(outcome.ok, `${date}: ${JSON.stringify(outcome.steps)}`).toBe(true);
    }
    const [{ games, final }] = await rows(
      "SELECT count(*)::int AS games, count(*) FILTER (WHERE status = 'Final')::int AS final FROM unified_games WHERE sport = 'CRICKET'",
    );
    expect(final).toBeGreaterThanOrEqual(10);
    expect(games).toBeGreaterThan(final);

    // The sport's own model rated the finals: replaying them with it gives the stored ratings.
    const finals = await rows(
      `SELECT game_date::text AS date, season, home_team_id AS home, away_team_id AS away, home_score, away_score
         FROM unified_games WHERE sport = 'CRICKET' AND status = 'Final' ORDER BY game_date, game_id`,
    );
    const { elo } = plugins.sport("CRICKET");
    expect(elo.name).toBe("cricket-ipl");
    const replay = replayElo(
      elo,
      finals.map((g) => ({
        date: g.date,
        season: g.season,
        home: g.home,
        away: g.away,
        homeScore: g.home_score,
        awayScore: g.away_score,
      })),
    );
    const stored = await rows(
      "SELECT entity_id, rating::text, valid_from::text, valid_to::text FROM elo_ratings WHERE sport = 'CRICKET' ORDER BY entity_id, valid_from",
    );
    expect(stored.length).toBeGreaterThan(8);
    expect(stored).toEqual(
      replay.history.map((r) => ({
        entity_id: r.entityId,
        rating: r.rating.toFixed(2),
        valid_from: r.validFrom,
        valid_to: r.validTo,
      })),
    );

    const [quotes] = await rows(
      "SELECT count(*)::int AS n, count(DISTINCT source)::int AS sources, min(source) AS source FROM odds_quotes",
    );
    expect(quotes).toMatchObject({ sources: 1, source: "crease" });
    expect(quotes.n).toBeGreaterThan(0);
    const recs = await rows("SELECT bookmaker, price::text, quote_id FROM bet_recommendations");
    expect(recs.length).toBeGreaterThan(0);
    expect(recs.every((r) => r.bookmaker === "Crease Exchange" && r.quote_id !== null)).toBe(true);
    // Paper bets are paid as the exchange pays: 5% commission on the net winnings.
    const bets = await rows("SELECT stake::text, odds::text, potential_payout::text FROM placed_bets");
    expect(bets.length).toBeGreaterThan(0);
    for (const b of bets) {
      const stake = new Decimal(b.stake);
      const payout = stake.plus(stake.times(new Decimal(b.odds).minus(1)).times("0.95"));
      expect(b.potential_payout).toBe(payout.toDecimalPlaces(2, Decimal.ROUND_DOWN).toFixed(2));
    }
  });
});

describe("the CLI with a third-party sport", () => {
  /** The CLI in a child process; asynchronously, since the fake upstream it calls runs in this one. */
  function cli(
    args: string[],
    extraEnv: Record<string, string> = {},
  ): Promise<{ code: number; out: string }> {
    return new Promise((resolve) => {
      execFile(
        process.execPath,
        ["--import", "tsx", "packages/api/src/cli/main.ts", ...args],
        { cwd: repoRoot, env: { ...process.env, ...env, ...extraEnv, EDGELINE_LOG_LEVEL: "warn" } },
        (error, stdout, stderr) =>
          resolve({ code: error ? Number(error.code ?? 1) : 0, out: `${stdout}${stderr}` }),
      );
    });
  }

  it("elo replay rates a CSV with the sport's own model; lower-case codes work; an unknown sport is named", async () => {
    const input = path.join(dir, "cricket.csv");
    const output = path.join(dir, "rated.csv");
    await writeFile(
      input,
      "date,season,home,away,home_score,away_score\n2026-04-01,2026,MI,CSK,180,170\n2026-04-02,2026,CSK,MI,150,160\n",
    );
    const ok = await cli(["elo", "replay", "--sport", "cricket", "--input", input, "--output", output]);
    expect(ok.out).toContain("cricket-ipl: rated 2 games (2 played)");
    expect(ok.code).toBe(0);
    const bad = await cli(["elo", "replay", "--sport", "curling", "--input", input, "--output", output]);
    expect(bad.code).toBe(1);
    expect(bad.out).toContain('--sport: unknown sport "curling"; loaded: CRICKET');
  });

  it("run and backfill a day of the third-party sport against the same database", async () => {
    const run = await cli(["run", "CRICKET", "--date", TODAY], { DATABASE_URL: db.url });
    expect(run.out).toMatch(/load_bets_db/);
    expect(run.out).not.toMatch(/failed/);
    expect(run.code, run.out).toBe(0);
    const backfill = await cli(["backfill", "cricket", "--from", addDays(TODAY, -1), "--to", TODAY], {
      DATABASE_URL: db.url,
    });
    expect(backfill.code, backfill.out).toBe(0);
  }, 120_000);
});
