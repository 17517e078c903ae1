// What stands between a recommendation and an order, on a real PostgreSQL: every risk limit
// refusing with its reason (recorded and queryable), the kill switch stopping the next order of a
// step already running, the price check, two racing place_bets making one bet per recommendation
// (one order), and a rejection racing the placement (one of them wins, never both).
import { Decimal } from "decimal.js";
import type pg from "pg";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createPgPool } from "../src/db/clients.ts";
import { runStep, STEP_DEFINITIONS } from "../src/pipeline/index.ts";
import type { PluginRegistry } from "../src/plugins/index.ts";
import { insertBets, listRefusals, setTradingSwitch } from "../src/repositories/index.ts";
import type { RiskLimits } from "../src/risk/index.ts";
import { createTestDatabase, type TestDatabase } from "../src/testing/index.ts";
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
  writeQuotes,
  writeRecs,
} from "./live-execution-fixture.ts";

let db: TestDatabase;
let pool: pg.Pool;
let plugins: PluginRegistry;
const target = { sport: SPORT, date: DAY };
const place = (deps = depsFor(pool, plugins)) => runStep(deps, STEP_DEFINITIONS.place_bets, target);

beforeAll(async () => {
  db = await createTestDatabase();
  pool = createPgPool({ connectionString: db.url, poolSize: 6 });
  plugins = liveRegistry();
});
afterAll(async () => {
  await pool?.end();
  await db?.drop();
});
beforeEach(async () => {
  await reset(
    pool,
    [
      game("G1"),
      game("G2"),
      game("OLD", { gameDate: "2024-03-09", commenceTime: new Date("2024-03-10T02:00:00Z") }),
      game("NEXT", { gameDate: "2024-03-11", commenceTime: new Date("2024-03-11T23:00:00Z") }),
    ],
    [
      quote("G1", "DraftKings", "home", "2.4000", QUOTED),
      quote("G1", "DraftKings", "away", "2.4000", QUOTED),
      quote("G2", "DraftKings", "home", "2.4000", QUOTED),
    ],
  );
});

/** A bet placed the day before on `gameId` (OLD: played last night; NEXT: tomorrow). */
const earlierBet = (gameId: "OLD" | "NEXT", status: string, stake: string, result: string | null) =>
  insertBets(pool, [
    {
      betId: `old-${status}`,
      gameId,
      marketId: "m-old",
      bookmaker: "FanDuel",
      outcome: "home_team_win",
      stake: new Decimal(stake),
      odds: new Decimal(2),
      potentialPayout: new Decimal(stake).times(2),
      status,
      result: result === null ? null : new Decimal(result),
      placedTimeUtc: new Date("2024-03-09T12:00:00Z"),
      marketTitle: null,
      marketCloseTimeUtc: null,
      openingOdds: new Decimal(2),
    },
  ]);

const refusals = async () => (await listRefusals(pool)).map((r) => [r.rule, r.reason]);

