import { HttpClient, SourceError } from "@edgeline/sdk";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { kalshiVenueConfigSchema } from "../src/kalshi-config.ts";
import { kalshiOrderBody, planKalshiOrder } from "../src/kalshi-order.ts";
import { writeKalshiTestKey } from "../src/kalshi-test-key.ts";
import { KalshiTradeApi } from "../src/kalshi-trade-api.ts";
import { type ExchangeFixture, orderFor, startExchange, TICKER } from "./kalshi-exchange-fixture.ts";

let fx: ExchangeFixture;
beforeEach(async () => {
  fx = await startExchange();
});
afterEach(() => fx.close());

async function refusal(promise: Promise<unknown>): Promise<SourceError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SourceError);
  return error as SourceError;
}

describe("the fake exchange checks every signature", () => {
  it("answers a request signed with the account's key", async () => {
    expect((await fx.broker.balance()).cash.toFixed(2)).toBe("1000.00");
    expect(fx.exchange.refusals).toEqual([]);
  });

  it("refuses a request signed with another private key (401, not retried)", async () => {
    const other = writeKalshiTestKey(fx.dir, "other");
    const impostor = fx.brokerWith({ ...other.env, EDGELINE_KALSHI_KEY_ID: fx.key.keyId });
    fx.exchange.state.offer(TICKER, "0.45", 100);
    const error = await refusal(impostor.placeOrder(orderFor(fx)));
    expect(error.status).toBe(401);
    expect(error.message).toMatch(
      /^kalshi: GET http:\/\/127\.0\.0\.1:\d+\/trade-api\/v2\/portfolio\/orders\?.*HTTP 401.*INCORRECT_API_KEY_SIGNATURE/,
    );
    expect(fx.server.requests).toHaveLength(1);
    expect(fx.exchange.state.orders).toHaveLength(0);
  });

  it("refuses an unknown key id, and a request without the headers", async () => {
    const stranger = writeKalshiTestKey(fx.dir, "stranger");
    expect((await refusal(fx.brokerWith(stranger.env).balance())).message).toMatch(/unknown API key/);
    const bare = await fetch(`${fx.server.url}/trade-api/v2/portfolio/balance`);
    expect(bare.status).toBe(401);
    expect(((await bare.json()) as { code: string }).code).toBe("authentication_error");
  });

  it("refuses a stale timestamp: a client clock a minute behind is refused, in sync accepted", async () => {
    const late = fx.brokerWith(fx.key.env, () => Date.now() - 60_000);
    const error = await refusal(late.balance());
    expect(error.status).toBe(401);
    expect(error.message).toMatch(/KALSHI-ACCESS-TIMESTAMP \d+ is outside the accepted window/);
    expect(fx.exchange.refusals.map((r) => [r.path, r.status])).toEqual([
      ["/trade-api/v2/portfolio/balance", 401],
    ]);
    const ahead = fx.brokerWith(fx.key.env, () => Date.now() + 60_000);
    expect((await refusal(ahead.balance())).status).toBe(401);
    expect((await fx.broker.balance()).cash.toFixed(2)).toBe("1000.00");
  });

  it("refuses a replayed client_order_id with 409 (the spec's ConflictError), even once the order is done", async () => {
    fx.exchange.state.offer(TICKER, "0.45", 100);
    const request = orderFor(fx);
    await fx.broker.placeOrder(request);
    expect(fx.exchange.state.orders[0]?.status).toBe("executed");
    // The same body again, straight through the signed client (the broker would look it up first).
    const api = new KalshiTradeApi(
      new HttpClient({ source: "kalshi", baseUrl: `${fx.server.url}/trade-api/v2` }),
      kalshiVenueConfigSchema.parse(fx.key.env).apiKey!,
    );
    const error = await refusal(api.createOrder(kalshiOrderBody(planKalshiOrder(request))));
    expect(error.status).toBe(409);
    expect(error.message).toMatch(/^kalshi: POST .*HTTP 409.*order_already_exists/);
    expect(fx.exchange.state.orders).toHaveLength(1);
  });
});

describe("the venue's environments", () => {
  it("demo trades at the demo base URL (its own variable), production at the production one", async () => {
    const demo = fx.brokerWith({ ...fx.key.env, EDGELINE_KALSHI_ENVIRONMENT: "demo" });
    expect(demo.endpoint).toEqual({ environment: "demo", baseUrl: `${fx.server.url}/trade-api/v2` });
    expect((await demo.balance()).cash.toFixed(2)).toBe("1000.00");
    expect(fx.broker.endpoint.environment).toBe("production");
  });
});
