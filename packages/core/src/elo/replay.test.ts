import { describe, expect, it } from "vitest";
import { datasets, has, readCsv } from "./dataset-files.test-helpers.ts";
import { type EloHistoryRow, mergeHistoryRows, ratingOn, storedRating } from "./history.ts";
import { fivethirtyeightNba, fivethirtyeightNfl } from "./presets.ts";
import { applyEloDay, type EloGame, groupByDay, replayElo } from "./replay.ts";
import { stateFromHistoryRows } from "./state.ts";
import { drawTestConfig } from "./test-configs.test-helpers.ts";

const game = (
  date: string,
  season: number,
  home: string,
  away: string,
  hs: number | null,
  as: number | null,
): EloGame => ({
  date,
  season,
  home,
  away,
  homeScore: hs,
  awayScore: as,
});

/** Two seasons with a doubleheader, an unplayed game, a reversion and an expansion team. */
const SMALL: EloGame[] = [
  game("2021-04-01", 2021, "A", "B", 5, 3),
  game("2021-04-01", 2021, "A", "B", 2, 4), // doubleheader: one row for the day
  game("2021-04-02", 2021, "C", "A", 7, 1),
  game("2022-04-01", 2022, "B", "C", 3, 3),
  game("2022-04-03", 2022, "D", "A", 1, 0), // D is new in 2022
  game("2022-04-05", 2022, "A", "C", null, null),
];

function rowsOf(rows: readonly EloHistoryRow[], id: string) {
  return rows.filter((r) => r.entityId === id);
}

describe("replayElo history rows", () => {
  const { history, games } = replayElo(fivethirtyeightNba, SMALL);

  it("one row per entity per day of change; the day's results take effect the next day", () => {
    const a = rowsOf(history, "A").map((r) => [r.validFrom, r.validTo, r.gamesPlayed]);
    expect(a).toEqual([
      ["2021-04-01", "2021-04-02", 0], // starting rating, in force on its first game day
      ["2021-04-02", "2021-04-03", 2], // after the doubleheader
      ["2021-04-03", "2022-04-03", 3],
      ["2022-04-03", "2022-04-04", 3], // reverted at its first 2022 game
      ["2022-04-04", null, 4],
    ]);
    expect(rowsOf(history, "A")[0]!.rating.toString()).toBe("1500");
  });

  it("the row covering a game's date holds that game's pre-game rating (no same-day leakage)", () => {
    for (const g of games) {
      const home = ratingOn(rowsOf(history, g.game.home), g.game.date);
      const away = ratingOn(rowsOf(history, g.game.away), g.game.date);
      // The doubleheader's second game starts from the first game's result, which no row shows.
      if (g === games[1]) continue;
      expect(home!.rating.equals(storedRating(g.homePre))).toBe(true);
      expect(away!.rating.equals(storedRating(g.awayPre))).toBe(true);
    }
  });

  it("the doubleheader's second game starts from the first game's result", () => {
    expect(games[1]!.homePre).toBe(games[0]!.homePost);
  });

  it("reverts 25% toward 1505 at a team's first game of a new season", () => {
    const lastA2021 = games[2]!.awayPost;
    expect(games[4]!.awayPre).toBeCloseTo(1505 * 0.25 + lastA2021 * 0.75, 10);
  });

  it("gives an entity first seen after the first season the new-entity rating", () => {
    expect(games[4]!.homePre).toBe(fivethirtyeightNba.newEntityRating);
    expect(games[0]!.homePre).toBe(fivethirtyeightNba.initialRating);
  });

  it("an unplayed game has probabilities but moves no rating", () => {
    const g = games[5]!;
    expect(g.homePost).toBe(g.homePre);
    expect(g.probabilities.home + g.probabilities.away).toBeCloseTo(1, 15);
  });

  it("each entity has exactly one current row and rounds to 2 dp", () => {
    for (const id of ["A", "B", "C", "D"]) {
      expect(rowsOf(history, id).filter((r) => r.validTo === null)).toHaveLength(1);
    }
    for (const r of history) expect(r.rating.decimalPlaces()).toBeLessThanOrEqual(2);
  });

  it("uses a special reversion where 538's NFL code has one", () => {
    const nfl = replayElo(fivethirtyeightNfl, [
      game("1998-09-06", 1998, "CLE", "PIT", 0, 30),
      game("1999-09-12", 1999, "CLE", "PIT", 0, 43),
    ]);
    expect(nfl.games[1]!.homePre).toBe(1300.0);
    expect(nfl.games[1]!.awayPre).toBeCloseTo(1505 / 3 + (nfl.games[0]!.awayPost * 2) / 3, 10);
  });
});