describe("risk limits", () => {
  const cases: Array<{
    rule: string;
    limits: Partial<RiskLimits>;
    before?: () => Promise<unknown>;
    stakes: Array<["G1" | "G2", "home" | "away", string]>;
    placed: number;
    reason: string;
  }> = [
    {
      rule: "max_stake_per_bet",
      limits: { maxStakePerBet: new Decimal(10) },
      stakes: [["G1", "home", "15.00"]],
      placed: 0,
      reason: "stake 15.00 is above the maximum per bet 10.00",
    },
    {
      rule: "max_stake_per_day",
      limits: { maxStakePerDay: new Decimal(25) },
      stakes: [
        ["G1", "home", "15.00"],
        ["G2", "home", "15.00"],
      ],
      placed: 1,
      reason: "15.00 already staked today; 15.00 more is above the maximum per day 25.00",
    },
    {
      rule: "max_stake_per_game",
      limits: { maxStakePerGame: new Decimal(20) },
      stakes: [
        ["G1", "home", "15.00"],
        ["G1", "away", "15.00"],
      ],
      placed: 1,
      reason: "15.00 already on game G1; 15.00 more is above the maximum per game 20.00",
    },
    {
      rule: "max_open_exposure",
      limits: { maxOpenExposure: new Decimal(25) },
      before: () => earlierBet("NEXT", "pending", "20", null),
      stakes: [["G1", "home", "10.00"]],
      placed: 0,
      reason: "20.00 is open; 10.00 more is above the maximum open exposure 25.00",
    },
    {
      rule: "daily_loss_limit",
      limits: { dailyLossLimit: new Decimal(50) },
      before: () => earlierBet("OLD", "loss", "60", "-60"),
      stakes: [["G1", "home", "10.00"]],
      placed: 0,
      reason: "lost 60.00 on bets settled over the last day; the daily loss limit is 50.00",
    },
    {
      rule: "max_open_positions",
      limits: { maxOpenPositions: 1 },
      stakes: [
        ["G1", "home", "5.00"],
        ["G2", "home", "5.00"],
      ],
      placed: 1,
      reason: "1 bets are open; the maximum is 1",
    },
  ];

  it.each(cases)("$rule refuses with its reason, recorded", async (c) => {
    await c.before?.();
    await writeRecs(
      pool,
      c.stakes.map(([g, side, stake]) => rec(g, side, "DraftKings", "2.4000", stake)),
    );
    await place(depsFor(pool, plugins, { risk: c.limits }));
    expect(
      await rows(pool, "SELECT count(*)::int AS n FROM placed_bets WHERE game_id NOT IN ('OLD', 'NEXT')"),
    ).toEqual([{ n: c.placed }]);
    expect(await refusals()).toEqual([[c.rule, c.reason]]);
    // The refused recommendation stays active (a looser limit places it later); a rerun records nothing new.
    await place(depsFor(pool, plugins, { risk: c.limits }));
    expect(await refusals()).toHaveLength(1);
  });
});

it("a bet whose game is over counts as settled for the exposure, synced or not (a replayed day's view)", async () => {
  await earlierBet("OLD", "pending", "20", null);
  await writeRecs(pool, [rec("G1", "home", "DraftKings", "2.4000", "10.00")]);
  await place(depsFor(pool, plugins, { risk: { maxOpenExposure: new Decimal(25), maxOpenPositions: 1 } }));
  expect(await refusals()).toEqual([]);
});

describe("the kill switch", () => {
  it("a paused place_bets places nothing and records why", async () => {
    await writeRecs(pool, [rec("G1", "home", "DraftKings", "2.4000", "5.00")]);
    await setTradingSwitch(pool, { paused: true, reason: "checking the feed", by: "test" });
    await place();
    expect(await rows(pool, "SELECT count(*)::int AS n FROM placed_bets")).toEqual([{ n: 0 }]);
    expect(await refusals()).toEqual([
      ["trading_paused", expect.stringMatching(/^trading paused by test at .*: checking the feed$/)],
    ]);
    await setTradingSwitch(pool, { paused: false, by: "test" });
    await place();
    expect(await rows(pool, "SELECT count(*)::int AS n FROM placed_bets")).toEqual([{ n: 1 }]);
  });

  it("a pause from another connection stops a running step's next order", async () => {
    await writeQuotes(pool, [
      quote("G2", "Kalshi", "home", "2.5000", QUOTED),
      quote("G1", "Kalshi", "home", "2.5000", QUOTED),
    ]);
    await writeRecs(pool, [
      rec("G1", "home", "Kalshi", "2.5000", "4.10", { contracts: 10 }),
      rec("G2", "home", "Kalshi", "2.5000", "4.10", { contracts: 10 }),
    ]);
    const exchange = new RecordingBroker();
    // While the first order is at the venue, an operator pauses (committed at once, another session).
    exchange.beforeFill = async () => {
      if (exchange.orders.length === 1) await setTradingSwitch(pool, { paused: true, by: "operator" });
    };
    await place(depsFor(pool, plugins, { live: exchange }));
    expect(exchange.orders).toHaveLength(1);
    expect(await rows(pool, "SELECT game_id, trading_mode FROM placed_bets")).toEqual([
      { game_id: "G1", trading_mode: "live" },
    ]);
    expect((await refusals()).map(([rule]) => rule)).toEqual(["trading_paused"]);
  });
});

