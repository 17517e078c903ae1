// Set-based repositories on a real PostgreSQL: reruns write nothing, changes are counted, the
// tables without a natural unique key (bet_recommendations, portfolio_snapshots) still get one
// row per key, and update_elo's day-by-day history equals a full rebuild's, row for row.

import { type GameRecord, type OddsRecord, oddsId, type PlacedBetRow } from "@edgeline/sdk";
import { Decimal } from "decimal.js";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPgPool } from "../src/db/clients.ts";
import { eloPreset, replayElo } from "../src/elo/index.ts";
import { entityNames, toEloGame } from "../src/pipeline/update-elo.ts";
import {
  finalGamesBefore,
  insertBets,
  insertHourlySnapshot,
  queueRun,
  type RecommendationInput,
  startRun,
  syncEloHistory,
  updateGameResults,
  upsertGames,
  upsertOdds,
  upsertRecommendations,
  withTransaction,
} from "../src/repositories/index.ts";
import { createTestDatabase, type TestDatabase } from "../src/testing/index.ts";

let db: TestDatabase;
let pool: pg.Pool;

beforeAll(async () => {
  db = await createTestDatabase();
  pool = createPgPool({ connectionString: db.url, poolSize: 2 });
});
afterAll(async () => {
  await pool?.end();
  await db?.drop();
});

const TEAMS = ["AAA", "BBB", "CCC", "DDD"];

function game(day: string, i: number, final: boolean): GameRecord {
  // Pairings rotate by day so ratings move differently from day to day.
  const n = Number(day.slice(-2));
  const home = TEAMS[(n + i) % 4]!;
  const away = TEAMS[(n + i + 1) % 4]!;
  return {
    gameId: `REP_${day.replaceAll("-", "")}_${away}_${home}`,
    sport: "REP",
    gameDate: day,
    season: 2023,
    status: final ? "Final" : "Scheduled",
    homeTeamId: home,
    homeTeamName: `Team ${home}`,
    awayTeamId: away,
    awayTeamName: `Team ${away}`,
    homeScore: final ? (Number(day.slice(-2)) * 3 + i) % 5 : null,
    awayScore: final ? (Number(day.slice(-2)) + i * 2) % 4 : null,
    commenceTime: new Date(`${day}T19:00:00Z`),
    venue: null,
  };
}

const days = ["2023-10-10", "2023-10-11", "2023-10-13", "2023-10-14", "2023-10-17"];
const all = days.map((d) => game(d, 0, true));

describe("unified_games", () => {
  it("inserts, skips unchanged rows on a rerun, and updates only changed results", async () => {
    expect(await upsertGames(pool, all)).toBe(days.length);
    const before = (await pool.query("SELECT * FROM unified_games ORDER BY game_id")).rows;
    expect(await upsertGames(pool, all)).toBe(0);
    expect((await pool.query("SELECT * FROM unified_games ORDER BY game_id")).rows).toEqual(before);
    const changed = { ...all[0]!, homeScore: 9 };
    expect(await updateGameResults(pool, [changed, all[1]!])).toBe(1);
    expect(await updateGameResults(pool, [all[0]!])).toBe(1); // back to the original
    // A game the schedule never loaded is not created by the results step.
    expect(await updateGameResults(pool, [game("2023-12-01", 0, true)])).toBe(0);
  });
});

