// identify_bets on the market-aware probability, on a real PostgreSQL: the blend's weight fitted on
// the sport's earlier games and their closing prices (and stored beside the model's and the
// market's probabilities), spreads bet at their line and placed and settled with it (a whole line
// pushes), and a suspect quote recorded with its reason and never bet. Reruns write nothing.
import { defineSport, type OddsRecord, oddsId } from "@edgeline/sdk";
import { Decimal } from "decimal.js";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fitBlendWeight } from "../src/blend/index.ts";
import { eloPreset, fastReplayElo } from "../src/elo/index.ts";
import { devig } from "../src/odds/index.ts";
import {
  HOURLY_JOB_DEFINITIONS,
  type PipelineDeps,
  runHourlyJob,
  runStep,
  STEP_DEFINITIONS,
} from "../src/pipeline/index.ts";
import { recordPrices, updateGameResults, upsertGames } from "../src/repositories/index.ts";
import { startTestPipeline, teamGame } from "../src/testing/index.ts";

const DAY = "2024-03-10";
const NOW = new Date(`${DAY}T12:00:00Z`);
const nfl = eloPreset("fivethirtyeight-nfl");

let pool: pg.Pool;
let deps: PipelineDeps;
let close: (() => Promise<void>) | undefined;
let now = NOW;

beforeAll(async () => {
  const plugin = defineSport({
    code: "MKT",
    name: "Markets League",
    coreVersion: "^0.2.0",
    model: { elo: "fivethirtyeight-nfl", margin: "fivethirtyeight-nfl-margin", blend: { minGames: 6 } },
    timeZone: "UTC",
    markets: [
      { type: "moneyline", ways: 2 },
      { type: "spread", ways: 2 },
    ],
    entityKind: "team",
    entities: [],
    fetchGames: async () => [],
    recommendation: { minEdge: 0.02, minOdds: 1.2, maxOdds: 6, maxPerDay: 10 },
  });
  ({ pool, deps, close } = await startTestPipeline(plugin, () => now, "identify-bets-markets.test"));
});
afterAll(() => close?.());

const game = (id: string, date: string, home: string, away: string, score?: [number, number]) =>
  teamGame({ sport: "MKT", gameId: id, date, season: 2023 }, home, away, score);

function price(
  gameId: string,
  book: string,
  market: "moneyline" | "spread",
  outcome: "home_team_win" | "away_team_win",
  value: string,
  lastUpdate: Date,
  line: string | null = null,
): OddsRecord {
  return {
    oddsId: oddsId({ bookmakerKey: book, gameId, marketName: market, outcomeName: outcome }),
    gameId,
    bookmaker: book,
    marketName: market,
    outcomeName: outcome,
    price: new Decimal(value),
    line: line === null ? null : new Decimal(line),
    lastUpdate,
    isPregame: true,
    externalId: null,
  };
}

const write = (records: OddsRecord[], at: Date) =>
  recordPrices(
    pool,
    records.map((record) => ({ record, source: "test" })),
    at,
  );
const table = async (sql: string) => (await pool.query(sql)).rows;

// Eight earlier games with closing moneylines: the home side wins six.
const HISTORY: Array<[string, string, string, [number, number], [string, string]]> = [
  ["2024-03-01", "AAA", "BBB", [24, 10], ["1.7000", "2.2000"]],
  ["2024-03-02", "CCC", "DDD", [17, 20], ["1.9000", "1.9500"]],
  ["2024-03-03", "BBB", "CCC", [27, 24], ["2.0000", "1.8500"]],
  ["2024-03-04", "DDD", "AAA", [13, 31], ["2.4000", "1.6000"]],
  ["2024-03-05", "AAA", "CCC", [21, 14], ["1.6500", "2.3000"]],
  ["2024-03-06", "BBB", "DDD", [10, 3], ["1.8000", "2.0500"]],
  ["2024-03-07", "CCC", "AAA", [28, 27], ["2.6000", "1.5200"]],
  ["2024-03-08", "DDD", "BBB", [7, 9], ["2.1000", "1.7500"]],
];
const G = "MKT_20240310_BBB_AAA";

