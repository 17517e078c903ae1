import { eloModel } from "@edgeline/sdk";
import { describe, expect, it } from "vitest";
import { fastReplayElo } from "./fast-replay.ts";
import { eloDifferenceOf, expectedHomeOf, expectedScore } from "./probability.ts";
import { type EloGame, replayElo } from "./replay.ts";
import { rateGame } from "./update.ts";

const config = eloModel({
  name: "t",
  kFactor: { kind: "constant", value: 20 },
  homeAdvantage: 50,
  marketUpdate: { share: 0.5 },
});

describe("ratings that learn from the market", () => {
  it("moves the ratings' difference a share of the way to the one the close implies, zero-sum", () => {
    expect(eloDifferenceOf(expectedScore(123))).toBeCloseTo(123, 9);
    const plain = rateGame({ ...config, marketUpdate: undefined }, 1500, 1500, {
      homeScore: 1,
      awayScore: 0,
    });
    // The close says home by 150 Elo points where the ratings said 50: half the 100-point gap.
    const r = rateGame(
      config,
      1500,
      1500,
      { homeScore: 1, awayScore: 0 },
      { closingHome: expectedScore(150) },
    );
    expect(r.homeShift - plain.homeShift).toBeCloseTo(25, 9);
    expect(r.awayShift).toBeCloseTo(-r.homeShift, 12);
    // Without a close, the result alone.
    expect(rateGame(config, 1500, 1500, { homeScore: 1, awayScore: 0 }).homeShift).toBe(plain.homeShift);
  });

  it("rates the same in the live replay and the fast replay", () => {
    const games: EloGame[] = [
      {
        date: "2020-01-01",
        season: 2020,
        home: "A",
        away: "B",
        homeScore: 3,
        awayScore: 1,
        closingHome: 0.7,
      },
      {
        date: "2020-01-02",
        season: 2020,
        home: "B",
        away: "C",
        homeScore: 2,
        awayScore: 4,
        closingHome: 0.4,
      },
      { date: "2020-01-03", season: 2020, home: "C", away: "A", homeScore: 1, awayScore: 2 },
    ];
    expect(replayElo(config, games).games.map((g) => g.probabilities.home)).toEqual([
      ...fastReplayElo(config, games).home,
    ]);
  });

  it("reads a three-way close as the home side's expected score", () => {
    expect(expectedHomeOf([0.5, 0.2, 0.3])).toBeCloseTo(0.6, 12);
    expect(expectedHomeOf([0.55, 0.45])).toBe(0.55);
  });
});