describe("the price check at placement", () => {
  it("skips a recommendation whose price moved its edge below the minimum, and places one that moved less", async () => {
    await writeRecs(pool, [
      rec("G1", "home", "DraftKings", "2.4000", "5.00"),
      rec("G2", "home", "DraftKings", "2.4000", "5.00"),
    ]);
    const moved = new Date(NOW.getTime() - 600_000);
    await writeQuotes(
      pool,
      [
        quote("G1", "DraftKings", "home", "2.0000", moved),
        quote("G2", "DraftKings", "home", "2.3000", moved),
      ],
      moved,
    );
    await place();
    expect(await rows(pool, "SELECT game_id, odds::text FROM placed_bets")).toEqual([
      { game_id: "G2", odds: "2.4000" },
    ]);
    // p 0.5: edge 0.20 at 2.40 becomes 1.2 × 2.0 / 2.4 − 1 = 0 at 2.00.
    expect(await refusals()).toEqual([
      ["price_moved", "price moved from 2.4000 to 2.0000: edge 0.00% is below the minimum 2.00%"],
    ]);
  });
});

describe("races", () => {
  it("two place_bets at once make one bet per recommendation and one order", async () => {
    await writeQuotes(pool, [quote("G1", "Kalshi", "home", "2.5000", QUOTED)]);
    await writeRecs(pool, [
      rec("G1", "home", "Kalshi", "2.5000", "4.10", { contracts: 10 }),
      rec("G2", "home", "DraftKings", "2.4000", "5.00"),
    ]);
    const exchange = new RecordingBroker();
    await Promise.all([
      place(depsFor(pool, plugins, { live: exchange })),
      place(depsFor(pool, plugins, { live: exchange })),
    ]);
    expect(exchange.orders).toHaveLength(1);
    expect(
      await rows(pool, "SELECT recommendation_id, count(*)::int AS n FROM placed_bets GROUP BY 1"),
    ).toHaveLength(2);
    expect(await rows(pool, "SELECT count(*)::int AS n FROM placed_bets")).toEqual([{ n: 2 }]);
  });

  const reject = (id: number) =>
    pool.query(
      "UPDATE bet_recommendations SET status = 'rejected' WHERE recommendation_id = $1 AND status = 'active'",
      [id],
    );

  it("a rejection racing the placement waits for it and then finds the recommendation executed", async () => {
    await writeQuotes(pool, [quote("G1", "Kalshi", "home", "2.5000", QUOTED)]);
    await writeRecs(pool, [rec("G1", "home", "Kalshi", "2.5000", "4.10", { contracts: 10 })]);
    const [{ id }] = await rows(pool, "SELECT recommendation_id AS id FROM bet_recommendations");
    const exchange = new RecordingBroker();
    let rejection: Promise<pg.QueryResult> | undefined;
    exchange.beforeFill = async () => {
      rejection = reject(id);
      // The rejection is blocked on the recommendation's row lock until the placement commits.
      for (let i = 0; i < 100; i++) {
        const [{ n }] = await rows(
          pool,
          "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'",
        );
        if (n > 0) break;
        await new Promise((r) => setTimeout(r, 20));
      }
    };
    await place(depsFor(pool, plugins, { live: exchange }));
    expect((await rejection!).rowCount).toBe(0);
    expect(await rows(pool, "SELECT status FROM bet_recommendations")).toEqual([{ status: "executed" }]);
    expect(await rows(pool, "SELECT count(*)::int AS n FROM placed_bets")).toEqual([{ n: 1 }]);
  });

  it("a rejection committed first leaves the placement nothing to place", async () => {
    await writeRecs(pool, [rec("G1", "home", "DraftKings", "2.4000", "5.00")]);
    const [{ id }] = await rows(pool, "SELECT recommendation_id AS id FROM bet_recommendations");
    expect((await reject(id)).rowCount).toBe(1);
    await place();
    expect(await rows(pool, "SELECT count(*)::int AS n FROM placed_bets")).toEqual([{ n: 0 }]);
  });
});
