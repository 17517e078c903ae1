// The price history end to end, through a third-party odds source and sport that live only in this
// test folder (fixtures/source-cricket-odds, fixtures/sport-cricket): fetch_markets keeps every
// quote and one game_odds row per market, the price at a time and the closing price come back
// from one query each, and a recommendation keeps the price it was made on after the market moves.
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { type FakeUpstream, fakeRoutesOf, localBaseUrls, startFakeUpstream } from "@edgeline/testkit";
import { Decimal } from "decimal.js";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PaperBroker } from "../src/brokers/index.ts";
import { createPgPool } from "../src/db/clients.ts";
import { type PipelineDeps, runStep, STEP_DEFINITIONS } from "../src/pipeline/index.ts";
import { createPluginRegistry, type PluginRegistry } from "../src/plugins/index.ts";
import {
  appendQuotes,
  closingQuotes,
  gamesByIds,
  quoteHistory,
  quotesAt,
  upsertGames,
} from "../src/repositories/index.ts";
import { DEFAULT_STAKING_LIMITS } from "../src/staking/index.ts";
import { createTestDatabase, type TestDatabase } from "../src/testing/index.ts";
import crease from "./plugins/fixtures/source-cricket-odds/index.ts";
import cricket from "./plugins/fixtures/sport-cricket/index.ts";

const DAY = "2025-04-10";
const START = new Date(`${DAY}T14:00:00Z`);
const GAME = "CRICKET_20250410_CSK_MI";
const hour = (h: number, m = 0) =>
  new Date(`${DAY}T${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}:00Z`);

let dir: string;
let upstream: FakeUpstream;
let db: TestDatabase;
let pool: pg.Pool;
let plugins: PluginRegistry;
let now = hour(8);
let deps: PipelineDeps;

/** What the exchange lists at the moment: the match's back prices, updated at `updated`. */
async function exchangeLists(home: number, away: number, updated: Date) {
  await mkdir(path.join(dir, "crease"), { recursive: true });
  await writeFile(
    path.join(dir, "crease", `markets-ipl-${DAY}.json`),
    JSON.stringify({
      markets: [
        {
          id: "cx-1",
          start: START.toISOString(),
          home: "MI",
          away: "CSK",
          back: { home, away },
          updated: updated.toISOString(),
        },
      ],
    }),
  );
}

const rows = async (sql: string) => (await pool.query(sql)).rows;
const fetchMarkets = () => runStep(deps, STEP_DEFINITIONS.fetch_markets, { sport: "CRICKET", date: DAY });

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "edgeline-prices-"));
  const [source, venue] = crease;
  const entries = [
    { plugin: cricket, module: "sport-cricket" },
    { plugin: source!, module: "source-cricket-odds" },
    { plugin: venue!, module: "source-cricket-odds" },
  ];
  upstream = await startFakeUpstream({ dataDir: dir, routes: fakeRoutesOf(entries.map((e) => e.plugin)) });
  plugins = createPluginRegistry(entries, {
    env: {},
    baseUrls: localBaseUrls(
      entries.map((e) => e.plugin),
      upstream.url,
    ),
  });
  db = await createTestDatabase();
  pool = createPgPool({ connectionString: db.url, poolSize: 2 });
  deps = {
    pool,
    plugins,
    broker: new PaperBroker(
      (ids) => gamesByIds(pool, ids),
      () => 2,
      undefined,
      (book) => plugins.rulesFor(book),
    ),
    bankroll: new Decimal(1000),
    stakingLimits: DEFAULT_STAKING_LIMITS,
    now: () => now,
  };
  await upsertGames(pool, [
    {
      gameId: GAME,
      sport: "CRICKET",
      gameDate: DAY,
      season: 2025,
      status: "Scheduled",
      homeTeamId: "MI",
      homeTeamName: "Mumbai Indians",
      awayTeamId: "CSK",
      awayTeamName: "Chennai Super Kings",
      homeScore: null,
      awayScore: null,
      commenceTime: START,
      venue: null,
    },
  ]);
});

