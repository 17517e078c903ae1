import type { DateRange } from "@edgeline/sdk";
import { readRecording, recording } from "@edgeline/testkit";
import { describe, expect, it } from "vitest";
import { espnGames, espnScoreboardDrafts } from "./espn-games.ts";
import type { EspnLeagueConfig } from "./espn-league-config.ts";
import { ESPN_LEAGUES } from "./espn-leagues.ts";
import { type EspnScoreboard, espnScoreboardSchema } from "./espn-schemas.ts";

const league = (code: string): EspnLeagueConfig => ESPN_LEAGUES.find((l) => l.code === code)!;
const load = (file: string) => espnScoreboardSchema.parse(readRecording(file));
const games = (payload: EspnScoreboard, code: string, range: DateRange) =>
  espnGames(espnScoreboardDrafts(payload, league(code), range));
const row = (g: { gameId: string; status: string; awayScore: number | null; homeScore: number | null }) => [
  g.gameId,
  g.status,
  g.awayScore,
  g.homeScore,
];

const nfl = recording("espn", "nfl-scoreboard-2022-09-11.json");
const mlb = recording("espn", "mlb-scoreboard-2022-09-17-trimmed.json");
const ncaab = recording("espn", "ncaam-scoreboard-2024-12-01-trimmed.json");
const soccer = recording("espn", "soccer-all-scoreboard-2026-03-21-eng1-fra1-trimmed.json");
const tennis = recording("espn", "tennis-atp-event-olympics-2024-trimmed.json");

describe.skipIf(!nfl.present)("NFL, ESPN week 1 2022 (recorded)", () => {
  const payload = nfl.present ? load(nfl.file) : ({ events: [] } as EspnScoreboard);

  it("maps the Sunday slate: finals, games in progress, scheduled, and the Eastern day of a late game", () => {
    const sunday = games(payload, "NFL", { from: "2022-09-11", to: "2022-09-11" });
    expect(sunday).toHaveLength(14);
    expect(sunday.find((g) => g.gameId === "NFL_20220911_NE_MIA")).toEqual({
      gameId: "NFL_20220911_NE_MIA",
      sport: "NFL",
      gameDate: "2022-09-11",
      season: 2022,
      status: "Final",
      homeTeamId: "MIA",
      homeTeamName: "Miami Dolphins",
      awayTeamId: "NE",
      awayTeamName: "New England Patriots",
      homeScore: 20,
      awayScore: 7,
      commenceTime: new Date("2022-09-11T17:00:00Z"),
      venue: "Hard Rock Stadium",
      neutralSite: false,
      playoff: false,
    });
    expect(row(sunday.find((g) => g.gameId === "NFL_20220911_JAX_WSH")!)).toEqual([
      "NFL_20220911_JAX_WSH",
      "InProgress",
      22,
      20,
    ]);
    expect(sunday.find((g) => g.gameId === "NFL_20220911_NYG_TEN")).toMatchObject({
      status: "Scheduled",
      homeScore: null,
      awayScore: null,
    });
    // Sunday night: 00:20 UTC on the 12th is still the 11th in the East.
    const snf = sunday.find((g) => g.gameId === "NFL_20220911_TB_DAL");
    expect(snf?.commenceTime.toISOString()).toBe("2022-09-12T00:20:00.000Z");
  });

  it("puts Thursday's and Monday's games on their own Eastern days", () => {
    const week = games(payload, "NFL", { from: "2022-09-08", to: "2022-09-12" });
    expect(week).toHaveLength(16);
    expect(row(week[0]!)).toEqual(["NFL_20220908_BUF_LAR", "Final", 31, 10]);
    expect(week[0]?.commenceTime.toISOString()).toBe("2022-09-09T00:20:00.000Z");
    expect(week.at(-1)?.gameId).toBe("NFL_20220912_DEN_SEA");
  });
});