describe("identify_bets with the blend, spreads and suspect quotes", () => {
  it("fits the blend's weight on the earlier games' closing prices and stores it beside both probabilities", async () => {
    const history = HISTORY.map(([date, h, a, score], i) => game(`MKT_H${i}`, date, h, a, score));
    await upsertGames(pool, [...history, game(G, DAY, "AAA", "BBB")]);
    for (const [i, [date, , , , [home, away]]] of HISTORY.entries()) {
      const close = new Date(`${date}T22:00:00Z`);
      await write(
        [
          price(`MKT_H${i}`, "Book", "moneyline", "home_team_win", home, close),
          price(`MKT_H${i}`, "Book", "moneyline", "away_team_win", away, close),
        ],
        close,
      );
    }
    await runStep(deps, STEP_DEFINITIONS.update_elo, { sport: "MKT", date: DAY });
    const at = new Date(`${DAY}T10:00:00Z`);
    await write(
      [
        price(G, "Book", "moneyline", "home_team_win", "1.8000", at),
        price(G, "Book", "moneyline", "away_team_win", "2.0500", at),
        price(G, "Book", "spread", "home_team_win", "2.0500", at, "-3.0000"),
        price(G, "Book", "spread", "away_team_win", "1.8000", at, "3.0000"),
      ],
      at,
    );
    expect(await runStep(deps, STEP_DEFINITIONS.identify_bets, { sport: "MKT", date: DAY })).toBeGreaterThan(
      0,
    );

    // The weight by hand: Elo replayed over the eight games, each against its de-vigged close.
    const replay = fastReplayElo(
      nfl,
      HISTORY.map(([date, home, away, [hs, as]]) => ({
        date,
        season: 2023,
        home,
        away,
        homeScore: hs,
        awayScore: as,
      })),
    );
    const weight = fitBlendWeight(
      HISTORY.map(([date, , , [hs, as], [h, a]], i) => ({
        date,
        model: [replay.home[i]!, replay.away[i]!],
        market: devig([Number(h), Number(a)]).probabilities,
        outcome: hs > as ? 0 : 1,
      })),
    ).weight;
    expect(weight).toBeGreaterThan(0);
    expect(weight).toBeLessThan(1);
    const rows = await table(
      `SELECT recommendation_type, side, line::text, confidence::text, model_probability::text,
              market_probability::text, blend_weight::text, status, reason
         FROM bet_recommendations WHERE game_id = '${G}' ORDER BY recommendation_type, side`,
    );
    expect(rows.map((r) => [r.recommendation_type, r.side])).toEqual([
      ["moneyline", "home"],
      ["spread", "home"],
    ]);
    for (const r of rows) {
      expect(r.status).toBe("active");
      // Too few spread samples (no closing spreads at all): the default weight, the raw model.
      expect(r.blend_weight).toBe(r.recommendation_type === "moneyline" ? weight.toFixed(4) : "1.0000");
      expect(r.model_probability).not.toBeNull();
    }
    const [ml] = rows;
    const market = devig([1.8, 2.05]).probabilities;
    expect(ml.market_probability).toBe(market[0]!.toFixed(4));
    const model = Number(ml.model_probability);
    // The betting probability is the pool: logit(p) = w·logit(model) + (1 − w)·logit(market).
    const logit = (p: number) => Math.log(p / (1 - p));
    const pooled = 1 / (1 + Math.exp(-(weight * logit(model) + (1 - weight) * logit(market[0]!))));
    expect(Number(ml.confidence)).toBeCloseTo(pooled, 3);
    expect(rows.find((r) => r.recommendation_type === "spread")).toMatchObject({
      side: "home",
      line: "-3.0000",
    });
  });

  it("a rerun writes nothing", async () => {
    const before = await table("SELECT * FROM bet_recommendations ORDER BY recommendation_id");
    expect(await runStep(deps, STEP_DEFINITIONS.identify_bets, { sport: "MKT", date: DAY })).toBe(0);
    expect(await table("SELECT * FROM bet_recommendations ORDER BY recommendation_id")).toEqual(before);
  });

  it("places the spread with its line and settles a push as void", async () => {
    await runStep(deps, STEP_DEFINITIONS.place_bets, { sport: "MKT", date: DAY });
    const [bet] = await table(
      `SELECT outcome, market_name, line::text, status FROM placed_bets WHERE market_name = 'spread'`,
    );
    expect(bet).toEqual({
      outcome: "home_team_win",
      market_name: "spread",
      line: "-3.0000",
      status: "pending",
    });
    await updateGameResults(pool, [
      { ...game(G, DAY, "AAA", "BBB"), status: "Final", homeScore: 20, awayScore: 17 },
    ]);
    now = new Date(`${DAY}T23:59:00Z`);
    await runHourlyJob(deps, HOURLY_JOB_DEFINITIONS.bet_sync_hourly, now);
    const settled = await table(
      `SELECT market_name, status, result::text FROM placed_bets ORDER BY market_name`,
    );
    // Home won by 3: the moneyline wins, home −3 pushes (stake back).
    expect(settled.find((b) => b.market_name === "spread")).toMatchObject({ status: "void", result: "0.00" });
    expect(settled.find((b) => b.market_name === null)).toMatchObject({ status: "win" });
  });

  it("records an edge above the maximum as suspect, with its reason and no stake, and never places it", async () => {
    const day = "2024-03-11";
    const id = "MKT_20240311_DDD_CCC";
    now = new Date(`${day}T12:00:00Z`);
    await upsertGames(pool, [game(id, day, "CCC", "DDD")]);
    const at = new Date(`${day}T09:00:00Z`);
    // 4.50 on a home side the model makes better than even: a stale or wrong price.
    await write(
      [
        price(id, "Book", "moneyline", "home_team_win", "4.5000", at),
        price(id, "Book", "moneyline", "away_team_win", "1.2500", at),
      ],
      at,
    );
    await runStep(deps, STEP_DEFINITIONS.identify_bets, { sport: "MKT", date: day });
    const [row] = await table(
      `SELECT side, status, recommended_stake::text, reason FROM bet_recommendations WHERE game_id = '${id}'`,
    );
    expect(row).toMatchObject({ side: "home", status: "suspect", recommended_stake: "0.00" });
    expect(row.reason).toMatch(/above the maximum 0\.25/);
    expect(await runStep(deps, STEP_DEFINITIONS.identify_bets, { sport: "MKT", date: day })).toBe(0);
    await runStep(deps, STEP_DEFINITIONS.place_bets, { sport: "MKT", date: day });
    expect(await table(`SELECT * FROM placed_bets WHERE game_id = '${id}'`)).toEqual([]);
  });
});
