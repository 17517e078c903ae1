import { fakeRoutesOf, hasRecordedFixture, recordedUpstream } from "@edgeline/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import nbaPlugin from "../src/index.ts";

const present =
  hasRecordedFixture("nba", "todaysScoreboard_00-2023-04-20.json") &&
  hasRecordedFixture("nba", "scheduleLeagueV2-2025-26-trimmed.json");

describe.skipIf(!present)("NBA fetchGames over HTTP (fake upstream)", () => {
  const fake = recordedUpstream(fakeRoutesOf([nbaPlugin]), { today: "2023-04-20" });
  const context = () => fake.context([nbaPlugin]);
  beforeAll(fake.start);
  afterAll(fake.close);

  it("reads the schedule and today's scoreboard, and returns the live playoff games", async () => {
    const games = await nbaPlugin.fetchGames({ from: "2023-04-20", to: "2023-04-20" }, context());
    expect(fake.server.requests.map((r) => [r.url, r.status])).toEqual([
      ["/static/json/staticData/scheduleLeagueV2.json", 200],
      ["/static/json/liveData/scoreboard/todaysScoreboard_00.json", 200],
    ]);
    expect(
      games.map((g) => [g.gameId, g.status, g.awayScore, g.homeScore, g.commenceTime.toISOString()]),
    ).toEqual([
      ["NBA_20230420_PHI_BKN", "Final", 102, 97, "2023-04-20T23:30:00.000Z"],
      ["NBA_20230420_SAC_GSW", "InProgress", 30, 39, "2023-04-21T02:00:00.000Z"],
      ["NBA_20230420_PHX_LAC", "InProgress", 12, 10, "2023-04-21T02:30:00.000Z"],
    ]);
  });

  it("returns schedule games of another range, with the schedule's arenas", async () => {
    const games = await nbaPlugin.fetchGames({ from: "2026-01-07", to: "2026-04-12" }, context());
    expect(games.map((g) => [g.gameId, g.venue])).toEqual([
      ["NBA_20260107_PHX_MEM", "FedExForum"],
      ["NBA_20260412_SAC_POR", "Moda Center"],
    ]);
  });

  it("leaves the preseason out: a range of preseason games has no records", async () => {
    expect(await nbaPlugin.fetchGames({ from: "2025-10-02", to: "2025-10-03" }, context())).toEqual([]);
  });
});