describe.skipIf(!nfl.present || !soccer.present)(
  "season parts and neutral sites (recorded games, copies changed)",
  () => {
    const sunday = { from: "2022-09-11", to: "2022-09-11" };

    it("leaves preseason games out and flags postseason games and neutral sites", () => {
      const payload = structuredClone(load(nfl.file));
      const find = (id: string) => payload.events.find((e) => e.id === id)!;
      find("401437640").season = { year: 2022, type: 1, slug: "preseason" }; // NYG @ TEN
      find("401437644").season = { year: 2022, type: 3, slug: "post-season" };
      find("401437644").competitions![0]!.neutralSite = true;
      const week = games(payload, "NFL", sunday);
      expect(week).toHaveLength(13);
      expect(week.find((g) => g.gameId === "NFL_20220911_NYG_TEN")).toBeUndefined();
      const flagged = week.filter((g) => g.playoff || g.neutralSite);
      expect(flagged.map((g) => [g.playoff, g.neutralSite])).toEqual([[true, true]]);
    });

    it("reads soccer's league-season id in `type` as no season part: EPL games stay regular", () => {
      const epl = games(load(soccer.file), "EPL", { from: "2026-03-21", to: "2026-03-22" });
      expect(epl.length).toBeGreaterThan(0);
      expect(epl.every((g) => g.playoff === false && g.neutralSite === false)).toBe(true);
    });
  },
);

describe.skipIf(!nfl.present || !soccer.present)(
  "postponed copies for NFL and LIGUE1 (none recorded)",
  () => {
    const postponed = { type: { name: "STATUS_POSTPONED", state: "post" as const, completed: false } };

    it.each([
      ["NFL", nfl.file, "401437640", "2022-09-11", "NFL_20220911_NYG_TEN"],
      ["LIGUE1", soccer.file, "746651", "2026-03-21", "LIGUE1_20260321_PSG_NICE"],
    ])(
      "%s: a real game with ESPN's postponed status is Postponed, unscored",
      (code, file, eventId, day, gameId) => {
        // The real event, with the status fields ESPN sends for a postponed game (recorded for EPL).
        const event = structuredClone(load(file).events.find((e) => e.id === eventId)!);
        event.status = postponed;
        event.competitions![0]!.status = postponed;
        const [game] = games({ events: [event] }, code, { from: day, to: day });
        expect(game).toMatchObject({ gameId, status: "Postponed", homeScore: null, awayScore: null });
      },
    );
  },
);

describe.skipIf(!mlb.present)("MLB, ESPN 2022-09-17 (recorded, trimmed)", () => {
  it("maps finals, a game in progress and scheduled games with ESPN codes as ids", () => {
    const day = games(load(mlb.file), "MLB", { from: "2022-09-17", to: "2022-09-17" });
    expect(day.map(row)).toEqual([
      ["MLB_20220917_MIN_CLE", "Final", 1, 5],
      ["MLB_20220917_CIN_STL", "Final", 1, 5],
      ["MLB_20220917_BAL_TOR", "InProgress", 3, 6],
      ["MLB_20220917_CHW_DET", "Scheduled", null, null],
      ["MLB_20220917_TEX_TB", "Scheduled", null, null],
    ]);
    expect(day[0]).toMatchObject({
      homeTeamName: "Cleveland Guardians",
      season: 2022,
      venue: "Progressive Field",
      commenceTime: new Date("2022-09-17T17:10:00.000Z"),
    });
    expect(day[3]?.commenceTime.toISOString()).toBe("2022-09-17T22:10:00.000Z");
  });

  it("suffixes the second game of a doubleheader, ordered by start time", () => {
    // A real doubleheader is not in the trimmed file: the CHW @ DET game, copied three hours later.
    const payload = load(mlb.file);
    const first = payload.events.find((e) => e.id === "401356371")!;
    const second = structuredClone(first);
    second.id = "401356999";
    second.competitions![0]!.id = "401356999";
    second.competitions![0]!.date = "2022-09-18T01:10Z";
    const day = games({ events: [second, ...payload.events] }, "MLB", {
      from: "2022-09-17",
      to: "2022-09-17",
    });
    const dh = day.filter((g) => g.gameId.startsWith("MLB_20220917_CHW_DET"));
    expect(dh.map((g) => [g.gameId, g.commenceTime.toISOString()])).toEqual([
      ["MLB_20220917_CHW_DET", "2022-09-17T22:10:00.000Z"],
      ["MLB_20220917_CHW_DET_2", "2022-09-18T01:10:00.000Z"],
    ]);
  });

  it("maps a postponed game to Postponed without its 0-0, never Final", () => {
    // No postponed MLB game is recorded: the real CLE final with ESPN's postponed status
    // (as recorded for Man City - Crystal Palace: name STATUS_POSTPONED, state post, completed false).
    const payload = load(mlb.file);
    const cle = structuredClone(payload.events[0]!);
    cle.competitions![0]!.status = { type: { name: "STATUS_POSTPONED", state: "post", completed: false } };
    const [game] = games({ events: [cle] }, "MLB", { from: "2022-09-17", to: "2022-09-17" });
    expect(game).toMatchObject({
      gameId: "MLB_20220917_MIN_CLE",
      status: "Postponed",
      homeScore: null,
      awayScore: null,
    });
  });
});

