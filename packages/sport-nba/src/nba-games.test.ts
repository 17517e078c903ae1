import { readRecording, recording } from "@edgeline/testkit";
import { describe, expect, it } from "vitest";
import { mergeNbaGames, nbaScheduleDrafts, nbaScoreboardDrafts, nbaSeason } from "./nba-games.ts";
import { nbaSchedulePayloadSchema, nbaScoreboardPayloadSchema } from "./nba-schemas.ts";
import { nbaStatus } from "./nba-status.ts";

const scoreboardFile = recording("nba", "todaysScoreboard_00-2023-04-20.json");
const scheduleFile = recording("nba", "scheduleLeagueV2-2025-26-trimmed.json");
const april20 = { from: "2023-04-20", to: "2023-04-20" };

describe.skipIf(!scoreboardFile.present)("NBA scoreboard 2023-04-20 (recorded playoffs)", () => {
  // A skipped describe still runs its body: read only when the recording is there.
  const payload = scoreboardFile.present
    ? nbaScoreboardPayloadSchema.parse(readRecording(scoreboardFile.file))
    : (undefined as never);

  it("maps one final and two live games with scores, UTC starts and the Eastern day", () => {
    const games = mergeNbaGames([], nbaScoreboardDrafts(payload, april20));
    expect(games.map((g) => `${g.gameId} ${g.status} ${g.awayScore}-${g.homeScore}`)).toEqual([
      "NBA_20230420_PHI_BKN Final 102-97",
      "NBA_20230420_SAC_GSW InProgress 30-39",
      "NBA_20230420_PHX_LAC InProgress 12-10",
    ]);
    expect(games[0]).toEqual({
      gameId: "NBA_20230420_PHI_BKN",
      sport: "NBA",
      gameDate: "2023-04-20",
      season: 2022,
      status: "Final",
      homeTeamId: "BKN",
      homeTeamName: "Brooklyn Nets",
      awayTeamId: "PHI",
      awayTeamName: "Philadelphia 76ers",
      homeScore: 97,
      awayScore: 102,
      commenceTime: new Date("2023-04-20T23:30:00Z"),
      venue: null,
      neutralSite: false,
      // 0042200163: season type 4, the playoffs.
      playoff: true,
    });
    // 10pm ET on the 20th is 02:00 UTC on the 21st; the catalog names the Clippers in full.
    expect(games[1]?.commenceTime.toISOString()).toBe("2023-04-21T02:00:00.000Z");
    expect(games[2]).toMatchObject({ gameDate: "2023-04-20", homeTeamName: "Los Angeles Clippers" });
  });

  it("maps a postponed game to Postponed without scores, never Final", () => {
    // The recording has no postponed game: a copy of the real PHI @ BKN final with its status text set to PPD.
    const copy = structuredClone(payload);
    copy.scoreboard.games[2]!.gameStatusText = "PPD ";
    const games = mergeNbaGames([], nbaScoreboardDrafts(copy, april20));
    expect(games.find((g) => g.gameId === "NBA_20230420_PHI_BKN")).toMatchObject({
      status: "Postponed",
      homeScore: null,
      awayScore: null,
    });
  });
});

