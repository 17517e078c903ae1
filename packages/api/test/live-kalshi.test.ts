// Live trading end to end with the real plugins: EDGELINE_LIVE_TRADING=1, the Kalshi venue
// configured with a throwaway key (demo environment) against the fake Kalshi exchange served by
// the fake upstream, and place_bets / bet_sync_hourly as the worker runs them. A Kalshi-priced
// recommendation makes exactly one order (ticker, limit, contracts), also across a crash between
// the order and the write; the sync applies a partial fill, then the settlements (win, loss, a tie
// at $0.50); a book-priced recommendation awaits a person. Every status change is kept. The
// execution events (manual bet awaiting, risk refusal, bet filled, kill switch toggled) reach a
// local webhook receiver, each once, none from the lost transaction.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  calendarDayIn,
  deliverNotification,
  HOURLY_JOB_DEFINITIONS,
  loadConfig,
  loadPlugins,
  type PipelineDeps,
  type PluginRegistry,
  processMetrics,
  recordPrices,
  runHourlyJob,
  runStep,
  STEP_DEFINITIONS,
  type StepDefinition,
  statusHistory,
  switchTrading,
  upsertGames,
  upsertRecommendations,
} from "@edgeline/core";
import {
  createTestDatabase,
  type TestDatabase,
  testGame,
  testQuote,
  testRecommendation,
} from "@edgeline/core/testing";
import { FakeKalshiExchange, kalshiCost, kalshiRoutes, writeKalshiTestKey } from "@edgeline/kalshi";
import { type FakeUpstream, localSourceEnv, startFakeUpstream } from "@edgeline/testkit";
import { Decimal } from "decimal.js";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPipelineDeps } from "../src/worker/deps.ts";
import { ensureWorkerSchema } from "../src/worker/index.ts";
import { startReceiver } from "./operations-helpers.ts";
import { testPool } from "./pipeline-helpers.ts";

const PLUGINS = "./packages/sport-nhl,./packages/kalshi,./packages/core/src/venues/manual.ts";
// Real time: the broker signs with the system clock and refuses an order after the game's start.
const DECIDED = new Date();
const START = new Date(DECIDED.getTime() + 3 * 3_600_000);
const QUOTED = new Date(DECIDED.getTime() - 600_000);
const EVENT = "KXNHLGAME-LIVETEST";
const ticker = (game: string) => `${EVENT}${game}-HOME`;

let dir: string;
let server: FakeUpstream;
let exchange: FakeKalshiExchange;
let db: TestDatabase;
let pool: pg.Pool;
let plugins: PluginRegistry;
let deps: PipelineDeps;
let clock = DECIDED;
let day: string;
let receiver: Awaited<ReturnType<typeof startReceiver>>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "edgeline-live-kalshi-"));
  const key = writeKalshiTestKey(dir);
  exchange = new FakeKalshiExchange({
    keyId: key.keyId,
    publicKey: key.publicKeyPem,
    followRecordings: false,
  });
  server = await startFakeUpstream({ dataDir: dir, routes: [...exchange.routes, ...kalshiRoutes] });
  const cwd = join(import.meta.dirname, "../../..");
  const list = { EDGELINE_PLUGINS: PLUGINS };
  const bundled = await loadPlugins({ env: list, cwd });
  const env = {
    ...list,
    ...localSourceEnv(
      bundled.all().map((p) => p.plugin),
      server.url,
    ),
    ...key.env,
    EDGELINE_KALSHI_ENVIRONMENT: "demo",
  };
  plugins = await loadPlugins({ env, cwd, httpDeps: { sleep: async () => {} } });
  db = await createTestDatabase();
  pool = testPool(db.url);
  await ensureWorkerSchema(pool);
  receiver = await startReceiver();
  // Events are queued for the configured sinks in the transaction that emits them.
  process.env.EDGELINE_NOTIFY_SINKS = JSON.stringify([
    { name: "hook", kind: "webhook", url: `${receiver.url}/hook`, secret: "a-test-secret-of-the-hook" },
  ]);
  deps = createPipelineDeps(pool, plugins, { now: () => clock }, { EDGELINE_LIVE_TRADING: "1" });
  day = calendarDayIn(DECIDED, plugins.sport("NHL").plugin.timeZone);
}, 60_000);