describe.skipIf(!ncaab.present)("NCAAB, ESPN 2024-12-01 (recorded, trimmed)", () => {
  it("maps the final with ESPN codes and the 2024-25 season as 2024", () => {
    const [game, ...rest] = games(load(ncaab.file), "NCAAB", { from: "2024-12-01", to: "2024-12-01" });
    expect(rest).toHaveLength(0);
    expect(game).toEqual({
      gameId: "NCAAB_20241201_SCST_XAV",
      sport: "NCAAB",
      gameDate: "2024-12-01",
      season: 2024,
      status: "Final",
      homeTeamId: "XAV",
      homeTeamName: "Xavier Musketeers",
      awayTeamId: "SCST",
      awayTeamName: "South Carolina State Bulldogs",
      homeScore: 71,
      awayScore: 68,
      commenceTime: new Date("2024-12-01T21:30:00Z"),
      venue: "Cintas Center",
      neutralSite: false,
      playoff: false,
    });
  });

  it("maps a postponed copy of the game to Postponed", () => {
    // No postponed NCAAB game is recorded: the real final with ESPN's postponed status.
    const payload = load(ncaab.file);
    payload.events[0]!.competitions![0]!.status = {
      type: { name: "STATUS_POSTPONED", state: "post", completed: false },
    };
    const [game] = games(payload, "NCAAB", { from: "2024-12-01", to: "2024-12-01" });
    expect(game).toMatchObject({ status: "Postponed", homeScore: null, awayScore: null });
  });
});

