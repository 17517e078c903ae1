// Rerunning update_elo for an earlier day (a backfill after later days ran) must not delete the
// later days' ratings: the replay runs through the latest day already rated, so later rows stay
// when nothing changed and are recomputed when an earlier game changed (a corrected score).
import type { GameRecord } from "@edgeline/sdk";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type PipelineDeps, runStep, STEP_DEFINITIONS } from "../src/pipeline/index.ts";
import { upsertGames } from "../src/repositories/index.ts";
import { startTestPipeline, testSport } from "../src/testing/index.ts";

const DAYS = ["2024-03-01", "2024-03-02", "2024-03-03", "2024-03-04", "2024-03-05"];
let pool: pg.Pool;
let deps: PipelineDeps;
let close: (() => Promise<void>) | undefined;

beforeAll(async () => {
  const plugin = testSport("RER", "Rerun League");
  ({ pool, deps, close } = await startTestPipeline(
    plugin,
    () => new Date("2024-03-06T12:00:00Z"),
    "update-elo-rerun.test",
  ));
});
afterAll(() => close?.());

function game(day: string, i: number, homeScore = 3): GameRecord {
  const [home, away] = i % 2 === 0 ? ["AAA", "BBB"] : ["CCC", "AAA"];
  return {
    gameId: `RER_${day}_${i}`,
    sport: "RER",
    gameDate: day,
    season: 2023,
    status: "Final",
    homeTeamId: home,
    homeTeamName: home,
    awayTeamId: away,
    awayTeamName: away,
    homeScore,
    awayScore: 2,
    commenceTime: new Date(`${day}T23:00:00Z`),
    venue: null,
  };
}

const rows = async () =>
  (
    await pool.query(
      "SELECT entity_id, rating::text, valid_from::text, valid_to::text FROM elo_ratings WHERE sport = 'RER' ORDER BY 1, 3",
    )
  ).rows;

describe("update_elo rerun of an earlier day", () => {
  it("keeps later days' rows when nothing changed, and recomputes them when an earlier game did", async () => {
    await upsertGames(
      pool,
      DAYS.map((d, i) => game(d, i)),
    );
    await runStep(deps, STEP_DEFINITIONS.update_elo, { sport: "RER", date: "2024-03-06" });
    const full = await rows();
    expect(full.length).toBeGreaterThan(5);

    await runStep(deps, STEP_DEFINITIONS.update_elo, { sport: "RER", date: "2024-03-03" });
    expect(await rows()).toEqual(full);

    // A corrected score on day 2: the rerun of day 3 carries it into every later row.
    await upsertGames(pool, [game(DAYS[1]!, 1, 9)]);
    await runStep(deps, STEP_DEFINITIONS.update_elo, { sport: "RER", date: "2024-03-03" });
    const corrected = await rows();
    expect(corrected.length).toBe(full.length);
    expect(corrected.map((r) => [r.entity_id, r.valid_from])).toEqual(
      full.map((r) => [r.entity_id, r.valid_from]),
    );
    const latest = (rs: typeof full) => rs.filter((r) => r.valid_to === null).map((r) => r.rating);
    expect(latest(corrected)).not.toEqual(latest(full));
  });
});
