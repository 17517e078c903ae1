import { hasRecordedFixture, recordedUpstreamFor } from "@edgeline/testkit";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { oddsApiRoutes } from "../src/fake-odds-api.ts";
import { fetchOddsApiHistorical, snapshotTimes } from "../src/odds-api-historical.ts";
import { fetchOddsApiOdds } from "../src/odds-api-odds.ts";
import { oddsApiScoresResponseSchema } from "../src/odds-api-schemas.ts";

describe.skipIf(!hasRecordedFixture("README.md"))("fake The Odds API over the recordings", () => {
  const fake = recordedUpstreamFor({ beforeAll, afterAll, beforeEach }, oddsApiRoutes);
  const { get, client } = fake;

  it("The Odds API: picks the file of the requested oddsFormat, filters, and sends quota headers", async () => {
    const american = await get("/v4/sports/basketball_wnba/odds?regions=us&markets=h2h&oddsFormat=american");
    const firstBook = (
      american.body[0] as {
        bookmakers: Array<{ markets: Array<{ key: string; outcomes: Array<{ price: number }> }> }>;
      }
    ).bookmakers[0];
    expect(firstBook?.markets.map((m) => m.key)).toEqual(["h2h"]);
    expect(firstBook?.markets[0]?.outcomes[0]?.price).toBe(-700);
    expect(american.headers.get("x-requests-last")).toBe("1");
    const window = await get(
      "/v4/sports/basketball_wnba/odds?markets=h2h&oddsFormat=american&commenceTimeFrom=2026-07-10T01:00:00Z",
    );
    expect(window.body.map((e) => (e as { home_team: string }).home_team)).toEqual(["Portland Fire"]);
  });

  it("The Odds API odds end to end, quota read from the headers", async () => {
    const mapping = {
      sportKey: "basketball_nba",
      teamIdFromName: (n: string) => ({ "Atlanta Hawks": "ATL", "Toronto Raptors": "TOR" })[n],
    };
    const games = [
      {
        gameId: "G",
        gameDate: "2024-02-23",
        commenceTime: new Date("2024-02-24T00:40:00Z"),
        homeTeamId: "ATL",
        awayTeamId: "TOR",
      },
    ];
    const result = await fetchOddsApiOdds(client("the-odds-api"), mapping, games, {
      apiKey: "test-key",
      bookmakers: ["betmgm", "draftkings"],
    });
    expect(result.quota).toMatchObject({ last: 3 });
    expect(result.quota.remaining).toBe(500 - (result.quota.used ?? 0));
    expect(new Set(result.records.map((r) => r.bookmaker))).toEqual(new Set(["DraftKings", "BetMGM"]));
    expect(result.records).toHaveLength(12);
    expect(fake.server.requests.at(-1)?.url).toContain("apiKey=test-key");
  });

  describe("history (the recorded WNBA snapshot of 2023-06-01 11:55:39)", () => {
    const mapping = {
      sportKey: "basketball_wnba",
      teamIdFromName: (n: string) => ({ "Minnesota Lynx": "MIN", "Connecticut Sun": "CON" })[n],
    };
    const games = [
      {
        gameId: "WNBA_20230601_CON_MIN",
        gameDate: "2023-06-01",
        commenceTime: new Date("2023-06-02T00:00:00Z"),
        homeTeamId: "MIN",
        awayTeamId: "CON",
      },
    ];

    it("reads the decision time and the close, each from the snapshot taken at or before it", async () => {
      const at = new Date("2023-06-01T12:00:00Z");
      expect(snapshotTimes(games, at).map((t) => t.toISOString())).toEqual([
        "2023-06-01T12:00:00.000Z",
        "2023-06-01T23:59:00.000Z",
      ]);
      fake.server.requests.length = 0;
      const result = await fetchOddsApiHistorical(client("the-odds-api"), mapping, games, {
        apiKey: "paid-key",
        at,
        oddsFormat: "american",
      });
      expect(
        fake.server.requests.map((r) => [new URL(r.url, "http://x").searchParams.get("date"), r.status]),
      ).toEqual([
        ["2023-06-01T12:00:00Z", 200],
        ["2023-06-01T23:59:00Z", 200],
      ]);
      // Both instants answer with the one recorded snapshot: each quote once, at the book's own time.
      expect(new Set(result.records.map((r) => `${r.bookmaker} ${r.lastUpdate?.toISOString()}`))).toEqual(
        new Set(["LowVig.ag 2023-06-01T11:53:33.000Z", "William Hill (US) 2023-06-01T11:54:50.000Z"]),
      );
      const lynx = result.records.find(
        (r) =>
          r.bookmaker === "LowVig.ag" && r.marketName === "moneyline" && r.outcomeName === "home_team_win",
      );
      expect(lynx?.price.toFixed(4)).toBe("3.7000"); // +270
      expect(result.skipped).toBeUndefined();
    });

    it("asks for nothing it cannot have: no snapshot before the first one is a 404", async () => {
      const early = fetchOddsApiHistorical(client("the-odds-api"), mapping, games, {
        apiKey: "paid-key",
        at: new Date("2023-06-01T08:00:00Z"),
        oddsFormat: "american",
      });
      await expect(early).rejects.toThrow(/HTTP 404/);
    });

    it.each([401, 403, 422])(
      "a key without history (HTTP %i) returns no prices and says why",
      async (status) => {
        fake.server.injectFault("/v4/historical", { kind: "status", status });
        const result = await fetchOddsApiHistorical(client("the-odds-api"), mapping, games, {
          apiKey: "free-key",
          at: new Date("2023-06-01T12:00:00Z"),
          oddsFormat: "american",
        });
        fake.server.clearFaults();
        expect(result.records).toEqual([]);
        expect(result.skipped).toBe(
          `historical odds are not available with this API key (HTTP ${status}; a paid plan is needed)`,
        );
      },
    );
  });

  it("The Odds API scores", async () => {
    const { data } = await client("the-odds-api").getJson(
      "/v4/sports/basketball_wnba/scores",
      oddsApiScoresResponseSchema,
      {
        query: { daysFrom: 3 },
      },
    );
    expect(data.filter((g) => g.completed)).toHaveLength(3);
  });
});
