// Venue routing, the manual queue and the closing line on a real PostgreSQL: a Kalshi-priced
// recommendation goes to the exchange's path (contracts and fees recorded) and a book-priced one
// to the manual venue; on paper both are simulated and say so; live, the exchange's broker gets
// the order and the book bet awaits a person, who confirms or cancels it, or it expires at the
// start. Every status change is kept. CLV at the start against hand-computed values.
import { Decimal } from "decimal.js";
import type pg from "pg";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createBrokerRouter } from "../src/brokers/index.ts";
import { createPgPool } from "../src/db/clients.ts";
import { HOURLY_JOB_DEFINITIONS, runHourlyJob, runStep, STEP_DEFINITIONS } from "../src/pipeline/index.ts";
import type { PluginRegistry } from "../src/plugins/index.ts";
import { statusHistory } from "../src/repositories/index.ts";
import { createTestDatabase, type TestDatabase } from "../src/testing/index.ts";
import {
  cancelManualBet,
  confirmManualBet,
  ManualBetError,
  recordManualBetForRecommendation,
} from "../src/trading/index.ts";
import {
  DAY,
  depsFor,
  game,
  liveRegistry,
  NOW,
  QUOTED,
  quote,
  RecordingBroker,
  rec,
  reset,
  rows,
  SPORT,
  START,
  writeQuotes,
  writeRecs,
} from "./live-execution-fixture.ts";

let db: TestDatabase;
let pool: pg.Pool;
let plugins: PluginRegistry;
const target = { sport: SPORT, date: DAY };

beforeAll(async () => {
  db = await createTestDatabase();
  pool = createPgPool({ connectionString: db.url, poolSize: 4 });
  plugins = liveRegistry();
});
afterAll(async () => {
  await pool?.end();
  await db?.drop();
});

beforeEach(async () => {
  await reset(
    pool,
    [game("G1"), game("G2"), game("G3")],
    [
      quote("G1", "Kalshi", "home", "2.5000", QUOTED),
      quote("G2", "DraftKings", "away", "2.4000", QUOTED),
      quote("G3", "FanDuel", "home", "2.3000", QUOTED),
    ],
  );
  await writeRecs(pool, [
    // 10 contracts at 0.40 + 1¢ fee each: 4.10.
    rec("G1", "home", "Kalshi", "2.5000", "4.10", { contracts: 10 }),
    rec("G2", "away", "DraftKings", "2.4000", "20.00"),
    rec("G3", "home", "FanDuel", "2.3000", "15.00"),
  ]);
});

const bets = () =>
  rows(
    pool,
    `SELECT bookmaker, venue, trading_mode, status, stake::text, odds::text, contracts, fees::text, min_odds::text
       FROM placed_bets ORDER BY game_id`,
  );

