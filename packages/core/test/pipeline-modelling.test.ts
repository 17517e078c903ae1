// The pipeline steps that decide money call the modelling core, on a real PostgreSQL:
// identify_bets writes exactly what `recommendBets` returns for the pre-game ratings and quotes
// (edge = p × odds − 1), bet_sync_hourly grades with `settleBet` (a 2-way tie voids, a postponed
// game voids only after the wait), and the hourly snapshot marks open bets at the de-vigged
// current price. Each step rerun writes nothing.

import { type GameRecord, type OddsRecord, oddsId, type PlacedBetRow } from "@edgeline/sdk";
import { Decimal } from "decimal.js";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eloPreset, gameProbabilities } from "../src/elo/index.ts";
import {
  HOURLY_JOB_DEFINITIONS,
  type PipelineDeps,
  runHourlyJob,
  runStep,
  STEP_DEFINITIONS,
} from "../src/pipeline/index.ts";
import { type GameForRecommendation, recommendBets } from "../src/recommendation/index.ts";
import { insertBets, recordPrices, upsertGames } from "../src/repositories/index.ts";
import { DEFAULT_STAKING_LIMITS } from "../src/staking/index.ts";
import { startTestPipeline, testSport } from "../src/testing/index.ts";

const DAY = "2024-03-10";
const NOW = new Date(`${DAY}T12:00:00Z`);
const START = new Date(`${DAY}T23:00:00Z`);
const THRESHOLDS = { minEdge: 0.02, maxEdge: 1, minOdds: 1.2, maxOdds: 6, maxPerDay: 5 };
const config = eloPreset("fivethirtyeight-nhl");

let pool: pg.Pool;
let deps: PipelineDeps;
let close: (() => Promise<void>) | undefined;

beforeAll(async () => {
  const plugin = testSport("MOD", "Modelling League", { recommendation: THRESHOLDS });
  ({ pool, deps, close } = await startTestPipeline(plugin, () => NOW, "pipeline-modelling.test"));
});
afterAll(() => close?.());

function game(id: string, home: string, away: string, over: Partial<GameRecord> = {}): GameRecord {
  return {
    gameId: id,
    sport: "MOD",
    gameDate: DAY,
    season: 2024,
    status: "Scheduled",
    homeTeamId: home,
    homeTeamName: home,
    awayTeamId: away,
    awayTeamName: away,
    homeScore: null,
    awayScore: null,
    commenceTime: START,
    venue: null,
    ...over,
  };
}

function quote(
  gameId: string,
  book: string,
  outcome: "home_team_win" | "away_team_win",
  price: string,
  lastUpdate: Date | null,
): OddsRecord {
  return {
    oddsId: oddsId({ bookmakerKey: book, gameId, marketName: "moneyline", outcomeName: outcome }),
    gameId,
    bookmaker: book,
    marketName: "moneyline",
    outcomeName: outcome,
    price: new Decimal(price),
    line: null,
    lastUpdate,
    isPregame: true,
    externalId: null,
  };
}

const table = async (sql: string) => (await pool.query(sql)).rows;

/** Prices as fetch_markets writes them (game_odds and the price history), read at `fetchedAt`. */
const writePrices = (records: OddsRecord[], fetchedAt: Date) =>
  recordPrices(
    pool,
    records.map((record) => ({ record, source: "test" })),
    fetchedAt,
  );

