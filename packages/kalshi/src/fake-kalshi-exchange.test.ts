import { Decimal } from "decimal.js";
import { describe, expect, it } from "vitest";
import { FakeKalshiState } from "./fake-kalshi-exchange.ts";

const T = "KXNFLGAME-26OCT08TBDAL-DAL";
const bid = (clientOrderId: string, count: number, extra: object = {}) => ({
  ticker: T,
  clientOrderId,
  price: new Decimal("0.50"),
  count,
  ...extra,
});

describe("fake Kalshi exchange state", () => {
  it("takes the ask at its own price, rests the rest, and holds cash back for it", () => {
    const s = new FakeKalshiState("100", () => 0);
    s.offer(T, "0.48", 5);
    const order = s.place(bid("a", 10));
    expect([order.filled, order.status, order.cost.taker.toFixed(2), order.fees.taker.toFixed(2)]).toEqual([
      5,
      "resting",
      "2.40",
      "0.09",
    ]);
    // Cash 100 − 2.49; held: 5 × 0.50 + ceil(0.07 × 5 × 0.25) = 2.59.
    expect([s.cash.toFixed(2), s.available().toFixed(2)]).toEqual(["97.51", "94.92"]);
  });

  it("immediate-or-cancel keeps what filled, fill-or-kill all or nothing; neither rests", () => {
    const s = new FakeKalshiState("100", () => 0);
    s.offer(T, "0.50", 3);
    expect(s.place(bid("ioc", 5, { timeInForce: "immediate_or_cancel" }))).toMatchObject({
      filled: 3,
      status: "canceled",
    });
    s.offer(T, "0.50", 3);
    expect(s.place(bid("fok", 5, { timeInForce: "fill_or_kill" }))).toMatchObject({
      filled: 0,
      status: "canceled",
    });
  });

  it("refuses a reused client order id, an unknown or settled market, and an order beyond the cash", () => {
    const s = new FakeKalshiState("3", () => 0);
    s.offer(T);
    s.place(bid("a", 1));
    expect(() => s.place(bid("a", 1))).toThrow("client_order_id was already used");
    expect(() => s.place({ ...bid("b", 1), ticker: "NOPE" })).toThrow("no market NOPE");
    expect(() => s.place(bid("c", 5))).toThrow("insufficient balance");
    s.settle(T, "no");
    expect(() => s.place(bid("d", 1))).toThrow("is settled");
    expect(s.orders[0]?.status).toBe("canceled");
  });
});