describe("venue routing", () => {
  it("on paper simulates every venue, keeps its name and says paper; Kalshi bets keep contracts and fees", async () => {
    const deps = depsFor(pool, plugins);
    expect(await runStep(deps, STEP_DEFINITIONS.place_bets, target)).toBeGreaterThan(0);
    const placed = await bets();
    expect(placed.map((b) => [b.bookmaker, b.venue, b.trading_mode, b.status])).toEqual([
      ["Kalshi", "exch", "paper", "pending"],
      ["DraftKings", "manual", "paper", "pending"],
      ["FanDuel", "manual", "paper", "pending"],
    ]);
    expect(placed[0]).toMatchObject({ contracts: 10, fees: "0.10", stake: "4.10" });
    // p 0.5 at 2.40: edge 0.20; the 2% minimum edge holds down to 1.02 / 0.5 = 2.04.
    expect(placed[1]).toMatchObject({ contracts: null, fees: null, min_odds: "2.0400" });
    expect(await rows(pool, "SELECT status FROM bet_recommendations")).toEqual(
      Array(3).fill({ status: "executed" }),
    );
    const history = await statusHistory(pool, [
      (await rows(pool, "SELECT bet_id FROM placed_bets LIMIT 1"))[0].bet_id,
    ]);
    expect(history).toMatchObject([
      { fromStatus: null, toStatus: "pending", reason: expect.stringMatching(/on paper at/) },
    ]);
    // A rerun places nothing more.
    expect(await runStep(deps, STEP_DEFINITIONS.place_bets, target)).toBe(0);
    expect(deps.router!.describe()).toMatch(/^trading on PAPER/);
  });

  it("live sends the Kalshi order to the exchange's broker and queues book bets for a person", async () => {
    const exchange = new RecordingBroker();
    const deps = depsFor(pool, plugins, { live: exchange });
    await runStep(deps, STEP_DEFINITIONS.place_bets, target);
    expect(exchange.orders.map((o) => [o.venueBookmaker, o.contracts, o.price.toFixed(4)])).toEqual([
      ["Kalshi", 10, "2.5000"],
    ]);
    expect((await bets()).map((b) => [b.bookmaker, b.venue, b.trading_mode, b.status])).toEqual([
      ["Kalshi", "exch", "live", "pending"],
      ["DraftKings", "manual", "live", "awaiting"],
      ["FanDuel", "manual", "live", "awaiting"],
    ]);
    expect(deps.router!.describe()).toBe(
      "trading LIVE: exch LIVE over its API (demo at http://127.0.0.1:1/trade-api/v2); manual: bets await a person (manual)",
    );
    // A replayed past day never trades live.
    expect(deps.router!.onPaper().mode).toBe("paper");
  });
});

it("live, a venue whose broker cannot be built stops start-up, naming it", () => {
  const broken = liveRegistry();
  const exch = broken.venues().find((v) => v.plugin.name === "exch")!;
  const original = exch.plugin.createBroker;
  exch.plugin.createBroker = () => {
    throw new Error("EDGELINE_KALSHI_PRIVATE_KEY_FILE: not a PEM private key");
  };
  try {
    const deps = depsFor(pool, broken);
    expect(() => createBrokerRouter(broken, deps.broker, async () => new Map(), { live: true })).toThrow(
      "EDGELINE_LIVE_TRADING=1 but venue exch cannot trade: EDGELINE_KALSHI_PRIVATE_KEY_FILE: not a PEM private key",
    );
    expect(createBrokerRouter(broken, deps.broker, async () => new Map(), { live: false }).mode).toBe(
      "paper",
    );
  } finally {
    exch.plugin.createBroker = original;
  }
});