afterAll(async () => {
  delete process.env.EDGELINE_NOTIFY_SINKS;
  await receiver?.close();
  await pool?.end();
  await db?.drop();
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const game = (id: string) => testGame(id, { sport: "NHL", gameDate: day, season: 2026, commenceTime: START });
const quote = (gameId: string, book: string, price: string, at = QUOTED) =>
  testQuote(gameId, book, "home", price, at, book === "Kalshi" ? ticker(gameId) : null);

const rec = (gameId: string, book: string, price: string, stake: Decimal, contracts: number | null) =>
  testRecommendation(
    { sport: "NHL", gameId, side: "home", book, price, stake },
    { generatedAt: DECIDED, quotedAt: QUOTED, expiresAt: START },
    { contracts },
  );

const rows = async (sql: string, params: unknown[] = []) => (await pool.query(sql, params)).rows;
const target = () => ({ sport: "NHL", date: day });
const sync = () => runHourlyJob(deps, HOURLY_JOB_DEFINITIONS.bet_sync_hourly, clock);

/** Sends every pending delivery (the worker's notify_deliver, run here) and returns what arrived. */
async function delivered(type: string) {
  const sinks = loadConfig().notify.sinks;
  for (const r of await rows(
    "SELECT delivery_id::text AS id FROM notification_deliveries WHERE status = 'pending'",
  ))
    await deliverNotification(pool, r.id, { sinks, attempt: 1, maxAttempts: 1 });
  return receiver.requests
    .map((r) => JSON.parse(r.body) as { type: string; data: Record<string, unknown> })
    .filter((e) => e.type === type)
    .map((e) => e.data);
}

/** place_bets whose transaction is lost after its orders went out (a crash before the commit). */
const crashingPlaceBets: StepDefinition = {
  name: "place_bets",
  async prepare(d, t) {
    const write = await STEP_DEFINITIONS.place_bets.prepare(d, t);
    return async (client) => {
      await write(client);
      throw new Error("simulated crash between the order and the commit");
    };
  },
};

describe("live at the Kalshi demo through the fake exchange", () => {
  it("start-up says it trades live at Kalshi's demo", () => {
    const line = deps.router!.describe();
    expect(line).toMatch(/^trading LIVE: /);
    expect(line).toContain(`kalshi LIVE over its API (demo at ${server.url}`);
    expect(line).toContain("manual: bets await a person (manual)");
  });

  it("one order per recommendation across a crash and a rerun; fills, settlements and the manual queue", async () => {
    const price = new Decimal("0.40");
    // G1: 4 of 10 contracts on offer (a partial fill); G2 and G3 fill at once.
    exchange.state.offer(ticker("G1"), price, 4);
    exchange.state.offer(ticker("G2"), price, 100);
    exchange.state.offer(ticker("G3"), price, 100);
    await upsertGames(pool, ["G1", "G2", "G3", "G4", "G5"].map(game));
    await recordPrices(
      pool,
      [quote("G1", "Kalshi", "2.5000"), quote("G2", "Kalshi", "2.5000"), quote("G3", "Kalshi", "2.5000")]
        .concat(quote("G4", "DraftKings", "2.4000"), quote("G5", "Kalshi", "2.5000"))
        .map((record) => ({ record, source: "test" })),
      QUOTED,
    );
    // G5's price has since moved so far that its edge is gone: refused before any order.
    const moved = new Date(DECIDED.getTime() - 60_000);
    await recordPrices(pool, [{ record: quote("G5", "Kalshi", "1.8000", moved), source: "test" }], moved);
    const cost = kalshiCost(10, price);
    await upsertRecommendations(pool, [
      rec("G1", "Kalshi", "2.5000", cost, 10),
      rec("G2", "Kalshi", "2.5000", cost, 10),
      rec("G3", "Kalshi", "2.5000", cost, 10),
      rec("G4", "DraftKings", "2.4000", new Decimal("20.00"), null),
      rec("G5", "Kalshi", "2.5000", cost, 10),
    ]);

    // The orders reach the exchange, then the transaction is lost: no bet row, no refusal.
    await expect(runStep(deps, crashingPlaceBets, target())).rejects.toThrow(/simulated crash/);
    expect(exchange.state.orders).toHaveLength(3);
    expect(await rows("SELECT count(*)::int AS n FROM placed_bets")).toEqual([{ n: 0 }]);
    // Only the run's failure is news; nothing the lost transaction emitted survives.
    expect(await rows("SELECT event_type FROM notification_events")).toEqual([{ event_type: "run.failed" }]);

    // The rerun finds the orders by their client order ids; a second rerun places nothing.
    expect(await runStep(deps, STEP_DEFINITIONS.place_bets, target())).toBeGreaterThan(0);
    expect(await runStep(deps, STEP_DEFINITIONS.place_bets, target())).toBe(0);
    expect(
      exchange.state.orders.map((o) => [o.ticker, o.price.toFixed(2), o.initial, o.status, o.filled]),
    ).toEqual([
      [ticker("G1"), "0.40", 10, "resting", 4],
      [ticker("G2"), "0.40", 10, "executed", 10],
      [ticker("G3"), "0.40", 10, "executed", 10],
    ]);
    const bets = () =>
      rows(
        `SELECT game_id, bookmaker, venue, trading_mode, status, stake::text, contracts, fees::text,
                potential_payout::text, min_odds IS NOT NULL AS has_min_odds, result::text
           FROM placed_bets ORDER BY game_id`,
      );
    const fee = kalshiCost(10, price).minus("4.00").toFixed(2);
    expect(await bets()).toEqual([
      ...["G1", "G2", "G3"].map((g) => ({
        game_id: g,
        bookmaker: "Kalshi",
        venue: "kalshi",
        trading_mode: "live",
        status: "pending",
        stake: cost.toFixed(2),
        contracts: 10,
        fees: fee,
        potential_payout: "10.00",
        has_min_odds: true,
        result: null,
      })),
      {
        game_id: "G4",
        bookmaker: "DraftKings",
        venue: "manual",
        trading_mode: "live",
        status: "awaiting",
        stake: "20.00",
        contracts: null,
        fees: null,
        potential_payout: "48.00",
        has_min_odds: true,
        result: null,
      },
    ]);

    const [g4] = await rows("SELECT bet_id, min_odds::text FROM placed_bets WHERE game_id = 'G4'");
    expect(await delivered("manual_bet.awaiting")).toEqual([
      {
        betId: g4.bet_id,
        venue: "manual",
        selection: "DraftKings: G4 moneyline home",
        stake: "20.00",
        minOdds: g4.min_odds,
        deadline: START.toISOString(),
      },
    ]);
    expect(await delivered("risk.refused")).toEqual([
      {
        reason: "price_moved",
        venue: "kalshi",
        betId: null,
        stake: cost.toFixed(2),
        detail: expect.stringMatching(/^recommendation \d+ \(NHL, .*\): price moved from 2\.5000 to 1\.8000/),
      },
    ]);

    const refusals = (await processMetrics().riskRefusals.get()).values;
    // Counted when emitted, so the lost transaction's refusal counted too (the outbox has it once).
    expect(refusals.find((v) => v.labels.reason === "price_moved")?.value).toBe(2);

    // Before the start nothing changed (G1 still rests its 6 unfilled).
    await sync();
    expect((await bets()).map((b) => b.status)).toEqual(["pending", "pending", "pending", "awaiting"]);

    // At the start: G1's rest is cancelled, the bet is its 4 filled contracts; the book bet expires.
    clock = new Date(START.getTime() + 60_000);
    await sync();
    expect(exchange.state.orders[0]!.status).toBe("canceled");
    const partial = kalshiCost(4, price);
    expect(
      (await bets()).map((b) => [b.game_id, b.status, b.stake, b.contracts, b.fees, b.potential_payout]),
    ).toEqual([
      ["G1", "pending", partial.toFixed(2), 4, partial.minus("1.60").toFixed(2), "4.00"],
      ["G2", "pending", cost.toFixed(2), 10, fee, "10.00"],
      ["G3", "pending", cost.toFixed(2), 10, fee, "10.00"],
      ["G4", "expired", "20.00", null, null, "48.00"],
    ]);

    const [g1] = await rows("SELECT bet_id FROM placed_bets WHERE game_id = 'G1'");
    expect(await delivered("bet.filled")).toEqual([
      { betId: g1.bet_id, venue: "kalshi", stake: partial.toFixed(2), odds: "2.5000" },
    ]);

    // Settlements: G1 yes, G2 no, G3 a tie at $0.50 a contract.
    exchange.state.settle(ticker("G1"), "yes");
    exchange.state.settle(ticker("G2"), "no");
    exchange.state.settle(ticker("G3"), "tie");
    clock = new Date(START.getTime() + 4 * 3_600_000);
    await sync();
    expect((await bets()).map((b) => [b.game_id, b.status, b.result])).toEqual([
      ["G1", "win", new Decimal(4).minus(partial).toFixed(2)],
      ["G2", "loss", cost.neg().toFixed(2)],
      ["G3", new Decimal(5).gt(cost) ? "win" : "loss", new Decimal(5).minus(cost).toFixed(2)],
      ["G4", "expired", null],
    ]);

    const ids = (await rows("SELECT bet_id, game_id FROM placed_bets ORDER BY game_id")).map(
      (r) => r.bet_id as string,
    );
    const history = await statusHistory(pool, ids);
    const of = (i: number) =>
      history.filter((h) => h.betId === ids[i]).map((h) => [h.fromStatus, h.toStatus, h.reason]);
    expect(of(0)).toEqual([
      [null, "pending", expect.stringMatching(/^placed live at kalshi/)],
      ["pending", "pending", expect.stringMatching(/filled 4 of 10 contracts, the rest cancelled/)],
      ["pending", "win", "Kalshi settled yes"],
    ]);
    expect(of(2).map((h) => h[1])).toEqual(["pending", "win"]);
    expect(of(3)).toEqual([
      [null, "awaiting", expect.stringMatching(/^placed live at manual/)],
      ["awaiting", "expired", "not confirmed by the game's start"],
    ]);
  });
});

it("pausing and resuming trading tells the receiver, once per toggle", async () => {
  await switchTrading(pool, { paused: true, reason: "exchange outage", by: "test" });
  await switchTrading(pool, { paused: true, reason: "still down", by: "test" });
  await switchTrading(pool, { paused: false, by: "test" });
  expect(await delivered("kill_switch.toggled")).toEqual([
    { enabled: false, by: "test", reason: "exchange outage" },
    { enabled: true, by: "test", reason: null },
  ]);
});
