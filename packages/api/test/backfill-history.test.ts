// A backfill of past days through the worker gets the prices that were on offer before each game:
// the plugins' demos serve The Odds API's historical snapshots and Kalshi's settled markets with
// their trades on the fake upstream, and the real sources read them. Each quote keeps its quote
// time; the replay decides two hours before each day's first game, on the prices quoted by then;
// its bets settle, and snapshots of past hours value the portfolio as it stood then.
import { addDays, DAG_STEPS, type PluginRegistry } from "@edgeline/core";
import { createTestDatabase, type TestDatabase } from "@edgeline/core/testing";
import type { FakeUpstream } from "@edgeline/testkit";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queueDemoRuns } from "../src/runtime/demo.ts";
import {
  queueBackfill,
  queueHourly,
  startWorker,
  type WorkerHandle,
  waitForRun,
} from "../src/worker/index.ts";
import { type DemoWorld, startDemoWorld } from "./demo-world.ts";
import { testPool } from "./pipeline-helpers.ts";

const TODAY = "2026-01-15";
const NOW = new Date(`${TODAY}T12:00:00Z`);
const FROM = addDays(TODAY, -4);
const TO = addDays(TODAY, -1);
const LEAD_MS = 120 * 60_000;

let world: DemoWorld;
let upstream: FakeUpstream;
let db: TestDatabase;
let pool: pg.Pool;
let plugins: PluginRegistry;
let worker: WorkerHandle;

beforeAll(async () => {
  world = await startDemoWorld({ today: TODAY, httpDeps: { sleep: async () => {} } });
  ({ upstream, plugins } = world);
  db = await createTestDatabase();
  pool = testPool(db.url);
  worker = await startWorker({
    connectionString: db.url,
    plugins,
    schedule: false,
    pollIntervalMs: 100,
    maxAttempts: 1,
    deps: { now: () => NOW },
  });
}, 60_000);

afterAll(async () => {
  await worker?.stop();
  await pool?.end();
  await db?.drop();
  await world?.close();
});

async function backfill(sport: string, from: string, to: string) {
  const q = await queueBackfill({ sport, from, to }, { pool, plugins });
  const outcomes = [];
  for (const [i, date] of q.days.entries()) {
    outcomes.push(
      await waitForRun(
        pool,
        { sport, date, steps: q.steps, fromRunId: q.runs[i]!.runId },
        { timeoutMs: 60_000 },
      ),
    );
  }
  return outcomes;
}

async function hourly(job: "portfolio_hourly_snapshot" | "bet_sync_hourly", at: Date) {
  const queued = await queueHourly(job, { pool, at });
  const day = at.toISOString().slice(0, 10);
  const o = await waitForRun(
    pool,
    { dag: "hourly", sport: null as never, date: day, steps: [job as never], fromRunId: queued.runId },
    { timeoutMs: 30_000 },
  );
  expect(o.ok).toBe(true);
}

const rows = async (sql: string, params: unknown[] = []) => (await pool.query(sql, params)).rows;