describe("the manual queue", () => {
  const idOf = async (gameId: string) =>
    (await rows(pool, "SELECT bet_id FROM placed_bets WHERE game_id = $1", [gameId]))[0].bet_id as string;

  it("confirms what the book gave, cancels, and expires the unconfirmed at the start", async () => {
    const deps = depsFor(pool, plugins, { live: new RecordingBroker() });
    await runStep(deps, STEP_DEFINITIONS.place_bets, target);
    const g2 = await idOf("G2");
    const g3 = await idOf("G3");
    await confirmManualBet(pool, g2, { odds: new Decimal("2.35"), stake: new Decimal("18"), at: NOW });
    await expect(
      confirmManualBet(pool, g2, { odds: new Decimal("2.35"), stake: new Decimal("18"), at: NOW }),
    ).rejects.toThrow(/is pending; only a bet awaiting confirmation/);
    await expect(cancelManualBet(pool, "nope", NOW)).rejects.toBeInstanceOf(ManualBetError);
    expect(
      await rows(
        pool,
        "SELECT status, stake::text, odds::text, potential_payout::text FROM placed_bets WHERE bet_id = $1",
        [g2],
      ),
    ).toEqual([{ status: "pending", stake: "18.00", odds: "2.3500", potential_payout: "42.30" }]);
    // The unconfirmed one expires at the start; the confirmed one waits for its result.
    const afterStart = depsFor(pool, plugins, {
      live: new RecordingBroker(),
      now: () => new Date(START.getTime() + 60_000),
    });
    await runHourlyJob(afterStart, HOURLY_JOB_DEFINITIONS.bet_sync_hourly, afterStart.now());
    expect(
      await rows(pool, "SELECT game_id, status FROM placed_bets WHERE venue = 'manual' ORDER BY game_id"),
    ).toEqual([
      { game_id: "G2", status: "pending" },
      { game_id: "G3", status: "expired" },
    ]);
    expect(
      (await statusHistory(pool, [g2, g3])).map((c) => [
        c.betId === g2 ? "G2" : "G3",
        c.fromStatus,
        c.toStatus,
      ]),
    ).toEqual([
      ["G2", null, "awaiting"],
      ["G2", "awaiting", "pending"],
      ["G3", null, "awaiting"],
      ["G3", "awaiting", "expired"],
    ]);
    // Settled by the result, through settleBet, with the history of it.
    await pool.query(
      "UPDATE unified_games SET status = 'Final', home_score = 1, away_score = 3 WHERE game_id = 'G2'",
    );
    await runHourlyJob(afterStart, HOURLY_JOB_DEFINITIONS.bet_sync_hourly, afterStart.now());
    expect(await rows(pool, "SELECT status, result::text FROM placed_bets WHERE bet_id = $1", [g2])).toEqual([
      { status: "win", result: "24.30" },
    ]);
    expect((await statusHistory(pool, [g2])).at(-1)).toMatchObject({
      fromStatus: "pending",
      toStatus: "win",
      reason: "settled on the final score 1-3 (home-away)",
    });
  });

  it("cancels an awaiting bet, and refuses to cancel it twice", async () => {
    await runStep(
      depsFor(pool, plugins, { live: new RecordingBroker() }),
      STEP_DEFINITIONS.place_bets,
      target,
    );
    const g3 = await idOf("G3");
    await cancelManualBet(pool, g3, NOW, "the book limited me");
    await expect(cancelManualBet(pool, g3, NOW)).rejects.toThrow(/is cancelled/);
    expect((await statusHistory(pool, [g3])).at(-1)).toMatchObject({
      toStatus: "cancelled",
      reason: "cancelled by hand: the book limited me",
    });
  });

  it("recordManualBet on a recommendation confirms its awaiting bet; a rejected, executed or other-game one is refused", async () => {
    await runStep(
      depsFor(pool, plugins, { live: new RecordingBroker() }),
      STEP_DEFINITIONS.place_bets,
      target,
    );
    const recs = await rows(
      pool,
      "SELECT recommendation_id AS id, game_id FROM bet_recommendations ORDER BY game_id",
    );
    const [g1, g2] = recs;
    const input = (id: number, gameId: string | null = null) => ({
      recommendationId: id,
      gameId,
      bookmaker: "DraftKings",
      marketId: "m",
      outcome: "away_team_win",
      odds: new Decimal("2.40"),
      stake: new Decimal("20"),
      at: NOW,
    });
    await expect(recordManualBetForRecommendation(pool, input(g2.id, "G1"))).rejects.toThrow(
      "recommendation " + g2.id + " is on game G2, not G1",
    );
    const confirmed = await recordManualBetForRecommendation(pool, input(g2.id));
    expect(await rows(pool, "SELECT status FROM placed_bets WHERE bet_id = $1", [confirmed])).toEqual([
      { status: "pending" },
    ]);
    // Its bet is no longer awaiting: a second is refused, as is the exchange's (executed, bet pending).
    await expect(recordManualBetForRecommendation(pool, input(g2.id))).rejects.toThrow(/is executed/);
    await expect(recordManualBetForRecommendation(pool, input(g1.id))).rejects.toThrow(/is executed/);
    await writeRecs(pool, [rec("G1", "away", "FanDuel", "3.0000", "5.00")]);
    const fresh = (
      await rows(pool, "SELECT recommendation_id AS id FROM bet_recommendations WHERE status = 'active'")
    )[0].id;
    await pool.query("UPDATE bet_recommendations SET status = 'rejected' WHERE recommendation_id = $1", [
      fresh,
    ]);
    await expect(recordManualBetForRecommendation(pool, input(fresh))).rejects.toThrow(/is rejected/);
    expect(await rows(pool, "SELECT count(*)::int AS n FROM placed_bets")).toEqual([{ n: 3 }]);
  });
});

