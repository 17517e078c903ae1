import { HttpClient, SourceError } from "@edgeline/sdk";
import { hasRecordedFixture, recordedUpstreamFor } from "@edgeline/testkit";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { kalshiRoutes } from "../src/fake-kalshi.ts";
import { fetchKalshiHistory } from "../src/kalshi-history.ts";
import { fetchKalshiOdds, fetchKalshiSeriesMarkets, type KalshiSportMapping } from "../src/kalshi-odds.ts";
import { kalshiEventsPageSchema } from "../src/kalshi-schemas.ts";

describe.skipIf(!hasRecordedFixture("README.md"))("fake Kalshi Trade API over the recordings", () => {
  const fake = recordedUpstreamFor({ beforeAll, afterAll, beforeEach }, kalshiRoutes);
  const { get, client } = fake;

  it("Kalshi markets: follows the recorded cursor to an empty last page", async () => {
    const kalshi = client("kalshi", "/trade-api/v2");
    fake.server.requests.length = 0;
    const markets = await fetchKalshiSeriesMarkets(kalshi, "KXWNBAGAME");
    expect(markets.map((m) => m.ticker)).toEqual([
      "KXWNBAGAME-26JUL09INDPHX-PHX",
      "KXWNBAGAME-26JUL09INDPHX-IND",
      "KXWNBAGAME-26JUL09LVPDX-PDX",
    ]);
    expect(fake.server.requests.map((r) => r.url)).toEqual([
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

  it.skipIf(!hasRecordedFixture("kalshi", "markets-KXNFLGAME-26OCT08TBDAL.json"))(
    "a source that keeps failing returns no records at all (nothing to write)",
    async () => {
      fake.server.injectFault("/trade-api/v2/markets", { kind: "status", status: 502 });
      const kalshi = new HttpClient(
        { source: "kalshi", baseUrl: `${fake.server.url}/trade-api/v2`, maxRetries: 2, retryBaseMs: 5 },
        { sleep: () => Promise.resolve() },
      );
      fake.server.requests.length = 0;
      const mapping: KalshiSportMapping = { series: ["KXNFLGAME"], teamIdFromCode: (c) => c };
      const games = [
        { gameId: "G", gameDate: "2026-10-08", commenceTime: null, homeTeamId: "DAL", awayTeamId: "TB" },
      ];
      const outcome = await fetchKalshiOdds(kalshi, mapping, games, {
        from: "2026-10-01",
        to: "2026-10-31",
      }).then(
        (r) => r,
        (e: unknown) => e,
      );
      expect(outcome).toBeInstanceOf(SourceError);
      expect((outcome as SourceError).message).toMatch(
        /^kalshi: GET http:\/\/127\.0\.0\.1:\d+\/trade-api\/v2\/markets\?series_ticker=KXNFLGAME&status=open&limit=1000: HTTP 502/,
      );
      expect(fake.server.requests.filter((r) => r.url.startsWith("/trade-api/v2/markets"))).toHaveLength(3);
      // Once the upstream recovers the same call yields the rows.
      fake.server.clearFaults();
      const ok = await fetchKalshiOdds(kalshi, mapping, games, { from: "2026-10-01", to: "2026-10-31" });
      expect(ok.records.map((r) => r.price.toFixed(4))).toEqual(["1.2346", "5.0000"]);
    },
  );
  it("Kalshi trades: newest first, max_ts and min_ts in seconds, limit; a market without trades has none", async () => {
    const path = "/trade-api/v2/markets/trades?ticker=KXNFLGAME-26OCT08TBDAL-DAL";
    const all = await get(path);
    expect((all.body.trades as Array<{ created_time: string }>).map((t) => t.created_time)).toEqual([
      "2026-10-06T06:38:16.55614Z",
      "2026-10-06T06:38:11.436559Z",
      "2026-10-06T06:37:27.548293Z",
    ]);
    const before = await get(`${path}&max_ts=${Date.parse("2026-10-06T06:38:15Z") / 1000}&limit=1`);
    expect(
      (before.body.trades as Array<{ yes_price_dollars: string }>).map((t) => t.yes_price_dollars),
    ).toEqual(["0.8000"]);
    const archived = await get(
      `/trade-api/v2/historical/trades?ticker=KXNFLGAME-26OCT08TBDAL-DAL&min_ts=${Date.parse("2026-10-06T06:38:00Z") / 1000}`,
    );
    expect(archived.body.trades).toHaveLength(2);
    expect((await get("/trade-api/v2/markets/trades?ticker=KXNFLGAME-26OCT08TBDAL-TB")).body).toEqual({
      trades: [],
      cursor: "",
    });
    // The archive holds settled markets only: the recorded ones are still active.
    const history = await get("/trade-api/v2/historical/markets?event_ticker=KXNFLGAME-26OCT08TBDAL");
    expect(history.body.markets).toEqual([]);
  });

  it("Kalshi history: the last trade at or before the decision and before the start, quoted when traded", async () => {
    const games = [
      {
        gameId: "NFL_20261008_TB_DAL",
        gameDate: "2026-10-08",
        commenceTime: new Date("2026-10-09T00:15:00Z"),
        homeTeamId: "DAL",
        awayTeamId: "TB",
      },
    ];
    const mapping = { series: ["KXNFLGAME"], codeOf: (id: string) => id };
    const kalshi = client("kalshi", "/trade-api/v2");
    const late = await fetchKalshiHistory(kalshi, mapping, games, new Date("2026-10-07T12:00:00Z"));
    // DAL's last trade is both its decision-time price and its close; TB never traded.
    expect(late.records.map((r) => [r.outcomeName, r.price.toFixed(4), r.lastUpdate?.toISOString()])).toEqual(
      [["home_team_win", "1.2346", "2026-10-06T06:38:16.556Z"]],
    );
    const early = await fetchKalshiHistory(kalshi, mapping, games, new Date("2026-10-06T06:38:00Z"));
    expect(early.records.map((r) => [r.price.toFixed(4), r.lastUpdate?.toISOString()])).toEqual([
      ["1.2500", "2026-10-06T06:37:27.548Z"],
      ["1.2346", "2026-10-06T06:38:16.556Z"],
    ]);
    const unknown = await fetchKalshiHistory(
      kalshi,
      mapping,
      [{ ...games[0]!, homeTeamId: "NYG" }],
      new Date("2026-10-07T12:00:00Z"),
    );
    expect(unknown.records).toEqual([]);
    expect(unknown.unmatched[0]?.reason).toMatch(/no Kalshi market for the game's event ticker/);
  });

  afterEach(() => fake.server.clearFaults());
  afterEach(() => fake.server.clearFaults());
});