describe("input errors", () => {
  it("rejects games out of date order, naming the game", () => {
    expect(() => replayElo(fivethirtyeightNba, [SMALL[2]!, SMALL[0]!])).toThrow(
      /dated before the game before it/,
    );
  });
  it("rejects a day not after the state's last day", () => {
    const { state } = replayElo(fivethirtyeightNba, SMALL.slice(0, 3));
    expect(() => applyEloDay(fivethirtyeightNba, state, "2021-04-02", [SMALL[2]!])).toThrow(
      /not after the last day/,
    );
  });
  it("rejects a malformed date, one score without the other, and a side playing itself", () => {
    expect(() => replayElo(fivethirtyeightNba, [game("2021-02-30", 2021, "A", "B", 1, 0)])).toThrow(
      /real calendar day/,
    );
    expect(() => replayElo(fivethirtyeightNba, [game("2021-01-01", 2021, "A", "B", 1, null)])).toThrow(
      /both scores/,
    );
    expect(() => replayElo(fivethirtyeightNba, [game("2021-01-01", 2021, "A", "A", 1, 0)])).toThrow(/itself/);
  });
});

/** Splits a replay at day `split`: history up to it, then the remaining days one at a time. */
function incremental(
  games: EloGame[],
  split: number,
  precision: "full" | "stored",
  init?: Record<string, number>,
) {
  const days = groupByDay(games);
  const prefix = days.slice(0, split).flatMap(([, g]) => g);
  const first = replayElo(fivethirtyeightNfl, prefix, { precision, initialRatings: init });
  let state = first.state;
  if (precision === "stored") {
    // Rebuild from the table alone (plus each team's last season, which unified_games holds).
    const lastSeasonByEntity: Record<string, number> = {};
    for (const g of prefix) lastSeasonByEntity[g.home] = lastSeasonByEntity[g.away] = g.season;
    state = stateFromHistoryRows(first.history, {
      lastSeasonByEntity,
      firstSeason: prefix[0]!.season,
      lastDate: prefix[prefix.length - 1]!.date,
      initialRatings: init,
    });
  }
  let rows = first.history;
  for (const [date, dayGames] of days.slice(split)) {
    const day = applyEloDay(fivethirtyeightNfl, state, date, dayGames);
    state = day.state;
    rows = mergeHistoryRows(rows, day.rows);
  }
  return { rows, state };
}

const plain = (rows: EloHistoryRow[]) => rows.map((r) => ({ ...r, rating: r.rating.toFixed(2) }));

describe.skipIf(!has(datasets.nflGames) || !has(datasets.nflInitialElos))(
  "incremental day = full replay (NFL)",
  () => {
    const csv = has(datasets.nflGames) ? readCsv(datasets.nflGames) : [];
    const init = has(datasets.nflInitialElos)
      ? Object.fromEntries(readCsv(datasets.nflInitialElos).map((r) => [r.team!, Number(r.elo)]))
      : {};
    // Seasons 1998-2001 cover season breaks, byes, CLE's special reversion and HOU's 2002 debut... near enough.
    const games: EloGame[] = csv
      .filter((r) => Number(r.season) >= 1998 && Number(r.season) <= 2002)
      .map((r) => ({
        ...game(r.date!, Number(r.season), r.team1!, r.team2!, Number(r.score1), Number(r.score2)),
        neutral: r.neutral === "1",
      }));
    const nDays = groupByDay(games).length;

    for (const precision of ["full", "stored"] as const) {
      it(`${precision} precision: history and state match at several split points`, () => {
        const full = replayElo(fivethirtyeightNfl, games, { precision, initialRatings: init });
        for (const split of [1, 17, Math.floor(nDays / 2), nDays - 1]) {
          const inc = incremental(games, split, precision, init);
          expect(plain(inc.rows)).toEqual(plain(full.history));
          for (const [id, e] of full.state.entities) {
            expect(inc.state.entities.get(id)!.rating).toBe(e.rating);
            expect(inc.state.entities.get(id)!.gamesPlayed).toBe(e.gamesPlayed);
          }
        }
      });
    }

    it("stored precision stays within a few hundredths of full precision over five seasons", () => {
      const full = replayElo(fivethirtyeightNfl, games, { initialRatings: init });
      const stored = replayElo(fivethirtyeightNfl, games, { precision: "stored", initialRatings: init });
      let max = 0;
      for (const [id, e] of full.state.entities)
        max = Math.max(max, Math.abs(e.rating - stored.state.entities.get(id)!.rating));
      expect(max).toBeGreaterThan(0);
      expect(max).toBeLessThan(0.1);
    });
  },
);

describe("draw sports", () => {
  it("a soccer draw is scored 0.5 and the replay reports a draw probability", () => {
    const r = replayElo(drawTestConfig, [game("2023-08-12", 2024, "ARS", "NFO", 1, 1)]);
    const g = r.games[0]!;
    expect(g.probabilities.draw).toBeGreaterThan(0);
    // Home is 100 points better with home advantage, so a draw costs it rating.
    expect(g.homePost).toBeLessThan(g.homePre);
    expect(g.homePost + g.awayPost).toBeCloseTo(3000, 10);
  });
});
