// What the schedule tells reaches both live steps, on a real PostgreSQL: update_elo rates a game
// with each side's rest days and travel (the sites from the sport plugin's venueLocation), and
// identify_bets prices the day's game from the stored ratings with them too. Expected values by
// hand from the model's formulas: plain Elo, K 20, home advantage 50, a back-to-back costs 40 and a
// mile travelled 3 points per cube root.
import { eloModel, type GeoPoint } from "@edgeline/sdk";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectedScore, greatCircleMiles } from "../src/elo/index.ts";
import { type PipelineDeps, runStep, STEP_DEFINITIONS } from "../src/pipeline/index.ts";
import { recordPrices, upsertGames } from "../src/repositories/index.ts";
import { startTestPipeline, teamGame, testQuote, testSport } from "../src/testing/index.ts";

const DAY = "2024-03-10";
const SITES: Record<string, GeoPoint> = {
  AAA: { lat: 40, lon: -100 },
  BBB: { lat: 40, lon: -99 },
  CCC: { lat: 40, lon: -90 },
};
const elo = eloModel({
  name: "schedule-steps",
  kFactor: { kind: "constant", value: 20 },
  homeAdvantage: 50,
  schedule: { backToBack: 40, rested: 0, travelPerCubeRootMile: 3 },
});

let pool: pg.Pool;
let deps: PipelineDeps;
let close: (() => Promise<void>) | undefined;

beforeAll(async () => {
  const plugin = testSport("TRV", "Travel League", {
    model: { elo },
    venueLocation: (team) => SITES[team] ?? null,
    recommendation: { minEdge: 0.02, maxEdge: 1, minOdds: 1.2, maxOdds: 6, maxPerDay: 10 },
  });
  ({ pool, deps, close } = await startTestPipeline(
    plugin,
    () => new Date(`${DAY}T12:00:00Z`),
    "elo-schedule-steps.test",
  ));
});
afterAll(() => close?.());

const game = (date: string, home: string, away: string, score?: [number, number]) =>
  teamGame(
    { sport: "TRV", gameId: `TRV_${date.replaceAll("-", "")}_${away}_${home}`, date, season: 2023 },
    home,
    away,
    score,
  );

const travel = (from: string, to: string) => 3 * Math.cbrt(greatCircleMiles(SITES[from]!, SITES[to]!));

describe("update_elo and identify_bets with rest days and travel", () => {
  it("rates each game with the sides' rest and travel, and prices the day's game from the stored ratings with them", async () => {
    const today = game(DAY, "BBB", "AAA");
    await upsertGames(pool, [
      game("2024-03-08", "AAA", "BBB", [3, 2]), // both sides' first game: no rest, no travel
      game("2024-03-09", "CCC", "AAA", [2, 3]), // AAA: a back-to-back after AAA → CCC; CCC's first
      today, // AAA: another back-to-back, CCC → BBB; BBB: two days' rest, AAA → BBB
    ]);
    await runStep(deps, STEP_DEFINITIONS.update_elo, { sport: "TRV", date: DAY });
    const { rows } = await pool.query<{ entity_id: string; rating: string }>(
      "SELECT entity_id, rating::text FROM elo_ratings WHERE sport = 'TRV' AND valid_to IS NULL",
    );
    const rating = new Map(rows.map((r) => [r.entity_id, Number(r.rating)]));

    const s1 = 20 * (1 - expectedScore(50));
    const d2 = 1500 - (1500 + s1) + 50 + 40 + travel("AAA", "CCC");
    expect(rating.get("CCC")).toBeCloseTo(1500 - 20 * expectedScore(d2), 1);
    expect(rating.get("AAA")).toBeCloseTo(1500 + s1 + 20 * expectedScore(d2), 1);
    expect(rating.get("BBB")).toBeCloseTo(1500 - s1, 1);
    // Without the travel term, CCC would have lost over half a point less.
    expect(1500 - 20 * expectedScore(d2 - travel("AAA", "CCC")) - rating.get("CCC")!).toBeGreaterThan(0.5);

    const at = new Date(`${DAY}T10:00:00Z`);
    await recordPrices(
      pool,
      [
        testQuote(today.gameId, "Book", "home", "2.5000", at),
        testQuote(today.gameId, "Book", "away", "2.5000", at),
      ].map((record) => ({ record, source: "test" })),
      at,
    );
    expect(await runStep(deps, STEP_DEFINITIONS.identify_bets, { sport: "TRV", date: DAY })).toBeGreaterThan(
      0,
    );
    const recs = await pool.query<{ side: string; model_probability: string }>(
      `SELECT side, model_probability::text FROM bet_recommendations WHERE game_id = '${today.gameId}'`,
    );
    const d3 =
      rating.get("BBB")! - rating.get("AAA")! + 50 - travel("AAA", "BBB") + 40 + travel("CCC", "BBB");
    const home = expectedScore(d3);
    expect(recs.rows.map((r) => r.side)).toEqual(["home"]);
    expect(Number(recs.rows[0]!.model_probability)).toBeCloseTo(home, 3);
    // The plain home advantage alone would have priced it well below.
    expect(expectedScore(rating.get("BBB")! - rating.get("AAA")! + 50)).toBeLessThan(home - 0.05);
  });
});
