import { readRecording, recording } from "@edgeline/testkit";
import { describe, expect, it } from "vitest";
import { nhlRegulationScore, nhlScheduleToGames, nhlStatus } from "./nhl-games.ts";
import { nhlSchedulePayloadSchema } from "./nhl-schedule-schema.ts";

const week2025 = recording("nhl", "schedule-2025-10-07.json");
const day2023 = recording("nhl", "schedule-2023-11-11.json");

describe.skipIf(!week2025.present)("NHL schedule 2025-10-07 (recorded)", () => {
  // A skipped describe still runs its body: read only when the recording is there.
  const payload = week2025.present
    ? nhlSchedulePayloadSchema.parse(readRecording(week2025.file))
    : (undefined as never);

  it("maps the finished opening-night games with their Eastern day, UTC start and score", () => {
    const games = nhlScheduleToGames(payload, { from: "2025-10-07", to: "2025-10-07" });
    expect(games.map((g) => g.gameId)).toEqual([
      "NHL_20251007_CHI_FLA",
      "NHL_20251007_PIT_NYR",
      "NHL_20251007_COL_LAK",
    ]);
    expect(games[0]).toEqual({
      gameId: "NHL_20251007_CHI_FLA",
      sport: "NHL",
      gameDate: "2025-10-07",
      season: 2025,
      status: "Final",
      homeTeamId: "FLA",
      homeTeamName: "Florida Panthers",
      awayTeamId: "CHI",
      awayTeamName: "Chicago Blackhawks",
      homeScore: 3,
      awayScore: 2,
      commenceTime: new Date("2025-10-07T21:00:00Z"),
      venue: "Amerant Bank Arena",
      neutralSite: false,
      playoff: false,
      regulationScore: { home: 3, away: 2 },
    });
    // 7pm ET on the 7th is midnight UTC on the 8th: the game day stays the Eastern one.
    expect(games[1]).toMatchObject({ gameDate: "2025-10-07", homeScore: 0, awayScore: 3 });
    expect(games[1]?.commenceTime.toISOString()).toBe("2025-10-08T00:00:00.000Z");
    expect(games[2]).toMatchObject({ homeTeamName: "Los Angeles Kings", homeScore: 1, awayScore: 4 });
    expect(games[2]?.commenceTime.toISOString()).toBe("2025-10-08T02:30:00.000Z");
  });

  it("reads a schedule whose period type is new to it, leaving only that game's regulation unknown", () => {
    const raw = structuredClone(readRecording(week2025.file)) as {
      gameWeek: Array<{ games: Array<{ gameOutcome?: { lastPeriodType: string } }> }>;
    };
    const shootout = raw.gameWeek
      .flatMap((d) => d.games)
      .find((g) => g.gameOutcome?.lastPeriodType === "SO")!;
    shootout.gameOutcome = { lastPeriodType: "SO2" };
    const games = nhlScheduleToGames(nhlSchedulePayloadSchema.parse(raw), {
      from: "2025-10-08",
      to: "2025-10-08",
    });
    const known = nhlScheduleToGames(payload, { from: "2025-10-08", to: "2025-10-08" });
    expect(games).toHaveLength(known.length);
    expect(games.filter((g) => g.status === "Final" && !g.regulationScore)).toHaveLength(1);
  });

  it("gives a game decided in the shootout the tie it was after regulation", () => {
    const games = nhlScheduleToGames(payload, { from: "2025-10-08", to: "2025-10-08" });
    const finished = games.filter((g) => g.status === "Final");
    // The two games of the 8th with gameOutcome.lastPeriodType "SO": the winner's final is one
    // goal above the tie; the two decided in regulation keep their finals.
    const shootouts = finished.filter((g) => g.regulationScore?.home === g.regulationScore?.away);
    expect(shootouts.map((g) => [g.homeScore, g.awayScore, g.regulationScore])).toEqual([
      [3, 4, { home: 3, away: 3 }],
      [5, 6, { home: 5, away: 5 }],
    ]);
    const regulation = finished.filter((g) => !shootouts.includes(g));
    expect(regulation).toHaveLength(2);
    for (const g of regulation) expect(g.regulationScore).toEqual({ home: g.homeScore, away: g.awayScore });
    expect(games.filter((g) => g.status !== "Final").every((g) => g.regulationScore === undefined)).toBe(
      true,
    );
  });

  it("keeps future games Scheduled without scores and filters the week to the range", () => {
    const games = nhlScheduleToGames(payload, { from: "2025-10-09", to: "2025-10-10" });
    expect(games).toHaveLength(14);
    const uta = games.find((g) => g.gameId === "NHL_20251009_UTA_COL");
    expect(uta).toMatchObject({
      status: "Scheduled",
      awayTeamName: "Utah Mammoth",
      homeScore: null,
      awayScore: null,
      venue: "Ball Arena",
    });
    expect(uta?.commenceTime.toISOString()).toBe("2025-10-10T01:00:00.000Z");
    const week = nhlScheduleToGames(payload, { from: "2025-10-07", to: "2025-10-13" });
    expect(week).toHaveLength(48);
    expect(week.filter((g) => g.status === "Final")).toHaveLength(7);
  });

  it("maps a postponed game (gameScheduleState PPD, state left at FUT) to Postponed, never Final", () => {
    // The recording has no postponed game: a copy of the real CHI @ BOS game with its schedule state changed.
    const copy = structuredClone(payload);
    const day = copy.gameWeek.find((d) => d.date === "2025-10-09")!;
    day.games[0]!.gameScheduleState = "PPD";
    const [game] = nhlScheduleToGames(copy, { from: "2025-10-09", to: "2025-10-09" });
    expect(game).toMatchObject({ gameId: "NHL_20251009_CHI_BOS", status: "Postponed", homeScore: null });
    // Even a postponed game whose state says OFF with a score stays Postponed and unscored.
    const finished = structuredClone(payload.gameWeek[0]!.games[0]!);
    expect(nhlStatus({ ...finished, gameScheduleState: "PPD" })).toBe("Postponed");
    expect(nhlStatus({ ...finished, gameScheduleState: "CNCL" })).toBe("Cancelled");
  });
});

