import { eloModel } from "@edgeline/sdk";
import { describe, expect, it } from "vitest";
import { fastReplayElo } from "./fast-replay.ts";
import { eloDifference } from "./probability.ts";
import { type EloGame, replayElo } from "./replay.ts";
import { gameContext, withRestDays } from "./schedule.ts";

const game = (
  date: string,
  home: string,
  away: string,
  score: [number, number] | null,
  season = 2020,
): EloGame => ({
  date,
  season,
  home,
  away,
  homeScore: score?.[0] ?? null,
  awayScore: score?.[1] ?? null,
});

describe("schedule terms", () => {
  it("counts days since each side's previous played game of the season", () => {
    const games = withRestDays([
      game("2020-10-01", "A", "B", [100, 90]),
      game("2020-10-02", "C", "A", [95, 99]), // A on a back-to-back, C's first
      game("2020-10-05", "B", "C", null), // postponed: nobody's previous game
      game("2020-10-06", "B", "C", [80, 85]),
      game("2021-10-01", "A", "B", [1, 0], 2021), // a new season starts afresh
    ]);
    expect(games.map((g) => [g.homeRest, g.awayRest])).toEqual([
      [undefined, undefined],
      [undefined, 1],
      [4, 3],
      [5, 4],
      [undefined, undefined],
    ]);
    expect(gameContext(games[1]!)).toEqual({ neutral: undefined, playoff: undefined, awayRest: 1 });
  });

  it("moves the Elo difference by the back-to-back penalty and the rested bonus, before the playoff multiplier", () => {
    const config = eloModel({
      name: "t",
      kFactor: { kind: "constant", value: 20 },
      homeAdvantage: 100,
      playoffMultiplier: 1.5,
      schedule: { backToBack: 40, rested: 10 },
    });
    expect(eloDifference(config, 1500, 1500, { homeRest: 1, awayRest: 2 })).toBe(60);
    expect(eloDifference(config, 1500, 1500, { homeRest: 2, awayRest: 1 })).toBe(140);
    expect(eloDifference(config, 1500, 1500, { homeRest: 4, playoff: true })).toBe(165);
    const { schedule: _, ...plain } = config;
    expect(eloDifference(plain, 1500, 1500, { homeRest: 1, awayRest: 4 })).toBe(100);
  });

  it("rates the same in the live replay and the backtest's fast replay", () => {
    const config = eloModel({
      name: "t",
      kFactor: { kind: "constant", value: 20 },
      homeAdvantage: 100,
      schedule: { backToBack: 40, rested: 10 },
    });
    const games = withRestDays([
      game("2020-10-01", "A", "B", [100, 90]),
      game("2020-10-02", "C", "A", [95, 99]),
      game("2020-10-03", "B", "C", [80, 85]),
      game("2020-10-04", "A", "C", [80, 85]),
    ]);
    const slow = replayElo(config, games);
    const fast = fastReplayElo(config, games);
    expect(slow.games.map((g) => g.probabilities.home)).toEqual([...fast.home]);
    const { schedule: _, ...plain } = config;
    expect(fastReplayElo(plain, games).home[1]).not.toBe(fast.home[1]);
  });
});
