import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadPlugins } from "../../src/plugins/plugin-loader.ts";
import { startCricketServer } from "./cricket-server.ts";

const cricketDir = path.resolve(import.meta.dirname, "fixtures/sport-cricket");

describe("a plugin that lives only in this test folder (cricket)", () => {
  let server: Awaited<ReturnType<typeof startCricketServer>>;
  beforeAll(async () => {
    server = await startCricketServer();
  });
  afterAll(() => server.close());

  it("is loaded from EDGELINE_PLUGINS, with its own Elo model, and fetches validated games through its context", async () => {
    const env = { EDGELINE_PLUGINS: cricketDir, EDGELINE_SOURCE_CRICKET_URL: server.url };
    const registry = await loadPlugins({ env });
    expect(registry.list().map((p) => p.code)).toEqual(["CRICKET"]);
    expect(registry.entries()[0]?.module).toBe(cricketDir);

    const { plugin, context, elo } = registry.sport("CRICKET");
    expect(elo.name).toBe("cricket-ipl");
    expect(context.baseUrl("cricket")).toBe(server.url);
    const games = await plugin.fetchGames({ from: "2025-04-05", to: "2025-04-06" }, context);

    expect(server.paths).toEqual(["/v1/matches?date=2025-04-05", "/v1/matches?date=2025-04-06"]);
    expect(games).toEqual([
      {
        gameId: "CRICKET_20250405_RCB_KKR",
        sport: "CRICKET",
        gameDate: "2025-04-05",
        season: 2025,
        status: "Postponed",
        homeTeamId: "KKR",
        homeTeamName: "Kolkata Knight Riders",
        awayTeamId: "RCB",
        awayTeamName: "Royal Challengers Bengaluru",
        homeScore: null,
        awayScore: null,
        commenceTime: new Date("2025-04-05T10:00:00Z"),
        venue: "Eden Gardens",
      },
      {
        gameId: "CRICKET_20250405_CSK_MI",
        sport: "CRICKET",
        gameDate: "2025-04-05",
        season: 2025,
        status: "Final",
        homeTeamId: "MI",
        homeTeamName: "Mumbai Indians",
        awayTeamId: "CSK",
        awayTeamName: "Chennai Super Kings",
        homeScore: 187,
        awayScore: 183,
        commenceTime: new Date("2025-04-05T14:00:00Z"),
        venue: "Wankhede Stadium",
      },
    ]);
  });
});