describe.skipIf(!scheduleFile.present)("NBA season schedule 2025-26 (recorded, trimmed)", () => {
  const payload = scheduleFile.present
    ? nbaSchedulePayloadSchema.parse(readRecording(scheduleFile.file))
    : (undefined as never);

  it("leaves preseason games out, by the id's season type and by the schedule's label", () => {
    const preseason = { from: "2025-10-02", to: "2025-10-03" };
    expect(mergeNbaGames(nbaScheduleDrafts(payload, preseason), [])).toEqual([]);
    // Renumbered as regular-season games (type 2), the same three are kept; the label alone still excludes.
    const copy = structuredClone(payload);
    const games = copy.leagueSchedule.gameDates.flatMap((d) => d.games);
    for (const g of games) g.gameId = `002${g.gameId.slice(3)}`;
    expect(mergeNbaGames(nbaScheduleDrafts(copy, preseason), [])).toEqual([]);
    for (const g of games) g.gameLabel = "";
    expect(mergeNbaGames(nbaScheduleDrafts(copy, preseason), [])).toHaveLength(3);
  });

  it("maps finals of an overseas game (a neutral site) and a non-NBA opponent", () => {
    // The recording's finals are preseason games: copies renumbered and relabelled as regular season.
    const copy = structuredClone(payload);
    for (const g of copy.leagueSchedule.gameDates.flatMap((d) => d.games)) {
      g.gameId = `002${g.gameId.slice(3)}`;
      g.gameLabel = "";
    }
    const games = mergeNbaGames(nbaScheduleDrafts(copy, { from: "2025-10-02", to: "2025-10-03" }), []);
    expect(games.map((g) => [g.gameId, g.commenceTime.toISOString(), g.awayScore, g.homeScore])).toEqual([
      ["NBA_20251002_PHI_NYK", "2025-10-02T16:00:00.000Z", 84, 99],
      ["NBA_20251003_MEL_NOP", "2025-10-03T09:30:00.000Z", 97, 107],
      ["NBA_20251003_PHX_LAL", "2025-10-04T02:00:00.000Z", 103, 81],
    ]);
    // The Abu Dhabi game is the recording's isNeutral one.
    expect(games[0]).toMatchObject({
      status: "Final",
      season: 2025,
      venue: "Etihad Arena",
      neutralSite: true,
      playoff: false,
    });
    expect(games[2]?.neutralSite).toBe(false);
    // "Final" padded with spaces in the feed; Melbourne is not in the NBA catalog, named from the feed.
    expect(games[1]).toMatchObject({
      status: "Final",
      awayTeamName: "Melbourne United",
      venue: "Rod Laver Arena",
    });
  });

  it("gives a live game no score (the schedule shows 0-0) and keeps a future game Scheduled", () => {
    const games = mergeNbaGames(nbaScheduleDrafts(payload, { from: "2026-01-07", to: "2026-04-12" }), []);
    expect(games).toHaveLength(2);
    expect(games[0]).toMatchObject({
      gameId: "NBA_20260107_PHX_MEM",
      status: "InProgress",
      homeScore: null,
      awayScore: null,
      venue: "FedExForum",
    });
    expect(games[0]?.commenceTime.toISOString()).toBe("2026-01-08T01:00:00.000Z");
    expect(games[1]).toMatchObject({ gameId: "NBA_20260412_SAC_POR", status: "Scheduled", season: 2025 });
    expect(games[1]?.commenceTime.toISOString()).toBe("2026-04-13T00:30:00.000Z");
  });

  it("lets the scoreboard's live score override the schedule's 0-0 for the same game", () => {
    const schedule = nbaScheduleDrafts(payload, { from: "2026-01-07", to: "2026-01-07" });
    const live = { ...schedule[0]!, homeScore: 98, awayScore: 101, venue: null };
    const [merged] = mergeNbaGames(schedule, [live]);
    expect(merged).toMatchObject({ homeScore: 98, awayScore: 101, venue: "FedExForum" });
  });
});

describe("nbaStatus and nbaSeason", () => {
  it("maps gameStatus 1/2/3 and the PPD text", () => {
    expect(nbaStatus({ gameStatus: 1, gameStatusText: "8:30 pm ET" })).toBe("Scheduled");
    expect(nbaStatus({ gameStatus: 2, gameStatusText: "4th Qtr             " })).toBe("InProgress");
    expect(nbaStatus({ gameStatus: 3, gameStatusText: "Final               " })).toBe("Final");
    expect(nbaStatus({ gameStatus: 3, gameStatusText: "PPD" })).toBe("Postponed");
    expect(nbaSeason("0042200163")).toBe(2022);
  });
});
