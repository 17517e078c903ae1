import { pino } from "pino";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  type FakeUpstream,
  hasRecordedFixture,
  recordedFixturesDir,
  startFakeUpstream,
} from "../src/fake-upstream/index.ts";
import { HttpClient, resetRateLimits } from "../src/http/index.ts";
import {
  fetchKalshiOdds,
  fetchKalshiSeriesMarkets,
  fetchOddsApiOdds,
  kalshiEventsPageSchema,
  oddsApiScoresResponseSchema,
} from "../src/sources/index.ts";

const silent = pino({ level: "silent" });

describe.skipIf(!hasRecordedFixture("README.md"))(
  "fake upstream serving the recordings in each API's URL shape",
  () => {
    let upstream: FakeUpstream;
    const get = async (path: string) => {
      const res = await fetch(upstream.url + path);
      return {
        status: res.status,
        headers: res.headers,
        body: (await res.json()) as Record<string, unknown> & unknown[],
      };
    };
    const client = (source: string, prefix = "") =>
      new HttpClient({ source, baseUrl: upstream.url + prefix, retryBaseMs: 1 }, { logger: silent });

    beforeAll(async () => {
      upstream = await startFakeUpstream({ dataDir: recordedFixturesDir, today: "2023-04-20" });
    });
    afterAll(() => upstream.close());
    beforeEach(() => resetRateLimits());

    it("NHL schedule by date, 404 for a day with no payload", async () => {
      const { body } = await get("/v1/schedule/2025-10-07");
      const week = body.gameWeek as Array<{ date: string; games: Array<{ homeTeam: { abbrev: string } }> }>;
      expect(week[0]?.date).toBe("2025-10-07");
      expect(week[0]?.games.map((g) => g.homeTeam.abbrev)).toEqual(["FLA", "NYR", "LAK"]);
      const missing = await get("/v1/schedule/1999-01-01");
      expect(missing.status).toBe(404);
    });

    it("NBA todaysScoreboard for the server's today, and the season schedule", async () => {
      const { body } = await get("/static/json/liveData/scoreboard/todaysScoreboard_00.json");
      expect((body.scoreboard as { gameDate: string }).gameDate).toBe("2023-04-20");
      const schedule = await get("/static/json/staticData/scheduleLeagueV2.json");
      expect((schedule.body.leagueSchedule as { seasonYear: string }).seasonYear).toBe("2025-26");
    });

    it("ESPN scoreboards by sport/league and dates=YYYYMMDD", async () => {
      const nfl = await get("/apis/site/v2/sports/football/nfl/scoreboard?dates=20220911");
      expect((nfl.body.events as unknown[]).length).toBe(16);
      const soccer = await get("/apis/site/v2/sports/soccer/all/scoreboard?dates=20260321");
      expect((soccer.body.events as unknown[]).length).toBe(8);
      expect((await get("/apis/site/v2/sports/football/nfl/scoreboard?dates=20220912")).status).toBe(404);
    });

    it("Kalshi markets: follows the recorded cursor to an empty last page", async () => {
      const kalshi = client("kalshi", "/trade-api/v2");
      upstream.requests.length = 0;
      const markets = await fetchKalshiSeriesMarkets(kalshi, "KXWNBAGAME");
      expect(markets.map((m) => m.ticker)).toEqual([
        "KXWNBAGAME-26JUL09INDPHX-PHX",
        "KXWNBAGAME-26JUL09INDPHX-IND",
        "KXWNBAGAME-26JUL09LVPDX-PDX",
      ]);
      expect(upstream.requests.map((r) => r.url)).toEqual([
        "/trade-api/v2/markets?series_ticker=KXWNBAGAME&status=open&limit=1000",
        "/trade-api/v2/markets?series_ticker=KXWNBAGAME&status=open&limit=1000&cursor=CgsIpKa20gYQwL7nMRIcS1hXTkJBR0FNRS0yNkpVTDA5U0VBQVRMLVNFQQ",
      ]);
    });

    it("Kalshi markets: paginates with its own cursor when limit is small", async () => {
      const markets = await fetchKalshiSeriesMarkets(client("kalshi", "/trade-api/v2"), "KXWNBAGAME", {
        pageSize: 1,
      });
      expect(markets).toHaveLength(3);
      const closed = await get("/trade-api/v2/markets?series_ticker=KXNFLGAME&status=closed");
      expect(closed.body.markets).toEqual([]);
    });

    it("Kalshi events, orderbook and a single market", async () => {
      const { data } = await client("kalshi", "/trade-api/v2").getJson("/events", kalshiEventsPageSchema, {
        query: { series_ticker: "KXNFLGAME", status: "open" },
      });
      expect(data.events.map((e) => e.event_ticker)).toEqual([
        "KXNFLGAME-26OCT08TBDAL",
        "KXNFLGAME-26OCT11PHIJAC",
        "KXNFLGAME-26OCT11CINMIA",
      ]);
      const book = await get("/trade-api/v2/markets/KXNFLGAME-26OCT08TBDAL-DAL/orderbook?depth=3");
      expect((book.body.orderbook_fp as { no_dollars: string[][] }).no_dollars.at(-1)?.[0]).toBe("0.1900");
      const one = await get("/trade-api/v2/markets/KXNFLGAME-26OCT08TBDAL-TB");
      expect((one.body.market as { yes_ask_dollars: string }).yes_ask_dollars).toBe("0.2000");
    });

    it("Kalshi odds end to end through the HTTP layer", async () => {
      const mapping = { series: ["KXNFLGAME"], teamIdFromCode: (c: string) => ({ TB: "TB", DAL: "DAL" })[c] };
      const games = [
        { gameId: "G", gameDate: "2026-10-08", commenceTime: null, homeTeamId: "DAL", awayTeamId: "TB" },
      ];
      const { records } = await fetchKalshiOdds(client("kalshi", "/trade-api/v2"), mapping, games, {
        from: "2026-10-08",
        to: "2026-10-08",
      });
      expect(records.map((r) => [r.externalId, r.price.toFixed(4)])).toEqual([
        ["KXNFLGAME-26OCT08TBDAL-DAL", "1.2346"],
        ["KXNFLGAME-26OCT08TBDAL-TB", "5.0000"],
      ]);
    });

    it("The Odds API: picks the file of the requested oddsFormat, filters, and sends quota headers", async () => {
      const american = await get(
        "/v4/sports/basketball_wnba/odds?regions=us&markets=h2h&oddsFormat=american",
      );
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
        logger: silent,
      });
      expect(result.quota).toMatchObject({ last: 3 });
      expect(result.quota.remaining).toBe(500 - (result.quota.used ?? 0));
      expect(new Set(result.records.map((r) => r.bookmaker))).toEqual(new Set(["DraftKings", "BetMGM"]));
      expect(result.records).toHaveLength(12);
      expect(upstream.requests.at(-1)?.url).toContain("apiKey=test-key");
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
  },
);
