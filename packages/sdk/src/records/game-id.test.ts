import { describe, expect, it } from "vitest";
import { assignGameIds, baseGameId, type GameDraft, parseGameId } from "./game-id.ts";

const draft = (over: Partial<GameDraft>): GameDraft => ({
  sourceKey: "1",
  sport: "MLB",
  gameDate: "2022-09-17",
  season: 2022,
  status: "Scheduled",
  homeTeamId: "DET",
  homeTeamName: "Detroit Tigers",
  awayTeamId: "CHW",
  awayTeamName: "Chicago White Sox",
  homeScore: null,
  awayScore: null,
  commenceTime: new Date("2022-09-17T17:10:00Z"),
  venue: null,
  ...over,
});

describe("game ids", () => {
  it("builds the seed's example form {SPORT}_{YYYYMMDD}_{AWAY}_{HOME}", () => {
    expect(baseGameId({ sport: "NHL", gameDate: "2024-01-20", awayId: "LAK", homeId: "BOS" })).toBe(
      "NHL_20240120_LAK_BOS",
    );
  });

  it("suffixes a second game of the pairing that day by start time, whatever the input order", () => {
    const late = draft({ sourceKey: "9", commenceTime: new Date("2022-09-17T23:10:00Z") });
    const early = draft({ sourceKey: "5" });
    const other = draft({ sourceKey: "7", homeTeamId: "TB", awayTeamId: "TEX" });
    const ids = assignGameIds([late, other, early]).map((g) => [g.gameId, g.commenceTime.getUTCHours()]);
    expect(ids).toEqual([
      ["MLB_20220917_CHW_DET", 17],
      ["MLB_20220917_TEX_TB", 17],
      ["MLB_20220917_CHW_DET_2", 23],
    ]);
  });

  it("orders same-time games by source id so refetches agree", () => {
    const a = assignGameIds([draft({ sourceKey: "b" }), draft({ sourceKey: "a", venue: "first" })]);
    expect(a.map((g) => [g.gameId, g.venue])).toEqual([
      ["MLB_20220917_CHW_DET", "first"],
      ["MLB_20220917_CHW_DET_2", null],
    ]);
  });

  it("parses ids back, including hyphenated player ids and the suffix", () => {
    expect(parseGameId("NHL_20240120_LAK_BOS")).toEqual({
      sport: "NHL",
      gameDate: "2024-01-20",
      awayId: "LAK",
      homeId: "BOS",
      gameNumber: 1,
    });
    expect(parseGameId("TENNIS_20240727_CARLOS-ALCARAZ_HADY-HABIB_2")).toMatchObject({
      awayId: "CARLOS-ALCARAZ",
      homeId: "HADY-HABIB",
      gameNumber: 2,
    });
    expect(parseGameId("nhl_2024_LAK")).toBeUndefined();
  });
});
