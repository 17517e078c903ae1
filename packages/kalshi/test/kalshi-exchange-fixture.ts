// One fake Kalshi exchange behind the fake upstream, a throwaway API key in a temp dir, and the
// production broker (createKalshiBroker over a plugin context) pointed at it. The exchange and
// the broker share a clock that tests may move (an order's expiry, the game's start).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createPluginContext, type OrderRequest, resetRateLimits } from "@edgeline/sdk";
import { type FakeUpstream, localBaseUrls, startFakeUpstream } from "@edgeline/testkit";
import { Decimal } from "decimal.js";
import { kalshiRoutes } from "../src/fake-kalshi.ts";
import { FakeKalshiExchange } from "../src/fake-kalshi-exchange-routes.ts";
import type { KalshiBroker } from "../src/kalshi-broker.ts";
import { kalshiVenueConfigSchema } from "../src/kalshi-config.ts";
import { type KalshiTestKey, writeKalshiTestKey } from "../src/kalshi-test-key.ts";
import { createKalshiBroker, kalshiVenue } from "../src/kalshi-venue.ts";

export interface ExchangeFixture {
  dir: string;
  key: KalshiTestKey;
  exchange: FakeKalshiExchange;
  server: FakeUpstream;
  broker: KalshiBroker;
  /** Moves the shared clock. */
  advance(ms: number): void;
  now(): number;
  /** A broker configured from `env` over the same server (another key, the demo environment). */
  brokerWith(env: Record<string, string>, now?: () => number): KalshiBroker;
  close(): Promise<void>;
}

export async function startExchange(options: { cash?: Decimal.Value } = {}): Promise<ExchangeFixture> {
  resetRateLimits();
  const dir = mkdtempSync(join(tmpdir(), "kalshi-exchange-"));
  const key = writeKalshiTestKey(dir);
  let offset = 0;
  const now = () => Date.now() + offset;
  const exchange = new FakeKalshiExchange({
    keyId: key.keyId,
    publicKey: key.publicKeyPem,
    now,
    ...(options.cash === undefined ? {} : { cash: options.cash }),
  });
  // Market data from an empty payload folder: these tests trade, they do not quote.
  const server = await startFakeUpstream({ dataDir: dir, routes: [...exchange.routes, ...kalshiRoutes] });
  const brokerWith = (env: Record<string, string>, clock: () => number = now) =>
    createKalshiBroker(
      createPluginContext({
        baseUrls: localBaseUrls([kalshiVenue], server.url),
        config: kalshiVenueConfigSchema.parse(env),
        // Retries do not wait (Retry-After and backoff are the HTTP layer's own tests).
        httpDeps: { sleep: async () => {} },
      }),
      clock,
    );
  return {
    dir,
    key,
    exchange,
    server,
    broker: brokerWith(key.env),
    advance: (ms) => {
      offset += ms;
    },
    now,
    brokerWith,
    async close() {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const TICKER = "KXNHLGAME-26NOV28BOSTOR-TOR";

/** An order for the home team's market at a contract price, staking `stake` dollars. */
export function orderFor(
  fx: ExchangeFixture,
  overrides: Partial<OrderRequest> & { contractPrice?: string } = {},
): OrderRequest {
  const { contractPrice = "0.45", ...rest } = overrides;
  return {
    betId: "kalshi-20261128-0123456789abcdef0123",
    gameId: "NHL_20261128_BOS_TOR",
    marketId: "odds-kalshi-NHL_20261128_BOS_TOR-moneyline-home_team_win",
    outcome: "home_team_win",
    stake: new Decimal("4.68"),
    price: new Decimal(1).div(contractPrice).toDecimalPlaces(4),
    venueBookmaker: "Kalshi",
    placedAt: new Date(fx.now()),
    marketTitle: "NHL_20261128_BOS_TOR moneyline home",
    marketCloseTime: new Date(fx.now() + 3_600_000),
    venueMarketId: TICKER,
    ...rest,
  };
}
