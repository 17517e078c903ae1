// The neutral-site and playoff flags travel from a plugin's GameRecord through unified_games to
// the rating update: update_elo, on a real PostgreSQL, rates a neutral game without home
// advantage and a playoff game with the playoff multiplier. Expected ratings are computed by hand
// from the NHL preset's formulas (K 6, home advantage 50, playoff × 1.25, log-linear margin).

import type { GameRecord } from "@edgeline/sdk";
import { Decimal } from "decimal.js";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type PipelineDeps, runStep, STEP_DEFINITIONS } from "../src/pipeline/index.ts";
import { gamesBetween, upsertGames } from "../src/repositories/index.ts";
import { startTestPipeline, testSport } from "../src/testing/index.ts";

const PLAYED = "2024-03-09";
const RUN = "2024-03-10";

let pool: pg.Pool;
let deps: PipelineDeps;
let close: (() => Promise<void>) | undefined;

beforeAll(async () => {
  const plugin = testSport("CTX", "Context League");
  ({ pool, deps, close } = await startTestPipeline(
    plugin,
    () => new Date(`${RUN}T12:00:00Z`),
    "elo-game-context.test",
  ));
});
afterAll(() => close?.());

/** A 3-2 home win between two teams new to the league (both rated 1500). */
function homeWin(home: string, away: string, flags: Pick<GameRecord, "neutralSite" | "playoff">): GameRecord {
  return {
    gameId: `CTX_${PLAYED.replaceAll("-", "")}_${away}_${home}`,
    sport: "CTX",
    gameDate: PLAYED,
    season: 2023,
    status: "Final",
    homeTeamId: home,
    homeTeamName: home,
    awayTeamId: away,
    awayTeamName: away,
    homeScore: 3,
    awayScore: 2,
    commenceTime: new Date(`${PLAYED}T23:00:00Z`),
    venue: null,
    ...flags,
  };
}

/** The home side's points from a one-goal win at Elo difference `diff`, by the NHL preset's formulas. */
function handShift(diff: number): number {
  const expected = 1 / (10 ** (-diff / 400) + 1);
  const margin = 0.6686 * Math.log(1) + 0.8048;
  const favourite = 2.05 / (diff * 0.001 + 2.05);
  return 6 * margin * favourite * (1 - expected);
}

describe("update_elo with neutral sites and playoffs", () => {
  it("stores the flags with the game, and a record without them is a regular-season home game", async () => {
    await upsertGames(pool, [
      homeWin("NEU-H", "NEU-A", { neutralSite: true }),
      homeWin("PLY-H", "PLY-A", { playoff: true }),
      homeWin("REG-H", "REG-A", {}),
    ]);
    const rows = await gamesBetween(pool, "CTX", PLAYED, PLAYED);
    expect(rows.map((g) => [g.homeTeamId, g.neutralSite, g.playoff])).toEqual([
      ["NEU-H", true, false],
      ["PLY-H", false, true],
      ["REG-H", false, false],
    ]);
  });

  it("rates the neutral game without home advantage and the playoff game with the multiplier", async () => {
    await runStep(deps, STEP_DEFINITIONS.update_elo, { sport: "CTX", date: RUN });
    const { rows } = await pool.query<{ entity_id: string; rating: string }>(
      "SELECT entity_id, rating::text FROM elo_ratings WHERE sport = 'CTX' AND valid_to IS NULL ORDER BY entity_id",
    );
    const rating = new Map(rows.map((r) => [r.entity_id, r.rating]));
    const stored = (x: number) => new Decimal(x).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);

    // Neutral: no home advantage, an even game, the home side gains 6 × 0.8048 × 0.5 = 2.4144.
    expect(handShift(0)).toBeCloseTo(2.4144, 12);
    expect(rating.get("NEU-H")).toBe(stored(1500 + handShift(0)));
    expect(rating.get("NEU-A")).toBe(stored(1500 - handShift(0)));
    // Playoff: the home advantage of 50 scaled by 1.25.
    expect(rating.get("PLY-H")).toBe(stored(1500 + handShift(50 * 1.25)));
    expect(rating.get("PLY-A")).toBe(stored(1500 - handShift(50 * 1.25)));
    // Regular season at home: the plain home advantage, and each flag changes the stored rating.
    expect(rating.get("REG-H")).toBe(stored(1500 + handShift(50)));
    expect(new Set([rating.get("NEU-H"), rating.get("PLY-H"), rating.get("REG-H")]).size).toBe(3);
  });
});
