// A week of demo days of NHL on paper (the books usually beat Kalshi's price: a week has both), with the real plugins (NHL, Kalshi, The Odds API) against the
// fake upstream and a real worker: Kalshi-priced recommendations go the Kalshi venue's way
// (contracts and fees kept) and book-priced ones the manual venue's, every bet marked paper; bet
// sync settles them by the results and records each one's closing line; the hourly snapshot and
// GraphQL's portfolio show it. Then the kill switch, set while the worker runs, stops its next
// place_bets, which records why.
import { type PluginRegistry, setTradingSwitch } from "@edgeline/core";
import { createTestDatabase, type TestDatabase } from "@edgeline/core/testing";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  queueBackfill,
  queueDag,
  queueHourly,
  startWorker,
  type WorkerHandle,
  waitForRun,
} from "../src/worker/index.ts";
import { type DemoWorld, startDemoWorld } from "./demo-world.ts";
import { testPool } from "./pipeline-helpers.ts";

const TODAY = "2026-01-15";
const NOW = new Date(`${TODAY}T12:00:00Z`);
let world: DemoWorld;
let db: TestDatabase;
let pool: pg.Pool;
let plugins: PluginRegistry;
let worker: WorkerHandle;

beforeAll(async () => {
  world = await startDemoWorld({ today: TODAY, httpDeps: { sleep: async () => {} } });
  plugins = world.plugins;
  db = await createTestDatabase();
  pool = testPool(db.url);
  worker = await startWorker({
    connectionString: db.url,
    plugins,
    schedule: false,
    pollIntervalMs: 100,
    deps: { now: () => NOW },
  });
}, 60_000);

afterAll(async () => {
  await worker?.stop();
  await pool?.end();
  await db?.drop();
  await world?.close();
});

async function runDays(from: string, to: string, steps?: string[]) {
  const q = await queueBackfill(
    { sport: "NHL", from, to, ...(steps ? { steps: steps as never } : {}) },
    { pool, plugins },
  );
  for (const [i, date] of q.days.entries()) {
    const o = await waitForRun(
      pool,
      { sport: "NHL", date, steps: q.steps, fromRunId: q.runs[i]!.runId },
      { timeoutMs: 60_000 },
    );
    expect(o.ok).toBe(true);
  }
}

async function hourly(job: "bet_sync_hourly" | "portfolio_hourly_snapshot") {
  const queued = await queueHourly(job, { pool, at: NOW });
  const o = await waitForRun(
    pool,
    { dag: "hourly", sport: null as never, date: TODAY, steps: [job as never], fromRunId: queued.runId },
    { timeoutMs: 30_000 },
  );
  expect(o.ok).toBe(true);
}

const rows = async (sql: string, params: unknown[] = []) => (await pool.query(sql, params)).rows;

describe("a demo day on paper", () => {
  it("routes Kalshi prices to the Kalshi venue and book prices to the manual venue, settles them and records CLV", async () => {
    await runDays("2026-01-01", "2026-01-07", ["download_games"]);
    await runDays("2026-01-08", "2026-01-14");
    const byVenue = await rows(
      `SELECT venue, trading_mode, count(*)::int AS n, bool_and(contracts IS NOT NULL AND fees IS NOT NULL) AS contracts,
              bool_and(bookmaker = 'Kalshi') AS kalshi
         FROM placed_bets GROUP BY 1, 2 ORDER BY 1`,
    );
    expect(byVenue.map((v) => [v.venue, v.trading_mode])).toEqual([
      ["kalshi", "paper"],
      ["manual", "paper"],
    ]);
    expect(byVenue[0]).toMatchObject({ contracts: true, kalshi: true });
    expect(byVenue[1]).toMatchObject({ kalshi: false });
    // The default risk limits leave a demo week alone (the bets of earlier days count as settled
    // once their games are over, synced or not).
    expect(await rows("SELECT rule, count(*)::int AS n FROM order_refusals GROUP BY 1")).toEqual([]);
    // Every bet executes its recommendation (one each) and started with a history row.
    expect(
      await rows(`SELECT count(*)::int AS n FROM placed_bets b JOIN bet_recommendations r USING (recommendation_id)
                   WHERE r.status = 'executed' AND r.game_id = b.game_id`),
    ).toEqual(await rows("SELECT count(*)::int AS n FROM placed_bets"));

    await hourly("bet_sync_hourly");
    expect(await rows("SELECT count(*)::int AS n FROM placed_bets WHERE status = 'pending'")).toEqual([
      { n: 0 },
    ]);
    const settled = await rows(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE clv_consensus IS NOT NULL)::int AS clv,
              count(*) FILTER (WHERE closed_at IS NOT NULL)::int AS closed FROM placed_bets`,
    );
    expect(settled[0].closed).toBe(settled[0].n);
    expect(settled[0].clv).toBeGreaterThan(0);
    const changes = await rows(
      "SELECT count(*)::int AS n FROM bet_status_changes WHERE from_status = 'pending' AND to_status IN ('win', 'loss', 'void')",
    );
    expect(changes[0].n).toBe(settled[0].n);

    await hourly("portfolio_hourly_snapshot");
    const [snap] = await rows("SELECT realized_pnl::text, invested_amount::text FROM portfolio_snapshots");
    const [pnl] = await rows("SELECT sum(result)::numeric(10,2)::text AS pnl FROM placed_bets");
    expect(snap).toEqual({ realized_pnl: pnl.pnl, invested_amount: "0.00" });
  }, 180_000);

  it("the kill switch, set while the worker runs, stops its next place_bets, which records why", async () => {
    await setTradingSwitch(pool, { paused: true, reason: "test pause", by: "test" });
    const before = (await rows("SELECT count(*)::int AS n FROM placed_bets"))[0].n;
    const q = await queueDag({ sport: "NHL", date: TODAY }, { pool, plugins });
    const o = await waitForRun(
      pool,
      { sport: "NHL", date: TODAY, steps: q.steps, fromRunId: q.runs[0]!.runId },
      { timeoutMs: 60_000 },
    );
    expect(o.ok).toBe(true);
    expect((await rows("SELECT count(*)::int AS n FROM placed_bets"))[0].n).toBe(before);
    const refused = await rows("SELECT DISTINCT rule, reason FROM order_refusals WHERE run_date = $1", [
      TODAY,
    ]);
    expect(refused).toEqual([
      { rule: "trading_paused", reason: expect.stringMatching(/by test .*: test pause$/) },
    ]);
  }, 120_000);
});