describe("identify_bets", () => {
  const at10 = new Date(`${DAY}T10:00:00Z`);
  const G1 = "MOD_20240310_BBB_AAA";
  const G2 = "MOD_20240310_DDD_CCC";

  it("writes recommendBets' rows for the ratings in force on the day and the pre-game quotes", async () => {
    await upsertGames(pool, [game(G1, "AAA", "BBB"), game(G2, "CCC", "DDD")]);
    // AAA has a row before, the one in force on the day, and one from the day after (which already
    // contains later results: using it would leak). CCC and DDD have never played.
    await pool.query(
      `INSERT INTO elo_ratings (sport, entity_id, entity_name, rating, valid_from, valid_to, games_played) VALUES
         ('MOD', 'AAA', 'AAA', 1500, '2024-03-01', '2024-03-09', 0),
         ('MOD', 'AAA', 'AAA', 1600, '2024-03-09', '2024-03-11', 1),
         ('MOD', 'AAA', 'AAA', 1700, '2024-03-11', NULL, 2),
         ('MOD', 'BBB', 'BBB', 1450, '2024-03-05', NULL, 1)`,
    );
    await writePrices(
      [
        quote(G1, "BookA", "home_team_win", "2.1000", at10),
        quote(G1, "BookA", "away_team_win", "1.8000", at10),
        // Longer, but quoted after the start: not information before the game.
        quote(G1, "BookB", "home_team_win", "2.4000", new Date(`${DAY}T23:30:00Z`)),
        quote(G2, "BookA", "home_team_win", "2.3000", at10),
        quote(G2, "BookA", "away_team_win", "1.7000", at10),
      ],
      at10,
    );
    // No quote time, read an hour after the run: its quote time is its fetch time, after the decision.
    await writePrices([quote(G2, "BookC", "home_team_win", "3.0000", null)], new Date(`${DAY}T13:00:00Z`));

    expect(await runStep(deps, STEP_DEFINITIONS.identify_bets, { sport: "MOD", date: DAY })).toBeGreaterThan(
      0,
    );

    const q = (gameId: string, outcome: "home" | "away", price: number, book = "BookA") => ({
      bookmaker: book,
      marketId: oddsId({
        bookmakerKey: book,
        gameId,
        marketName: "moneyline",
        outcomeName: outcome === "home" ? "home_team_win" : "away_team_win",
      }),
      outcome,
      price,
      lastUpdate: at10,
    });
    const games: GameForRecommendation[] = [
      {
        gameId: G1,
        gameDate: DAY,
        commenceTime: START,
        ratings: {
          home: { rating: 1600, validFrom: "2024-03-09" },
          away: { rating: 1450, validFrom: "2024-03-05" },
        },
        odds: [q(G1, "home", 2.1), q(G1, "away", 1.8)],
      },
      {
        gameId: G2,
        gameDate: DAY,
        commenceTime: START,
        ratings: {
          home: { rating: config.initialRating, validFrom: DAY },
          away: { rating: config.initialRating, validFrom: DAY },
        },
        odds: [q(G2, "home", 2.3), q(G2, "away", 1.7)],
      },
    ];
    const expected = recommendBets(games, {
      sport: "MOD",
      config,
      thresholds: THRESHOLDS,
      bankroll: new Decimal(1000),
      limits: DEFAULT_STAKING_LIMITS,
      generatedAt: NOW,
    });
    expect(expected.length).toBeGreaterThanOrEqual(2);
    const rows = await table(
      `SELECT sport, game_id, market_id, recommendation_type, side, confidence::text, edge::text,
              recommended_stake::text, expected_value::text, generated_at, expires_at, status
         FROM bet_recommendations ORDER BY recommendation_id`,
    );
    expect(rows).toEqual(
      expected.map((r) => ({
        sport: "MOD",
        game_id: r.gameId,
        market_id: r.marketId,
        recommendation_type: "moneyline",
        side: r.side,
        confidence: r.confidence.toFixed(4),
        edge: r.edge.toFixed(4),
        recommended_stake: r.recommendedStake.toFixed(2),
        expected_value: r.expectedValue.toFixed(2),
        generated_at: NOW,
        expires_at: START,
        status: "active",
      })),
    );
    // The stored edge is expected return at BookA's 2.10 with AAA's rating of the day (1600).
    const p = gameProbabilities(config, 1600, 1450).home;
    const home = rows.find((r) => r.game_id === G1 && r.side === "home")!;
    expect(home.market_id).toBe(q(G1, "home", 2.1).marketId);
    expect(home.edge).toBe(new Decimal(p * 2.1 - 1).toFixed(4));
    expect(home.edge).not.toBe(new Decimal(p - 1 / 2.1).toFixed(4));
  });

  it("a rerun writes nothing and changes no row", async () => {
    const before = await table("SELECT * FROM bet_recommendations ORDER BY recommendation_id");
    expect(await runStep(deps, STEP_DEFINITIONS.identify_bets, { sport: "MOD", date: DAY })).toBe(0);
    expect(await table("SELECT * FROM bet_recommendations ORDER BY recommendation_id")).toEqual(before);
  });
});

function bet(id: string, gameId: string, outcome: string, stake: string, odds: string): PlacedBetRow {
  const s = new Decimal(stake);
  const o = new Decimal(odds);
  return {
    betId: id,
    gameId,
    marketId: `m-${id}`,
    bookmaker: "Paper",
    outcome,
    stake: s,
    odds: o,
    potentialPayout: s.times(o).toDecimalPlaces(2, Decimal.ROUND_DOWN),
    status: "pending",
    result: null,
    placedTimeUtc: new Date("2024-03-09T12:00:00Z"),
    marketTitle: null,
    marketCloseTimeUtc: null,
    openingOdds: o,
  };
}

