import type { PlacedBetRow } from "@edgeline/sdk";
import { Decimal } from "decimal.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { KalshiOrderRefused, kalshiClientOrderId } from "../src/kalshi-order.ts";
import { type ExchangeFixture, orderFor, startExchange, TICKER } from "./kalshi-exchange-fixture.ts";

let fx: ExchangeFixture;
beforeEach(async () => {
  fx = await startExchange({ cash: "100" });
});
afterEach(() => fx.close());

const posts = () => fx.server.requests.filter((r) => r.method === "POST");
/** The bet row as the host would have written it. */
const written = (row: PlacedBetRow): PlacedBetRow => ({ ...row });

describe("Kalshi broker over the fake exchange", () => {
  it("places a limit bid at the recommended price, sized in whole contracts after fees, filled at once", async () => {
    fx.exchange.state.offer(TICKER, "0.45", 100);
    const request = orderFor(fx);
    const row = await fx.broker.placeOrder(request);
    // $4.68 buys 10 contracts at $0.45: $4.50 + fee ceil(0.07 × 10 × 0.45 × 0.55) = $0.18.
    expect({
      stake: row.stake.toFixed(2),
      fee: row.fees.toFixed(2),
      contracts: row.contracts,
      odds: row.odds.toFixed(4),
      payout: row.potentialPayout?.toFixed(2),
      status: row.status,
      bookmaker: row.bookmaker,
    }).toEqual({
      stake: "4.68",
      fee: "0.18",
      contracts: 10,
      odds: "2.2222",
      payout: "10.00",
      status: "pending",
      bookmaker: "Kalshi",
    });
    const [order] = fx.exchange.state.orders;
    expect(order).toMatchObject({ ticker: TICKER, initial: 10, filled: 10, status: "executed" });
    expect(order?.price.toFixed(4)).toBe("0.4500");
    expect(order?.clientOrderId).toBe(kalshiClientOrderId(row.betId));
    expect(order?.expiresAt).toBe(Math.floor(request.marketCloseTime!.getTime() / 1000));

    // Read back: the order, its fills, the position and the cash.
    expect((await fx.broker.orderOf(row))?.status).toBe("executed");
    const fills = await fx.broker.fillsOf(row);
    expect(fills.map((f) => [f.count_fp, f.yes_price_dollars, f.fee_cost, f.is_taker])).toEqual([
      ["10.00", "0.4500", "0.1800", true],
    ]);
    const positions = await fx.broker.positions();
    expect(
      positions.map((p) => [p.venueMarketId, p.contracts, p.cost.toFixed(2), p.feesPaid.toFixed(2)]),
    ).toEqual([[TICKER, 10, "4.50", "0.18"]]);
    const balance = await fx.broker.balance();
    expect(balance.cash.toFixed(2)).toBe("95.32");
    expect(balance.portfolioValue?.toFixed(2)).toBe("4.50");
  });

  it("never bids above the recommendation: a dearer ask leaves the order resting at its limit", async () => {
    fx.exchange.state.offer(TICKER, "0.47", 100);
    const row = await fx.broker.placeOrder(orderFor(fx));
    const order = await fx.broker.orderOf(row);
    expect([order?.status, order?.yes_price_dollars, order?.fill_count_fp]).toEqual([
      "resting",
      "0.4500",
      "0.00",
    ]);
    // Resting and not yet at the start: nothing to report.
    expect(await fx.broker.syncBets([written(row)], new Date(fx.now()))).toEqual([]);
    // A price given to 4 places is bid at the cent below it, never above.
    await fx.broker.placeOrder(orderFor(fx, { betId: "kalshi-b", price: new Decimal("2.2177") }));
    expect(fx.exchange.state.orders[1]?.price.toFixed(4)).toBe("0.4500");
  });

  it("a rerun after a crash between sending and writing finds the order and sends no second one", async () => {
    fx.exchange.state.offer(TICKER, "0.45", 100);
    const request = orderFor(fx);
    const first = await fx.broker.placeOrder(request);
    // The process died before writing `first`; the rerun places the same bet again.
    const again = await fx.broker.placeOrder(request);
    expect(fx.exchange.state.orders).toHaveLength(1);
    expect(posts()).toHaveLength(1);
    expect(again).toEqual(first);
  });

  it("two racing placements of one bet make one order: the loser meets the 409 and reads it back", async () => {
    fx.exchange.state.offer(TICKER, "0.45", 100);
    const [a, b] = await Promise.all([
      fx.broker.placeOrder(orderFor(fx)),
      fx.broker.placeOrder(orderFor(fx)),
    ]);
    expect(fx.exchange.state.orders).toHaveLength(1);
    expect(a.stake.toFixed(2)).toBe(b.stake.toFixed(2));
    expect(fx.exchange.refusals.map((r) => [r.status, r.code])).toEqual([[409, "order_already_exists"]]);
  });

  it("a partial fill is a bet of the filled contracts once the rest is cancelled at the game's start", async () => {
    fx.exchange.state.offer(TICKER, "0.45", 4);
    const row = await fx.broker.placeOrder(orderFor(fx));
    // 4 taken at once, 6 rest; still the bet as placed.
    expect([row.contracts, row.stake.toFixed(2)]).toEqual([10, "4.68"]);
    // A seller later hits the resting bid for 2 more (maker fill, maker fee).
    expect(fx.exchange.state.sell(TICKER, 2)).toBe(2);
    const start = row.marketCloseTimeUtc!;
    expect(await fx.broker.syncBets([written(row)], new Date(start.getTime() - 60_000))).toEqual([]);
    const [update] = await fx.broker.syncBets([written(row)], new Date(start.getTime() + 60_000));
    // 4 × 0.45 + ceil(0.07 × 4 × 0.2475) = 1.80 + 0.07; 2 × 0.45 + ceil(0.0175 × 2 × 0.2475) = 0.90 + 0.01.
    expect({
      status: update?.status,
      result: update?.result,
      contracts: update?.fill?.contracts,
      stake: update?.fill?.stake.toFixed(2),
      fee: update?.fill?.fee.toFixed(2),
      odds: update?.fill?.odds.toFixed(4),
      payout: update?.fill?.potentialPayout.toFixed(2),
    }).toEqual({
      status: "pending",
      result: null,
      contracts: 6,
      stake: "2.78",
      fee: "0.08",
      odds: "2.2222",
      payout: "6.00",
    });
    expect(update?.reason).toMatch(
      /^filled 6 of 10 contracts, the rest cancelled \(not filled by the game's start/,
    );
    expect(fx.exchange.state.orders[0]?.status).toBe("canceled");
    expect(fx.server.requests.filter((r) => r.method === "DELETE")).toHaveLength(1);
    // Cash: what the 6 contracts cost, nothing held back for the cancelled rest.
    expect((await fx.broker.balance()).cash.toFixed(2)).toBe("97.22");
  });

  it("an order with nothing filled by the game's start is cancelled, and so is the bet", async () => {
    fx.exchange.state.offer(TICKER);
    const row = await fx.broker.placeOrder(orderFor(fx));
    const [update] = await fx.broker.syncBets([written(row)], new Date(row.marketCloseTimeUtc!.getTime()));
    expect(update).toMatchObject({
      status: "cancelled",
      reason: expect.stringMatching(/^not filled by the game's start/),
    });
    expect(update?.result?.toFixed(2)).toBe("0.00");
    expect((await fx.broker.balance()).cash.toFixed(2)).toBe("100.00");
  });

  it("the exchange itself cancels an order at its expiration_time (the game's start)", async () => {
    fx.exchange.state.offer(TICKER);
    const row = await fx.broker.placeOrder(orderFor(fx, { marketCloseTime: new Date(fx.now() + 120_000) }));
    fx.advance(121_000);
    expect((await fx.broker.orderOf(row))?.status).toBe("canceled");
    const [update] = await fx.broker.syncBets([written(row)], new Date(fx.now()));
    expect(update?.status).toBe("cancelled");
    expect(fx.server.requests.filter((r) => r.method === "DELETE")).toHaveLength(0);
  });

  it("cancelOrder cancels what rests and reports what filled", async () => {
    fx.exchange.state.offer(TICKER, "0.45", 3);
    const row = await fx.broker.placeOrder(orderFor(fx));
    const update = await fx.broker.cancelOrder(row, "cancelled by hand");
    expect([update?.status, update?.fill?.contracts, update?.reason]).toEqual([
      "pending",
      3,
      "filled 3 of 10 contracts, the rest cancelled (cancelled by hand)",
    ]);
    expect(await fx.broker.cancelOrder({ ...row, betId: "kalshi-never-placed" }, "x")).toBeUndefined();
  });

  it("refuses an order the balance cannot cover, sending nothing that rests", async () => {
    const poor = await startExchange({ cash: "4.00" });
    try {
      poor.exchange.state.offer(TICKER, "0.45", 100);
      const refused = await poor.broker.placeOrder(orderFor(poor)).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(KalshiOrderRefused);
      expect((refused as Error).message).toMatch(/insufficient balance for \$4\.68/);
      expect(poor.exchange.state.orders).toHaveLength(0);
      expect(poor.exchange.refusals.map((r) => r.code)).toEqual(["insufficient_balance"]);
    } finally {
      await poor.close();
    }
  });

  it("refuses what it cannot trade before calling the exchange", async () => {
    const reasons = await Promise.all(
      [
        orderFor(fx, { venueMarketId: undefined as never }),
        orderFor(fx, { marketName: "total", line: new Decimal("5.5") }),
        orderFor(fx, { marketCloseTime: new Date(fx.now() - 1000) }),
        orderFor(fx, { stake: new Decimal("0.40") }),
      ].map((r) => fx.broker.placeOrder(r).catch((e: KalshiOrderRefused) => e.reason)),
    );
    expect(reasons).toEqual([
      "no Kalshi market ticker (venueMarketId) on the order",
      "only game-winner markets are traded, not total",
      expect.stringMatching(/^the game started at /),
      "a stake of $0.40 buys no contract at $0.45",
    ]);
    // Only the started game's order was looked up (a rerun may find it); nothing was sent.
    expect(fx.server.requests.map((r) => r.method)).toEqual(["GET"]);
  });

  it("a rerun after the game's start still finds the order sent before it", async () => {
    fx.exchange.state.offer(TICKER, "0.45", 100);
    const request = orderFor(fx, { marketCloseTime: new Date(fx.now() + 60_000) });
    const first = await fx.broker.placeOrder(request);
    fx.advance(120_000);
    expect(await fx.broker.placeOrder(request)).toEqual(first);
    expect(posts()).toHaveLength(1);
  });

  it("429 and 503 on the order go through the HTTP retry layer, each attempt signed afresh", async () => {
    fx.exchange.state.offer(TICKER, "0.45", 100);
    fx.server.injectFault("/trade-api/v2/portfolio/events/orders", {
      kind: "rate_limit",
      retryAfterSeconds: 0,
      times: 1,
    });
    fx.server.injectFault("/trade-api/v2/portfolio/events/orders", { kind: "status", status: 503, times: 1 });
    const row = await fx.broker.placeOrder(orderFor(fx));
    expect(posts().map((r) => r.status)).toEqual([429, 503, 201]);
    expect(fx.exchange.state.orders).toHaveLength(1);
    expect(row.contracts).toBe(10);
    fx.server.injectFault("/trade-api/v2/portfolio/balance", {
      kind: "rate_limit",
      retryAfterSeconds: 0,
      times: 2,
    });
    expect((await fx.broker.balance()).cash.toFixed(2)).toBe("95.32");
  });
});