describe("a backfill of past days", () => {
  it("runs every step of each past day and stores the history's prices with their quote times", async () => {
    const outcomes = await backfill("NHL", FROM, TO);
    for (const o of outcomes) expect(o.steps.map((s) => s.status)).toEqual(DAG_STEPS.map(() => "succeeded"));
    // Both sources answered from their history: The Odds API's snapshots, Kalshi's trades.
    const requests = upstream.requests.map((r) => r.url);
    expect(requests.some((u) => u.startsWith("/v4/historical/sports/icehockey_nhl/odds"))).toBe(true);
    expect(requests.some((u) => u.startsWith("/trade-api/v2/markets/trades?ticker=KXNHLGAME-"))).toBe(true);
    expect(requests.some((u) => u.startsWith("/v4/sports/icehockey_nhl/odds"))).toBe(false);

    const quotes = await rows(
      `SELECT q.source, q.game_id, q.odds_id, q.quoted_at, g.commence_time, g.game_date::text AS day
         FROM odds_quotes q JOIN unified_games g USING (game_id)
        WHERE g.sport = 'NHL' AND g.game_date BETWEEN $1 AND $2`,
      [FROM, TO],
    );
    expect(new Set(quotes.map((q) => q.source))).toEqual(new Set(["kalshi", "the-odds-api"]));
    // Every price was quoted before its game began.
    expect(quotes.filter((q) => q.quoted_at >= q.commence_time)).toEqual([]);
    const games = await rows(
      "SELECT game_id, game_date::text AS day, commence_time, status FROM unified_games WHERE sport = 'NHL' AND game_date BETWEEN $1 AND $2",
      [FROM, TO],
    );
    expect(games.length).toBeGreaterThan(0);
    expect(games.every((g) => g.status === "Final")).toBe(true);
    const firstStart = new Map<string, number>();
    for (const g of games)
      firstStart.set(g.day, Math.min(firstStart.get(g.day) ?? Infinity, g.commence_time.getTime()));
    for (const g of games) {
      const own = quotes.filter((q) => q.game_id === g.game_id);
      const decision = firstStart.get(g.day)! - LEAD_MS;
      // A price on offer at the replay's decision time, and a close within minutes of the start.
      expect(own.some((q) => q.quoted_at.getTime() <= decision)).toBe(true);
      const latest = Math.max(...own.map((q) => q.quoted_at.getTime()));
      expect(g.commence_time.getTime() - latest).toBeLessThan(10 * 60_000);
    }
  });

  it("recommends and bets at the decision time on prices quoted by then, and settles the bets", async () => {
    const recs = await rows(
      `SELECT r.generated_at, r.quoted_at, r.status, g.game_date::text AS day, g.commence_time
         FROM bet_recommendations r JOIN unified_games g USING (game_id)
        WHERE r.sport = 'NHL' AND g.game_date BETWEEN $1 AND $2`,
      [FROM, TO],
    );
    expect(recs.length).toBeGreaterThan(0);
    const firstStart = new Map<string, number>();
    for (const g of await rows(
      "SELECT game_date::text AS day, min(commence_time) AS first FROM unified_games WHERE sport = 'NHL' GROUP BY 1",
    ))
      firstStart.set(g.day, g.first.getTime());
    for (const r of recs) {
      expect(r.generated_at.getTime()).toBe(firstStart.get(r.day)! - LEAD_MS);
      expect(r.quoted_at.getTime()).toBeLessThanOrEqual(r.generated_at.getTime());
      // An edge above the sport's maxEdge is kept as suspect and never bet; every other one is bet.
      expect(["executed", "suspect"]).toContain(r.status);
    }
    const betOn = recs.filter((r) => r.status === "executed");
    expect(betOn.length).toBeGreaterThan(0);
    const bets = await rows(
      `SELECT b.placed_time_utc, b.status, b.result, g.game_date::text AS day FROM placed_bets b
         JOIN unified_games g USING (game_id) WHERE g.sport = 'NHL' AND g.game_date BETWEEN $1 AND $2`,
      [FROM, TO],
    );
    expect(bets).toHaveLength(betOn.length);
    for (const b of bets) expect(b.placed_time_utc.getTime()).toBe(firstStart.get(b.day)! - LEAD_MS);

    await hourly("bet_sync_hourly", NOW);
    const settled = await rows("SELECT status, result FROM placed_bets WHERE status <> 'pending'");
    expect(settled).toHaveLength(bets.length);
    expect(settled.every((b) => b.result !== null)).toBe(true);
  });

  it("values past hours as they stood: nothing before the first bet, the results once the games were over", async () => {
    const [first] = await rows("SELECT min(placed_time_utc) AS t FROM placed_bets");
    const before = new Date(first.t.getTime() - 3_600_000);
    await hourly("portfolio_hourly_snapshot", before);
    const end = new Date(`${TODAY}T06:00:00Z`);
    await hourly("portfolio_hourly_snapshot", end);
    const snaps = await rows(
      "SELECT snapshot_time, total_value::text, invested_amount::text, realized_pnl::text FROM portfolio_snapshots ORDER BY snapshot_time",
    );
    expect(snaps).toHaveLength(2);
    expect(snaps[0]).toMatchObject({ invested_amount: "0.00", realized_pnl: "0.00" });
    const [pnl] = await rows("SELECT coalesce(sum(result), 0)::numeric(10,2)::text AS pnl FROM placed_bets");
    // By 06:00 on the 15th every bet of the 11th to the 14th had had four hours to finish.
    expect(snaps[1]).toMatchObject({ invested_amount: "0.00", realized_pnl: pnl.pnl });
  });

  it("goes on with the other sources when The Odds API's key has no history (HTTP 401)", async () => {
    const day = addDays(FROM, -1);
    upstream.injectFault("/v4/historical", { kind: "status", status: 401, times: 100 });
    try {
      const [outcome] = await backfill("NHL", day, day);
      expect(outcome!.ok).toBe(true);
      const sources = await rows(
        `SELECT DISTINCT q.source FROM odds_quotes q JOIN unified_games g USING (game_id) WHERE g.game_date = $1`,
        [day],
      );
      expect(sources.map((s) => s.source)).toEqual(["kalshi"]);
    } finally {
      upstream.clearFaults();
    }
  });

  it("the demo's runs: once the backfill is done, every past hour of the window has its snapshot, and the played days a stored backtest", async () => {
    const { history } = await queueDemoRuns(
      { sports: ["NHL"], from: TO, today: TODAY },
      { pool, plugins, signal: new AbortController().signal, now: () => NOW },
    );
    // From midnight of the window's first day to the current hour, inclusive.
    expect(await history).toEqual({ hours: 37, backtests: 1 });
    const stored = await rows("SELECT sport, strategy, from_date::text, to_date::text FROM backtest_runs");
    expect(stored).toEqual([{ sport: "NHL", strategy: "default", from_date: TO, to_date: TO }]);
    const deadline = Date.now() + 60_000;
    const snapshots = async () =>
      Number(
        (
          await rows(
            "SELECT count(*) AS n FROM portfolio_snapshots WHERE snapshot_time >= $1 AND snapshot_time <= $2",
            [`${TO}T00:00:00Z`, NOW],
          )
        )[0].n,
      );
    while ((await snapshots()) < 37 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    expect(await snapshots()).toBe(37);
    // Started again (a restart of the demo), it finds the backtest stored and adds none.
    const again = await queueDemoRuns(
      { sports: ["NHL"], from: TO, today: TODAY },
      { pool, plugins, signal: new AbortController().signal, now: () => NOW },
    );
    expect((await again.history).backtests).toBe(0);
  });
});