describe.skipIf(!soccer.present)("EPL and Ligue 1, ESPN soccer/all 2026-03-21 (recorded, trimmed)", () => {
  const payload = soccer.present ? load(soccer.file) : ({ events: [] } as EspnScoreboard);
  const day = { from: "2026-03-21", to: "2026-03-21" };

  it("keeps only Premier League events for EPL, with the real postponed Man City - Crystal Palace", () => {
    const epl = games(payload, "EPL", day);
    expect(epl.map(row)).toEqual([
      ["EPL_20260321_LIV_BHA", "Final", 1, 2],
      // Same kick-off: ordered by ESPN's id (740902 before 740905).
      ["EPL_20260321_CRY_MNC", "Postponed", null, null],
      ["EPL_20260321_BUR_FUL", "Final", 1, 3],
      ["EPL_20260321_CHE_EVE", "Final", 0, 3],
      ["EPL_20260321_BRE_LEE", "Final", 0, 0],
    ]);
    expect(epl[1]).toMatchObject({
      homeTeamName: "Manchester City",
      awayTeamName: "Crystal Palace",
      venue: "Etihad Stadium",
      season: 2025,
    });
    expect(epl[1]?.commenceTime.toISOString()).toBe("2026-03-21T15:00:00.000Z");
    expect(epl[0]?.commenceTime.toISOString()).toBe("2026-03-21T12:45:00.000Z");
  });

  it("keeps only Ligue 1 events for LIGUE1; Brest keeps ESPN's BRE in its own sport", () => {
    const l1 = games(payload, "LIGUE1", day);
    expect(l1.map(row)).toEqual([
      ["LIGUE1_20260321_LOR_TOU", "Final", 0, 1],
      ["LIGUE1_20260321_BRE_AUX", "Final", 0, 3],
      ["LIGUE1_20260321_PSG_NICE", "Final", 4, 0],
    ]);
    expect(l1[2]).toMatchObject({ awayTeamName: "Paris Saint-Germain", venue: "Allianz Riviera" });
    expect(l1[2]?.commenceTime.toISOString()).toBe("2026-03-21T20:05:00.000Z");
  });
});

describe.skipIf(!tennis.present)("TENNIS, ESPN ATP Olympics 2024 (recorded, trimmed)", () => {
  const payload = tennis.present ? load(tennis.file) : ({ events: [] } as EspnScoreboard);

  it("maps men's singles with players as entities and sets won as the score; skips TBD and women's", () => {
    const matches = games(payload, "TENNIS", { from: "2024-07-27", to: "2024-08-04" });
    expect(matches.map(row)).toEqual([
      ["TENNIS_20240727_CARLOS-ALCARAZ_HADY-HABIB", "Final", 2, 0],
      ["TENNIS_20240727_MATTHEW-EBDEN_NOVAK-DJOKOVIC", "Final", 0, 2],
      ["TENNIS_20240728_MAXIMILIAN-MARTERER_DUSAN-LAJOVIC", "InProgress", 1, 1],
      ["TENNIS_20240729_RAFAEL-NADAL_NOVAK-DJOKOVIC", "Scheduled", null, null],
    ]);
    expect(matches[0]).toMatchObject({
      awayTeamName: "Carlos Alcaraz",
      homeTeamName: "Hady Habib",
      season: 2024,
      venue: "Paris, France",
      commenceTime: new Date("2024-07-27T12:10:00.000Z"),
    });
    expect(matches[3]?.commenceTime.toISOString()).toBe("2024-07-29T11:30:00.000Z");
  });

  it("maps a retirement as Final and a walkover or postponement as not Final", () => {
    const withWomen = { ...league("TENNIS"), groupings: ["womens-singles"] };
    const [retired] = espnGames(
      espnScoreboardDrafts(payload, withWomen, { from: "2024-07-28", to: "2024-07-28" }),
    );
    expect(retired).toMatchObject({
      gameId: "TENNIS_20240728_DANIELLE-COLLINS_LAURA-SIEGEMUND",
      status: "Final",
      awayScore: 1,
      homeScore: 0,
    });
    // No postponed tennis match is recorded: the real Nadal - Djokovic match with its status changed.
    for (const [name, expected] of [
      ["STATUS_POSTPONED", "Postponed"],
      ["STATUS_WALKOVER", "Cancelled"],
    ] as const) {
      const copy = structuredClone(payload);
      const match = copy.events[0]!.groupings![1]!.competitions.find((c) => c.id === "147748")!;
      match.status = { type: { name, state: "post", completed: name === "STATUS_WALKOVER" } };
      const [game] = games(copy, "TENNIS", { from: "2024-07-29", to: "2024-07-29" });
      expect(game).toMatchObject({ gameId: "TENNIS_20240729_RAFAEL-NADAL_NOVAK-DJOKOVIC", status: expected });
    }
  });
});