describe("live fills and snapshots", () => {
  it("a partial fill shrinks the bet to what filled, and the snapshot's cash is the venue's balance", async () => {
    const exchange = new RecordingBroker();
    const deps = depsFor(pool, plugins, { live: exchange });
    await runStep(deps, STEP_DEFINITIONS.place_bets, target);
    const [kalshi] = await rows(pool, "SELECT bet_id FROM placed_bets WHERE venue = 'exch'");
    // 6 of the 10 contracts filled: 6 × 0.41 = 2.46, fee 0.06, pays 6.
    exchange.updates = [
      {
        betId: kalshi.bet_id,
        status: "pending",
        result: null,
        reason: "partial fill: 6 of 10 contracts, the rest cancelled",
        fill: {
          stake: new Decimal("2.46"),
          contracts: 6,
          fee: new Decimal("0.06"),
          potentialPayout: new Decimal(6),
        },
      },
    ];
    expect(await runHourlyJob(deps, HOURLY_JOB_DEFINITIONS.bet_sync_hourly, NOW)).toBe(1);
    expect(
      await rows(
        pool,
        "SELECT stake::text, contracts, fees::text, potential_payout::text FROM placed_bets WHERE bet_id = $1",
        [kalshi.bet_id],
      ),
    ).toEqual([{ stake: "2.46", contracts: 6, fees: "0.06", potential_payout: "6.00" }]);
    await runHourlyJob(deps, HOURLY_JOB_DEFINITIONS.portfolio_hourly_snapshot, NOW);
    // Cash from the venue; invested counts the committed open bets only (not the two awaiting a person).
    expect(
      await rows(pool, "SELECT cash_balance::text, invested_amount::text FROM portfolio_snapshots"),
    ).toEqual([{ cash_balance: "987.65", invested_amount: "2.46" }]);
  });
});

describe("closing-line value", () => {
  it("keeps the bet's own book's close and the de-vigged closing consensus, once", async () => {
    await reset(pool, [game("C1")], [quote("C1", "DraftKings", "home", "2.1000", QUOTED)]);
    await writeRecs(pool, [rec("C1", "home", "DraftKings", "2.1000", "10.00")]);
    await runStep(depsFor(pool, plugins), STEP_DEFINITIONS.place_bets, target);
    const close = new Date(START.getTime() - 60_000);
    await writeQuotes(
      pool,
      [
        quote("C1", "DraftKings", "home", "2.0000", close),
        quote("C1", "DraftKings", "away", "1.8000", close),
        quote("C1", "FanDuel", "home", "1.9000", close),
        quote("C1", "FanDuel", "away", "1.9000", close),
      ],
      close,
    );
    const later = depsFor(pool, plugins, { now: () => new Date(START.getTime() + 3_600_000) });
    await runHourlyJob(later, HOURLY_JOB_DEFINITIONS.bet_sync_hourly, later.now());
    // Own close 2.00: 2.10 / 2.00 − 1 = 0.05. Consensus: DraftKings 0.5 / (0.5 + 1/1.8) = 9/19, FanDuel
    // 0.5, mean 0.486842; × 2.10 − 1 = 0.022368.
    const expected = {
      closing_odds: "2.0000",
      closing_probability: "0.4868",
      clv: "0.0500",
      clv_consensus: "0.0224",
    };
    const clv = () =>
      rows(
        pool,
        "SELECT closing_odds::text, closing_probability::text, clv::text, clv_consensus::text FROM placed_bets",
      );
    expect(await clv()).toEqual([expected]);
    // A later close (an in-play quote) does not move it.
    await writeQuotes(pool, [quote("C1", "DraftKings", "home", "3.0000", later.now())], later.now());
    await runHourlyJob(
      later,
      HOURLY_JOB_DEFINITIONS.bet_sync_hourly,
      new Date(later.now().getTime() + 3_600_000),
    );
    expect(await clv()).toEqual([expected]);
  });
});