describe("game_odds", () => {
  it("upserts by deterministic id in one statement; a rerun writes nothing, a price move one row", async () => {
    const odds: OddsRecord[] = all.map((g) => ({
      oddsId: oddsId({
        bookmakerKey: "book",
        gameId: g.gameId,
        marketName: "moneyline",
        outcomeName: "home_team_win",
      }),
      gameId: g.gameId,
      bookmaker: "Book",
      marketName: "moneyline",
      outcomeName: "home_team_win",
      price: new Decimal("1.9500"),
      line: null,
      lastUpdate: new Date("2023-10-01T00:00:00Z"),
      isPregame: true,
      externalId: null,
    }));
    expect(await upsertOdds(pool, odds)).toBe(days.length);
    expect(await upsertOdds(pool, odds)).toBe(0);
    expect(await upsertOdds(pool, [{ ...odds[0]!, price: new Decimal("2.0000") }])).toBe(1);
    expect((await pool.query("SELECT count(*)::int AS n FROM game_odds")).rows[0].n).toBe(days.length);
  });

  it("COPYs any text exactly (tabs, newlines, backslashes, a literal \\N) and rounds prices as the column does", async () => {
    const awkward = ["tab\there", "line\nbreak\r", "back\\slash", "\\N", "\\.", "ünïcode ✓"];
    const odds: OddsRecord[] = awkward.map((text, i) => ({
      oddsId: `awkward:${i}:${text}`,
      gameId: all[i % all.length]!.gameId,
      bookmaker: text,
      marketName: "spread",
      outcomeName: "home_team_win",
      price: new Decimal("1.909090909"),
      line: new Decimal("-3.25"),
      lastUpdate: new Date("2023-10-01T00:00:00.123Z"),
      isPregame: false,
      externalId: text,
    }));
    expect(await upsertOdds(pool, odds)).toBe(awkward.length);
    const { rows } = await pool.query(
      `SELECT odds_id, bookmaker, external_id, price::text, line::text, last_update, is_pregame
         FROM game_odds WHERE odds_id LIKE 'awkward:%' ORDER BY odds_id`,
    );
    expect(rows).toEqual(
      odds
        .map((o) => ({
          odds_id: o.oddsId,
          bookmaker: o.bookmaker,
          external_id: o.externalId,
          price: "1.9091",
          line: "-3.2500",
          last_update: o.lastUpdate,
          is_pregame: false,
        }))
        .sort((a, b) => (a.odds_id < b.odds_id ? -1 : 1)),
    );
    // Unchanged after rounding: 1.909090909 is stored as 1.9091, so a rerun is not a change.
    expect(await upsertOdds(pool, odds)).toBe(0);
    // Twice in one transaction (the scratch table is per statement pair, not per transaction).
    const moved = odds.map((o) => ({ ...o, price: new Decimal("2.5") }));
    expect(
      await withTransaction(
        pool,
        async (c) => (await upsertOdds(c, moved.slice(0, 2))) + (await upsertOdds(c, moved.slice(2))),
      ),
    ).toBe(awkward.length);
  });
});

describe("elo_ratings", () => {
  const config = eloPreset("fivethirtyeight-nhl");
  const sync = (sport: string, before: string) =>
    withTransaction(pool, async (c) => {
      const games = await finalGamesBefore(c, sport, before);
      return syncEloHistory(c, sport, replayElo(config, games.map(toEloGame)).history, entityNames(games));
    });
  const rows = async () =>
    (
      await pool.query(
        "SELECT entity_id, entity_name, rating::text, valid_from::text, valid_to::text, games_played FROM elo_ratings ORDER BY entity_id, valid_from",
      )
    ).rows;

  it("a day-by-day update and a full rebuild give the same rows; a rerun writes none", async () => {
    for (const d of [...days, "2023-10-18"]) await sync("REP", d);
    const incremental = await rows();
    expect(await sync("REP", "2023-10-18")).toBe(0);
    await pool.query("TRUNCATE elo_ratings");
    await sync("REP", "2023-10-18");
    expect(await rows()).toEqual(incremental);
    // Each entity has exactly one open row, and the history closes the row before it.
    const open = incremental.filter((r) => r.valid_to === null);
    expect(new Set(open.map((r) => r.entity_id)).size).toBe(open.length);
  });

  it("a corrected past score rewrites the history from that day on", async () => {
    const before = await rows();
    await updateGameResults(pool, [{ ...all[1]!, homeScore: 7, awayScore: 0 }]);
    expect(await sync("REP", "2023-10-18")).toBeGreaterThan(0);
    const after = await rows();
    expect(after).not.toEqual(before);
    expect(after.filter((r) => r.valid_from <= all[1]!.gameDate)).toEqual(
      before.filter((r) => r.valid_from <= all[1]!.gameDate),
    );
  });
});

