import { HttpClient, resetRateLimits, SourceError } from "@edgeline/sdk";
import { hasRecordedFixture, recordedUpstream } from "@edgeline/testkit";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { kalshiRoutes } from "../src/fake-kalshi.ts";
import { fetchKalshiOdds, fetchKalshiSeriesMarkets, type KalshiSportMapping } from "../src/kalshi-odds.ts";
import { kalshiEventsPageSchema } from "../src/kalshi-schemas.ts";

describe.skipIf(!hasRecordedFixture("README.md"))("fake Kalshi Trade API over the recordings", () => {
  const fake = recordedUpstream(kalshiRoutes);
  const { get, client } = fake;
  beforeAll(fake.start);
  afterAll(fake.close);
  beforeEach(() => resetRateLimits());

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
  afterEach(() => fake.server.clearFaults());
});
