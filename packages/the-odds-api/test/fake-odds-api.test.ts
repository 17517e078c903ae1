import { resetRateLimits } from "@edgeline/sdk";
import { hasRecordedFixture, recordedUpstream } from "@edgeline/testkit";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { oddsApiRoutes } from "../src/fake-odds-api.ts";
import { fetchOddsApiOdds } from "../src/odds-api-odds.ts";
import { oddsApiScoresResponseSchema } from "../src/odds-api-schemas.ts";

describe.skipIf(!hasRecordedFixture("README.md"))("fake The Odds API over the recordings", () => {
  const fake = recordedUpstream(oddsApiRoutes);
  const { get, client } = fake;
  beforeAll(fake.start);
  afterAll(fake.close);
  beforeEach(() => resetRateLimits());

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