describe("bet_recommendations", () => {
  const rec = (side: string, edge: string): RecommendationInput => ({
    sport: "REP",
    gameId: all[0]!.gameId,
    marketId: `m-${side}`,
    recommendationType: "moneyline",
    side,
    confidence: new Decimal("0.61"),
    edge: new Decimal(edge),
    recommendedStake: new Decimal("12.34"),
    expectedValue: new Decimal("1.5"),
    generatedAt: new Date("2023-10-10T12:00:00Z"),
    expiresAt: new Date("2023-10-10T19:00:00Z"),
    bookmaker: "BookA",
    price: new Decimal("1.9"),
    line: null,
    quotedAt: new Date("2023-10-10T11:00:00Z"),
    quoteId: null,
    contracts: null,
  });

  it("keeps one row per natural key, caps edge to DECIMAL(5,4), and freezes executed rows", async () => {
    expect(await upsertRecommendations(pool, [rec("home", "0.05"), rec("away", "12.5")])).toBe(2);
    expect(await upsertRecommendations(pool, [rec("home", "0.05"), rec("away", "12.5")])).toBe(0);
    const { rows } = await pool.query(
      "SELECT side, edge::text, status FROM bet_recommendations ORDER BY side",
    );
    expect(rows).toEqual([
      { side: "away", edge: "9.9999", status: "active" },
      { side: "home", edge: "0.0500", status: "active" },
    ]);
    await pool.query("UPDATE bet_recommendations SET status = 'executed' WHERE side = 'home'");
    expect(await upsertRecommendations(pool, [rec("home", "0.07")])).toBe(0);
    expect(
      (await pool.query("SELECT edge::text FROM bet_recommendations WHERE side = 'home'")).rows[0].edge,
    ).toBe("0.0500");
  });
});

describe("placed_bets and portfolio_snapshots", () => {
  it("never inserts a bet twice, and keeps one snapshot per hour", async () => {
    const bet: PlacedBetRow = {
      betId: "paper-1",
      gameId: all[0]!.gameId,
      marketId: "m-home",
      bookmaker: "Paper",
      outcome: "home_team_win",
      stake: new Decimal("10"),
      odds: new Decimal("1.95"),
      potentialPayout: new Decimal("19.5"),
      status: "pending",
      result: null,
      placedTimeUtc: new Date("2023-10-10T12:00:00Z"),
      marketTitle: null,
      marketCloseTimeUtc: null,
      openingOdds: new Decimal("1.95"),
    };
    expect(await insertBets(pool, [bet])).toBe(1);
    expect(await insertBets(pool, [{ ...bet, stake: new Decimal("99") }])).toBe(0);
    const snap = (minute: number) => ({
      snapshotTime: new Date(`2023-10-10T12:${String(minute).padStart(2, "0")}:00Z`),
      totalValue: new Decimal(1000),
      cashBalance: new Decimal(990),
      investedAmount: new Decimal(10),
      unrealizedPnl: new Decimal(0),
      realizedPnl: new Decimal(0),
    });
    const results = await Promise.all(
      [0, 15, 59].map((m) => withTransaction(pool, (c) => insertHourlySnapshot(c, snap(m)))),
    );
    expect(results.reduce((a, b) => a + b, 0)).toBe(1);
    expect(
      await withTransaction(pool, (c) =>
        insertHourlySnapshot(c, { ...snap(0), snapshotTime: new Date("2023-10-10T13:00:00Z") }),
      ),
    ).toBe(1);
  });
});

describe("pipeline_runs", () => {
  it("collapses a step queued twice into one queued row, which the execution then takes", async () => {
    const key = {
      dag: "d",
      sport: "REP",
      step: "download_games",
      runDate: "2023-10-10",
      jobKey: "d:REP:2023-10-10:download_games",
    };
    const a = await queueRun(pool, key);
    const b = await queueRun(pool, key);
    expect(b.runId).toBe(a.runId);
    const running = await startRun(pool, key, 1);
    expect(running).toMatchObject({ runId: a.runId, status: "running", attempt: 1 });
    expect((await queueRun(pool, key)).runId).not.toBe(a.runId); // a new run waits behind the running one
  });
});