afterAll(async () => {
  await pool?.end();
  await db?.drop();
  await upstream?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe("a third-party odds source through fetch_markets", () => {
  it("covers the sport by its own options and writes its quotes", async () => {
    expect(plugins.sourcesFor("CRICKET").map((s) => s.source.plugin.name)).toEqual(["crease"]);
    await exchangeLists(2.5, 1.6, hour(7, 30));
    expect(await fetchMarkets()).toBe(4); // two game_odds rows, two quotes
    expect(await rows("SELECT bookmaker, outcome_name, price::text FROM game_odds ORDER BY odds_id")).toEqual(
      [
        { bookmaker: "Crease Exchange", outcome_name: "away_team_win", price: "1.6000" },
        { bookmaker: "Crease Exchange", outcome_name: "home_team_win", price: "2.5000" },
      ],
    );
    expect(upstream.requests.at(-1)?.url).toBe(`/v2/markets?competition=ipl&date=${DAY}`);
  });

  it("an unchanged market adds no quote; a moved price adds one quote and keeps one game_odds row", async () => {
    now = hour(9);
    expect(await fetchMarkets()).toBe(0);
    now = hour(10);
    await exchangeLists(2.2, 1.75, hour(9, 45));
    expect(await fetchMarkets()).toBe(4); // both game_odds rows updated, two new quotes
    expect(await rows("SELECT count(*)::int AS n FROM game_odds")).toEqual([{ n: 2 }]);
    const history = await rows(
      `SELECT outcome_name, price::text, quoted_at, fetched_at, last_seen_at, source FROM odds_quotes
        WHERE outcome_name = 'home_team_win' ORDER BY quoted_at`,
    );
    expect(history).toEqual([
      // The first price was seen again at 09:00 before it moved.
      {
        outcome_name: "home_team_win",
        price: "2.5000",
        quoted_at: hour(7, 30),
        fetched_at: hour(8),
        last_seen_at: hour(9),
        source: "crease",
      },
      {
        outcome_name: "home_team_win",
        price: "2.2000",
        quoted_at: hour(9, 45),
        fetched_at: hour(10),
        last_seen_at: hour(10),
        source: "crease",
      },
    ]);
  });

  it("answers the price at a time and the closing price, never a quote from after it", async () => {
    const priceAt = async (at: Date) =>
      (await quotesAt(pool, [GAME], at)).map((q) => [q.outcomeName, q.price?.toFixed(2)]);
    expect(await priceAt(hour(7))).toEqual([]);
    expect(await priceAt(hour(9))).toEqual([
      ["away_team_win", "1.60"],
      ["home_team_win", "2.50"],
    ]);
    expect(await priceAt(hour(12))).toEqual([
      ["away_team_win", "1.75"],
      ["home_team_win", "2.20"],
    ]);
    // A quote after the start is not the close.
    now = hour(15);
    await exchangeLists(9.5, 1.05, hour(14, 30));
    await fetchMarkets();
    expect((await closingQuotes(pool, [GAME])).map((q) => q.price?.toFixed(2))).toEqual(["1.75", "2.20"]);
    expect((await quoteHistory(pool, [(await closingQuotes(pool, [GAME]))[1]!.oddsId])).length).toBe(3);
  });
});

describe("a recommendation keeps its price", () => {
  it("place_bets orders at the price the recommendation was made on after the market moved", async () => {
    const GAME2 = "CRICKET_20250410_RR_GT";
    await pool.query("UPDATE unified_games SET commence_time = $1 WHERE game_id = $2", [hour(18), GAME]);
    // A fresh game for this test: GT are favourites, the exchange lets them go long (an edge of
    // about 15% after its commission: well under the maximum edge, so a bet, not a suspect quote).
    await upsertGames(pool, [
      {
        gameId: GAME2,
        sport: "CRICKET",
        gameDate: DAY,
        season: 2025,
        status: "Scheduled",
        homeTeamId: "GT",
        homeTeamName: "Gujarat Titans",
        awayTeamId: "RR",
        awayTeamName: "Rajasthan Royals",
        homeScore: null,
        awayScore: null,
        commenceTime: hour(18),
        venue: null,
      },
    ]);
    await pool.query(
      `INSERT INTO elo_ratings (sport, entity_id, entity_name, rating, valid_from, valid_to, games_played)
       VALUES ('CRICKET', 'GT', 'GT', 1545, '2025-04-01', NULL, 5), ('CRICKET', 'RR', 'RR', 1500, '2025-04-01', NULL, 5)`,
    );
    const quoted = hour(15, 30);
    await appendQuotes(
      pool,
      (["home_team_win", "away_team_win"] as const).map((outcomeName) => ({
        source: "crease",
        record: {
          oddsId: `crease:${GAME2}:moneyline:${outcomeName}`,
          gameId: GAME2,
          bookmaker: "Crease Exchange",
          marketName: "moneyline" as const,
          outcomeName,
          price: new Decimal(outcomeName === "home_team_win" ? "1.9000" : "2.1000"),
          line: null,
          lastUpdate: quoted,
          isPregame: true,
          externalId: "cx-2",
        },
      })),
      quoted,
    );
    now = hour(16);
    await runStep(deps, STEP_DEFINITIONS.identify_bets, { sport: "CRICKET", date: DAY });
    const [rec] = await rows(
      `SELECT recommendation_id, side, bookmaker, price::text, quoted_at, quote_id::text, recommended_stake::text
         FROM bet_recommendations WHERE game_id = '${GAME2}'`,
    );
    const quote = (await quotesAt(pool, [GAME2], now)).find((q) => q.outcomeName === "home_team_win")!;
    expect(rec).toMatchObject({
      side: "home",
      bookmaker: "Crease Exchange",
      price: "1.9000",
      quoted_at: quoted,
      quote_id: quote.quoteId,
    });

    // The market moves before the order is placed (here in the bet's favour: a move that takes the
    // edge below the minimum is refused, live-safety.test.ts): the bet is struck at the
    // recommendation's price, not the market's.
    await appendQuotes(
      pool,
      [
        {
          source: "crease",
          record: {
            oddsId: quote.oddsId,
            gameId: GAME2,
            bookmaker: quote.bookmaker,
            marketName: "moneyline",
            outcomeName: "home_team_win",
            price: new Decimal("2.0500"),
            line: null,
            lastUpdate: hour(16, 30),
            isPregame: true,
            externalId: "cx-2",
          },
        },
      ],
      hour(16, 30),
    );
    now = hour(17);
    await runStep(deps, STEP_DEFINITIONS.place_bets, { sport: "CRICKET", date: DAY });
    const [bet] = await rows(
      `SELECT odds::text, stake::text, potential_payout::text FROM placed_bets WHERE game_id = '${GAME2}'`,
    );
    const stake = new Decimal(rec.recommended_stake);
    // The exchange's rules set the payout: 5% commission on the net winnings.
    expect(bet).toEqual({
      odds: "1.9000",
      stake: stake.toFixed(2),
      potential_payout: stake
        .plus(stake.times("0.9").times("0.95"))
        .toDecimalPlaces(2, Decimal.ROUND_DOWN)
        .toFixed(2),
    });
    const [after] = await rows(
      `SELECT price::text, status FROM bet_recommendations WHERE game_id = '${GAME2}'`,
    );
    expect(after).toEqual({ price: "1.9000", status: "executed" });
  });
});