describe("bet_sync_hourly and the portfolio snapshot", () => {
  const hoursAgo = (h: number) => new Date(NOW.getTime() - h * 3_600_000);
  const S = (n: number) => `MOD_SET_${n}`;

  it("settles with settleBet: a 2-way tie voids, a postponed game voids only after the wait", async () => {
    await upsertGames(pool, [
      game(S(1), "AAA", "BBB", { status: "Final", homeScore: 3, awayScore: 3, commenceTime: hoursAgo(14) }),
      game(S(2), "CCC", "DDD", { status: "Final", homeScore: 4, awayScore: 1, commenceTime: hoursAgo(14) }),
      game(S(3), "EEE", "FFF", { status: "Postponed", commenceTime: hoursAgo(10) }),
      game(S(4), "GGG", "HHH", { status: "Cancelled", commenceTime: hoursAgo(50) }),
      game(S(5), "III", "JJJ", {
        status: "Final",
        homeScore: null,
        awayScore: null,
        commenceTime: hoursAgo(14),
      }),
    ]);
    await insertBets(pool, [
      bet("b1", S(1), "home_team_win", "10", "2.0"),
      bet("b2", S(2), "home_team_win", "10", "1.95"),
      bet("b3", S(2), "away_team_win", "10", "2.05"),
      bet("b4", S(3), "home_team_win", "10", "2.0"),
      bet("b5", S(4), "away_team_win", "10", "2.0"),
      bet("b6", S(5), "home_team_win", "10", "2.0"),
    ]);
    // 4 settled, and the closing line of all 6 (their games have started; no quotes, so none measured).
    expect(await runHourlyJob(deps, HOURLY_JOB_DEFINITIONS.bet_sync_hourly, NOW)).toBe(10);
    expect(await table("SELECT bet_id, status, result::text FROM placed_bets ORDER BY bet_id")).toEqual([
      { bet_id: "b1", status: "void", result: "0.00" },
      { bet_id: "b2", status: "win", result: "9.50" },
      { bet_id: "b3", status: "loss", result: "-10.00" },
      { bet_id: "b4", status: "pending", result: null },
      { bet_id: "b5", status: "void", result: "0.00" },
      // Final without scores yet: waits for load_bets_db rather than grading missing data.
      { bet_id: "b6", status: "pending", result: null },
    ]);
    expect(await runHourlyJob(deps, HOURLY_JOB_DEFINITIONS.bet_sync_hourly, NOW)).toBe(0);
  });

  it("marks open bets at the de-vigged current price where the game has odds, at cost otherwise", async () => {
    const G = "MOD_OPEN_1";
    await upsertGames(pool, [game(G, "KKK", "LLL")]);
    await writePrices(
      [
        quote(G, "BookX", "home_team_win", "1.9000", NOW),
        quote(G, "BookX", "away_team_win", "2.0000", NOW),
        quote(G, "BookY", "home_team_win", "1.8500", NOW),
        quote(G, "BookY", "away_team_win", "2.1000", NOW),
      ],
      NOW,
    );
    await insertBets(pool, [bet("o1", G, "home_team_win", "10", "2.0")]);
    // Open: b4 (postponed, no odds: at cost), b6 (no odds: at cost), o1 (marked). Settled: b1..b3, b5.
    expect(await runHourlyJob(deps, HOURLY_JOB_DEFINITIONS.portfolio_hourly_snapshot, NOW)).toBe(1);
    const fair = (h: number, a: number) => 1 / h / (1 / h + 1 / a);
    const p = (fair(1.9, 2.0) + fair(1.85, 2.1)) / 2;
    const unrealized = new Decimal(20).times(p).minus(10);
    const realized = new Decimal("9.50").minus(10);
    const cash = new Decimal(1000).minus(30).plus(realized);
    const [row] = await table(
      "SELECT total_value::text, cash_balance::text, invested_amount::text, unrealized_pnl::text, realized_pnl::text FROM portfolio_snapshots",
    );
    expect(row).toEqual({
      total_value: cash.plus(30).plus(unrealized).toFixed(2),
      cash_balance: cash.toFixed(2),
      invested_amount: "30.00",
      unrealized_pnl: unrealized.toFixed(2),
      realized_pnl: realized.toFixed(2),
    });
    expect(row.unrealized_pnl).toBe("0.44");
    expect(await runHourlyJob(deps, HOURLY_JOB_DEFINITIONS.portfolio_hourly_snapshot, NOW)).toBe(0);
  });
});
