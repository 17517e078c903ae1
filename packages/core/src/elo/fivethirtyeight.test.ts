// Acceptance against FiveThirtyEight's published data (files read in place from ../shared).
import { describe, expect, it } from "vitest";
import { datasets, has, noteIfMissing, readCsv } from "./dataset-files.test-helpers.ts";
import { fivethirtyeightNba, fivethirtyeightNfl, fivethirtyeightNhl } from "./presets.ts";
import { gameProbabilities } from "./probability.ts";
import { type EloGame, replayElo } from "./replay.ts";
import { rateGame } from "./update.ts";

const num = (s: string | undefined): number => {
  if (s === undefined || s === "") throw new Error("missing number in dataset row");
  return Number(s);
};

describe("538 NFL golden vector (first row of nfl_games.csv)", () => {
  it("1920-09-26 RII 48–0 STP: p, multiplier and shift", () => {
    const g = rateGame(fivethirtyeightNfl, 1503.947, 1300.0, { homeScore: 48, awayScore: 0 });
    expect(g.probabilities.home).toBeCloseTo(0.8246512009492516, 15);
    expect(g.homeShift).toBeCloseTo(12.1617615, 6);
    // MOV mult = ln(49) × 2.2/(268.947·0.001 + 2.2) = 3.4678770568
    expect(g.homeShift / (20 * (1 - g.probabilities.home))).toBeCloseTo(3.4678770568, 9);
    // RII's next pre-game rating in the CSV, which truncates ratings to 3 dp.
    expect(g.homePost - 1516.108).toBeGreaterThanOrEqual(0);
    expect(g.homePost - 1516.108).toBeLessThan(1e-3);
  });
});

noteIfMissing(datasets.nflGames);
describe.skipIf(!has(datasets.nflGames) || !has(datasets.nflInitialElos))("538 NFL full recursion", () => {
  it("reproduces elo_prob1 of every game from initial_elos.csv within 1e-5", () => {
    const rows = readCsv(datasets.nflGames);
    const initialRatings = Object.fromEntries(
      readCsv(datasets.nflInitialElos).map((r) => [r.team!, num(r.elo)]),
    );
    const games: EloGame[] = rows.map((r) => ({
      date: r.date!,
      season: num(r.season),
      home: r.team1!,
      away: r.team2!,
      homeScore: num(r.score1),
      awayScore: num(r.score2),
      neutral: r.neutral === "1",
      playoff: r.playoff === "1",
    }));
    const replay = replayElo(fivethirtyeightNfl, games, { initialRatings });
    expect(replay.games).toHaveLength(16_810);
    let maxProb = 0;
    let maxRating = 0;
    replay.games.forEach((g, i) => {
      const row = rows[i]!;
      maxProb = Math.max(maxProb, Math.abs(g.probabilities.home - num(row.elo_prob1)));
      maxRating = Math.max(
        maxRating,
        Math.abs(g.homePre - num(row.elo1)),
        Math.abs(g.awayPre - num(row.elo2)),
      );
    });
    console.info(
      `NFL recursion: max |Δp| = ${maxProb.toExponential(3)}, max |Δelo_pre| = ${maxRating.toFixed(6)}`,
    );
    expect(maxProb).toBeLessThan(1e-5);
    expect(maxRating).toBeLessThan(1e-3); // the CSV truncates ratings to 3 dp
  });

  it("p from the CSV's own elo1/elo2 matches elo_prob1 within 1e-12", () => {
    let max = 0;
    for (const r of readCsv(datasets.nflGames)) {
      const p = gameProbabilities(fivethirtyeightNfl, num(r.elo1), num(r.elo2), {
        neutral: r.neutral === "1",
      });
      max = Math.max(max, Math.abs(p.home - num(r.elo_prob1)));
    }
    expect(max).toBeLessThan(1e-12);
  });
});

noteIfMissing(datasets.nba2021);
describe.skipIf(!has(datasets.nba2021))("538 NBA 2020-21", () => {
  const rows = has(datasets.nba2021) ? readCsv(datasets.nba2021) : [];
  it("win probability from the pre-game ratings within 1e-12 (all 1,080 rows)", () => {
    expect(rows).toHaveLength(1080);
    for (const r of rows) {
      const p = gameProbabilities(fivethirtyeightNba, num(r.elo1_pre), num(r.elo2_pre), {
        neutral: r.neutral === "1",
        playoff: r.playoff !== "",
      });
      expect(Math.abs(p.home - num(r.elo_prob1))).toBeLessThan(1e-12);
      expect(Math.abs(p.away - num(r.elo_prob2))).toBeLessThan(1e-12);
    }
  });
  it("post-game ratings from the pre-game ratings within 1e-9 (1,051 played games)", () => {
    const played = rows.filter((r) => r.score1 !== "");
    expect(played).toHaveLength(1051);
    for (const r of played) {
      const g = rateGame(
        fivethirtyeightNba,
        num(r.elo1_pre),
        num(r.elo2_pre),
        { homeScore: num(r.score1), awayScore: num(r.score2) },
        { neutral: r.neutral === "1" },
      );
      expect(Math.abs(g.homePost - num(r.elo1_post))).toBeLessThan(1e-9);
      expect(Math.abs(g.awayPost - num(r.elo2_post))).toBeLessThan(1e-9);
    }
  });
});

noteIfMissing(datasets.nhl2023);
describe.skipIf(!has(datasets.nhl2023))("538 NHL 2022-23", () => {
  const rows = has(datasets.nhl2023) ? readCsv(datasets.nhl2023) : [];
  const context = (r: Record<string, string>) => ({ neutral: r.neutral === "1", playoff: r.playoff === "1" });
  it("win probability within 1e-12 (1,400 games incl. 88 playoff)", () => {
    expect(rows).toHaveLength(1400);
    expect(rows.filter((r) => r.playoff === "1")).toHaveLength(88);
    for (const r of rows) {
      const p = gameProbabilities(
        fivethirtyeightNhl,
        num(r.home_team_pregame_rating),
        num(r.away_team_pregame_rating),
        context(r),
      );
      expect(Math.abs(p.home - num(r.home_team_winprob))).toBeLessThan(1e-12);
    }
  });
  it("post-game ratings within 1e-9 (OT/SO scores include the deciding goal)", () => {
    for (const r of rows) {
      const g = rateGame(
        fivethirtyeightNhl,
        num(r.home_team_pregame_rating),
        num(r.away_team_pregame_rating),
        { homeScore: num(r.home_team_score), awayScore: num(r.away_team_score) },
        context(r),
      );
      expect(Math.abs(g.homePost - num(r.home_team_postgame_rating))).toBeLessThan(1e-9);
      expect(Math.abs(g.awayPost - num(r.away_team_postgame_rating))).toBeLessThan(1e-9);
    }
  });
});