describe.skipIf(!week2025.present)("NHL game types and sites (recorded games, types changed)", () => {
  const payload = week2025.present
    ? nhlSchedulePayloadSchema.parse(readRecording(week2025.file))
    : (undefined as never);
  const opening = { from: "2025-10-07", to: "2025-10-07" };

  it("leaves preseason games out and flags playoff games and neutral sites", () => {
    const copy = structuredClone(payload);
    const [chiFla, pitNyr, colLak] = copy.gameWeek[0]!.games;
    chiFla!.gameType = 1; // preseason
    pitNyr!.gameType = 3; // playoffs
    colLak!.neutralSite = true;
    const games = nhlScheduleToGames(copy, opening);
    expect(games.map((g) => [g.gameId, g.playoff, g.neutralSite])).toEqual([
      ["NHL_20251007_PIT_NYR", true, false],
      ["NHL_20251007_COL_LAK", false, true],
    ]);
  });

  it("leaves the all-star game out", () => {
    const copy = structuredClone(payload);
    for (const g of copy.gameWeek[0]!.games) g.gameType = 4;
    expect(nhlScheduleToGames(copy, opening)).toEqual([]);
  });
});

describe.skipIf(!day2023.present)("NHL schedule 2023-11-11 (recorded, no commonName)", () => {
  it("names teams from the catalog and keeps Arizona's old tricode", () => {
    const payload = nhlSchedulePayloadSchema.parse(readRecording(day2023.file));
    const games = nhlScheduleToGames(payload, { from: "2023-11-11", to: "2023-11-11" });
    expect(games).toHaveLength(12);
    expect(games[0]).toMatchObject({
      gameId: "NHL_20231111_CBJ_DET",
      season: 2023,
      awayTeamName: "Columbus Blue Jackets",
      homeTeamName: "Detroit Red Wings",
      venue: "Little Caesars Arena",
    });
    const ari = games.find((g) => g.awayTeamId === "ARI");
    expect(ari).toMatchObject({ gameId: "NHL_20231111_ARI_NSH", awayTeamName: "Arizona Coyotes" });
    // 10:30pm ET on the 11th: UTC day 12, game day 11.
    expect(games.at(-1)).toMatchObject({ gameId: "NHL_20231111_PHI_LAK", gameDate: "2023-11-11" });
    expect(games.at(-1)?.commenceTime.toISOString()).toBe("2023-11-12T03:30:00.000Z");
  });
});

describe("nhlStatus", () => {
  it.each([
    ["FUT", "Scheduled"],
    ["PRE", "Scheduled"],
    ["LIVE", "InProgress"],
    ["CRIT", "InProgress"],
    ["FINAL", "Final"],
    ["OFF", "Final"],
  ] as const)("%s -> %s", (gameState, status) => {
    expect(nhlStatus({ gameState, gameScheduleState: "OK" })).toBe(status);
  });
});

describe("nhlRegulationScore", () => {
  const game = (home: number | undefined, away: number | undefined, ended?: string) => ({
    homeTeam: { id: 1, abbrev: "BOS", ...(home === undefined ? {} : { score: home }) },
    awayTeam: { id: 2, abbrev: "TOR", ...(away === undefined ? {} : { score: away }) },
    ...(ended ? { gameOutcome: { lastPeriodType: ended } } : {}),
  });

  it("is the final in regulation and the loser's score twice after overtime or the shootout", () => {
    expect(nhlRegulationScore(game(4, 1, "REG"))).toEqual({ home: 4, away: 1 });
    expect(nhlRegulationScore(game(2, 3, "OT"))).toEqual({ home: 2, away: 2 });
    expect(nhlRegulationScore(game(5, 4, "SO"))).toEqual({ home: 4, away: 4 });
  });

  it("is unknown where the payload cannot say it: no outcome, no score, or a final that does not fit", () => {
    expect(nhlRegulationScore(game(4, 1))).toBeUndefined();
    expect(nhlRegulationScore(game(undefined, undefined, "REG"))).toBeUndefined();
    // Overtime ends at the first goal, so a two-goal margin cannot have come from it.
    expect(nhlRegulationScore(game(5, 3, "OT"))).toBeUndefined();
    expect(nhlRegulationScore(game(2, 2, "REG"))).toBeUndefined();
    // A period type the NHL might add (none is known but these three) says nothing of regulation.
    expect(nhlRegulationScore(game(3, 2, "OT2"))).toBeUndefined();
  });
});
