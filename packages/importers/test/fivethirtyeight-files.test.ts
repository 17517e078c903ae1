import { createEntityIndex } from "@edgeline/sdk";
import { NFL_TEAMS } from "@edgeline/sport-generic";
import { NBA_TEAMS } from "@edgeline/sport-nba";
import { NHL_TEAMS } from "@edgeline/sport-nhl";
import { describe, expect, it } from "vitest";
import { ImportError, parseFiveThirtyEightFile } from "../src/index.ts";
import { hasShared, sharedPath } from "./shared-files.ts";

const NFL = ["datasets", "fivethirtyeight-nfl-elo-game", "nfl_games.csv"] as const;
const NBA = ["datasets", "fivethirtyeight-elo-season-files", "nba_elo_2020-21_regular_season.csv"] as const;
const NHL = ["datasets", "fivethirtyeight-elo-season-files", "nhl_elo_2022-23_full_season.csv"] as const;

describe.skipIf(!hasShared(...NFL))("FiveThirtyEight nfl_games.csv (../shared)", () => {
  const nfl = createEntityIndex(NFL_TEAMS);

  it("reads the 12,261 games since 1970 with 538's Elo forecast, playoff and neutral flags", async () => {
    const r = await parseFiveThirtyEightFile(sharedPath(...NFL), {
      sport: "NFL",
      entities: nfl,
      seasons: { from: 1970 },
    });
    expect(r.layout).toBe("nfl_games");
    expect(r.games).toHaveLength(12_261);
    expect(r.forecasts).toHaveLength(12_261);
    expect(r.games.filter((g) => g.playoff)).toHaveLength(513);
    expect(r.games.filter((g) => g.neutral)).toHaveLength(88);
    // The Raiders are "OAK" in 538's file throughout: one franchise id.
    expect(new Set(r.games.map((g) => g.game.homeTeamId)).size).toBe(32);
    const last = r.games.at(-1)!;
    expect(last.game).toMatchObject({
      gameId: "NFL_20210207_KC_TB",
      season: 2020,
      homeScore: 31,
      awayScore: 9,
    });
    expect(last).toMatchObject({ neutral: true, playoff: true, startTime: "nominal" });
    expect(r.forecasts.at(-1)).toEqual({
      gameId: "NFL_20210207_KC_TB",
      source: "fivethirtyeight-elo",
      homeWinProbability: 0.4458378304058082,
      awayWinProbability: 1 - 0.4458378304058082,
      overtimeProbability: null,
      homeRating: 1703.30329600465,
      awayRating: 1741.08727932497,
    });
  });

  it("reads a span of seasons: 2,939 games in 2010-2020", async () => {
    const r = await parseFiveThirtyEightFile(sharedPath(...NFL), {
      sport: "NFL",
      entities: nfl,
      seasons: { from: 2010, to: 2020 },
    });
    expect(r.games).toHaveLength(2_939);
  });

  it("refuses the whole file, naming the clubs of the 1920s no catalog lists", async () => {
    const error = await parseFiveThirtyEightFile(sharedPath(...NFL), { sport: "NFL", entities: nfl }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ImportError);
    const names = (error as ImportError).problems.map((p) => p.value);
    expect(names).toContain("RII");
    expect(names).not.toContain("OAK");
    expect((error as ImportError).problems[0]!.message).toMatch(/^unknown team name "RII" \(rows 2, /);
  });
});

describe.skipIf(!hasShared(...NBA))("FiveThirtyEight NBA season file 2020-21 (../shared)", () => {
  it("reads 1,080 games, 1,051 played, with Elo and RAPTOR forecasts, season by its first year", async () => {
    const r = await parseFiveThirtyEightFile(sharedPath(...NBA), {
      sport: "NBA",
      entities: createEntityIndex(NBA_TEAMS),
    });
    expect(r.layout).toBe("nba");
    expect(r.games).toHaveLength(1_080);
    expect(r.games.filter((g) => g.game.status === "Final")).toHaveLength(1_051);
    expect(r.games.every((g) => g.game.season === 2020)).toBe(true);
    expect(r.forecasts.filter((f) => f.source === "fivethirtyeight-elo")).toHaveLength(1_080);
    expect(r.forecasts.filter((f) => f.source === "fivethirtyeight-raptor")).toHaveLength(1_080);
    expect(r.forecasts.filter((f) => f.source === "fivethirtyeight-carmelo")).toHaveLength(0);
    // BRK, CHO and PHO are 538's codes for BKN, CHA and PHX.
    expect(r.games[0]!.game).toMatchObject({ gameId: "NBA_20201222_GSW_BKN", homeScore: 125, awayScore: 99 });
    expect(new Set(r.games.map((g) => g.game.homeTeamId))).toEqual(new Set(NBA_TEAMS.map((t) => t.id)));
  });
});

describe.skipIf(!hasShared(...NHL))("FiveThirtyEight NHL season file 2022-23 (../shared)", () => {
  it("reads 1,400 games (88 playoff, 4 neutral), overtime from `ot`, 538's overtime probability", async () => {
    const r = await parseFiveThirtyEightFile(sharedPath(...NHL), {
      sport: "NHL",
      entities: createEntityIndex(NHL_TEAMS),
    });
    expect(r.layout).toBe("nhl");
    expect(r.games).toHaveLength(1_400);
    expect(r.games.filter((g) => g.playoff)).toHaveLength(88);
    expect(r.games.filter((g) => g.neutral)).toHaveLength(4);
    expect(r.games.filter((g) => g.extraTime)).toHaveLength(326);
    const ot = r.games.find((g) => g.game.gameId === "NHL_20221012_SEA_ANA")!;
    expect(ot).toMatchObject({ extraTime: true, game: { homeScore: 5, awayScore: 4, season: 2022 } });
    expect(r.forecasts.find((f) => f.gameId === ot.game.gameId)).toMatchObject({
      homeWinProbability: 0.568618521369471,
      overtimeProbability: 0.235725462251564,
    });
    // VEG is 538's code for the Golden Knights.
    expect(r.games.at(-1)!.game.gameId).toBe("NHL_20230613_FLA_VGK");
  });
});
