// The fast replay against the history-building replay: the same probabilities to 1e-12 (in fact
// bit for bit) on 538's files and on small cases covering every engine feature.

import type { EloConfig } from "@edgeline/sdk";
import { describe, expect, it } from "vitest";
import { datasets, has, noteIfMissing, readCsv } from "./dataset-files.test-helpers.ts";
import { compileEloGames, fastReplayElo } from "./fast-replay.ts";
import { fivethirtyeightNba, fivethirtyeightNfl, fivethirtyeightNhl } from "./presets.ts";
import { type EloGame, replayElo } from "./replay.ts";
import {
  drawTestConfig as eplDefault,
  shrinkingKTestConfig as tennisDefault,
} from "./test-configs.test-helpers.ts";

function agree(config: EloConfig, games: EloGame[], initialRatings?: Record<string, number>) {
  const slow = replayElo(config, games, initialRatings ? { initialRatings } : {});
  const fast = fastReplayElo(config, games, initialRatings ? { initialRatings } : {});
  let max = 0;
  slow.games.forEach((g, i) => {
    max = Math.max(
      max,
      Math.abs(g.probabilities.home - fast.home[i]!),
      Math.abs(g.probabilities.away - fast.away[i]!),
      Math.abs((g.probabilities.draw ?? 0) - (fast.draw?.[i] ?? 0)),
      Math.abs(g.homePre - fast.homePre[i]!) / 1e3, // ratings are ~1500: compare relative size
      Math.abs(g.awayPre - fast.awayPre[i]!) / 1e3,
    );
  });
  for (const [id, e] of slow.state.entities) expect(fast.ratings.get(id)).toBe(e.rating);
  expect(fast.home).toHaveLength(games.length);
  return max;
}

const game = (
  date: string,
  season: number,
  home: string,
  away: string,
  hs: number | null,
  as: number | null,
  extra: Partial<EloGame> = {},
): EloGame => ({ date, season, home, away, homeScore: hs, awayScore: as, ...extra });

/** A doubleheader, a draw, neutral and playoff games, a season reversion, an expansion side and an unplayed game. */
const SMALL: EloGame[] = [
  game("2021-04-01", 2021, "A", "B", 5, 3),
  game("2021-04-01", 2021, "A", "B", 2, 4),
  game("2021-04-02", 2021, "C", "A", 2, 2),
  game("2021-04-03", 2021, "B", "C", 1, 0, { neutral: true }),
  game("2021-05-01", 2021, "A", "C", 3, 1, { playoff: true }),
  game("2022-04-01", 2022, "B", "C", 3, 3),
  game("2022-04-03", 2022, "D", "A", 1, 0),
  game("2022-04-05", 2022, "A", "C", null, null, { playoff: true, neutral: true }),
];

describe("fastReplayElo equals replayElo", () => {
  it("on every engine feature: draws, neutral, playoff, reversion, new entities, shrinking K", () => {
    for (const config of [
      fivethirtyeightNfl,
      fivethirtyeightNba,
      fivethirtyeightNhl,
      eplDefault,
      tennisDefault,
    ]) {
      expect(agree(config, SMALL)).toBe(0);
    }
    expect(agree(fivethirtyeightNfl, SMALL, { A: 1600, B: 1450 })).toBe(0);
  });
  it("a compiled game list replays the same, and bad games are refused as replayElo refuses them", () => {
    const compiled = compileEloGames(SMALL);
    expect(fastReplayElo(eplDefault, compiled).home).toEqual(fastReplayElo(eplDefault, SMALL).home);
    expect(() => fastReplayElo(eplDefault, [SMALL[2]!, SMALL[0]!])).toThrow(
      /dated before the game before it/,
    );
    expect(() => fastReplayElo(eplDefault, [game("2021-04-01", 2021, "A", "A", 1, 0)])).toThrow(
      /cannot play itself/,
    );
  });
});

const num = Number;

noteIfMissing(datasets.nflGames);
describe.skipIf(!has(datasets.nflGames) || !has(datasets.nflInitialElos))("on 538's whole NFL file", () => {
  it("16,810 games, neutral and playoff flags, special reversions: agree to 1e-12", () => {
    const initialRatings = Object.fromEntries(
      readCsv(datasets.nflInitialElos).map((r) => [r.team!, num(r.elo)]),
    );
    const games = readCsv(datasets.nflGames).map((r) =>
      game(r.date!, num(r.season), r.team1!, r.team2!, num(r.score1), num(r.score2), {
        neutral: r.neutral === "1",
        playoff: r.playoff === "1",
      }),
    );
    expect(games).toHaveLength(16_810);
    expect(agree(fivethirtyeightNfl, games, initialRatings)).toBeLessThan(1e-12);
  });
});

noteIfMissing(datasets.nba2021);
describe.skipIf(!has(datasets.nba2021))("on 538's NBA 2020-21 file", () => {
  it("1,080 games incl. unplayed ones: agree to 1e-12", () => {
    const games = readCsv(datasets.nba2021).map((r) =>
      game(
        r.date!,
        num(r.season),
        r.team1!,
        r.team2!,
        r.score1 ? num(r.score1) : null,
        r.score2 ? num(r.score2) : null,
        {
          neutral: r.neutral === "1",
          playoff: r.playoff !== "",
        },
      ),
    );
    expect(agree(fivethirtyeightNba, games)).toBeLessThan(1e-12);
  });
});

noteIfMissing(datasets.nhl2023);
describe.skipIf(!has(datasets.nhl2023))("on 538's NHL 2022-23 file", () => {
  it("1,400 games incl. 88 playoff games (×1.25) and neutral sites: agree to 1e-12", () => {
    const rows = readCsv(datasets.nhl2023);
    const games = rows.map((r) =>
      game(
        r.date!,
        num(r.season),
        r.home_team_abbr!,
        r.away_team_abbr!,
        num(r.home_team_score),
        num(r.away_team_score),
        {
          neutral: r.neutral === "1",
          playoff: r.playoff === "1",
        },
      ),
    );
    expect(games.filter((g) => g.playoff)).toHaveLength(88);
    expect(games.some((g) => g.neutral)).toBe(true);
    expect(agree(fivethirtyeightNhl, games)).toBeLessThan(1e-12);
  });
});
