import { Decimal } from "decimal.js";
import { describe, expect, it } from "vitest";
import { kalshiClientOrderId, kalshiLimitPrice, kalshiOrderBody, planKalshiOrder } from "./kalshi-order.ts";

const request = {
  betId: "kalshi-20261128-0123456789abcdef0123",
  gameId: "NHL_20261128_BOS_TOR",
  marketId: "m",
  outcome: "home_team_win",
  stake: new Decimal("20"),
  price: new Decimal("1.2346"),
  venueBookmaker: "Kalshi",
  placedAt: new Date("2026-11-28T15:00:00Z"),
  marketTitle: null,
  marketCloseTime: new Date("2026-11-29T00:00:00Z"),
  venueMarketId: "KXNHLGAME-26NOV28BOSTOR-TOR",
};

describe("Kalshi orders", () => {
  it("client_order_id: the same UUID for the same bet, another for another bet", () => {
    const id = kalshiClientOrderId(request.betId);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(kalshiClientOrderId(request.betId)).toBe(id);
    expect(kalshiClientOrderId(`${request.betId}x`)).not.toBe(id);
  });

  it("limit price: the quote's contract price, rounded down to the cent", () => {
    expect(kalshiLimitPrice(new Decimal("1.2346")).toFixed(4)).toBe("0.8100");
    expect(kalshiLimitPrice(new Decimal("2.2222")).toFixed(4)).toBe("0.4500");
    // $0.4509 (odds 2.2177) is not a cent price: bid $0.45, not $0.46.
    expect(kalshiLimitPrice(new Decimal("2.2177")).toFixed(4)).toBe("0.4500");
  });

  it("sizes whole contracts from the stake after fees, capped by the recommendation's count", () => {
    // $20 at $0.81: 24 × 0.81 = 19.44 + ceil(0.07 × 24 × 0.1539) = 0.26 → 19.70; 25 would cost 20.52.
    const plan = planKalshiOrder(request);
    expect([plan.contracts, plan.cost.toFixed(2), plan.fee.toFixed(2)]).toEqual([24, "19.70", "0.26"]);
    expect(planKalshiOrder({ ...request, contracts: 10 }).contracts).toBe(10);
    expect(kalshiOrderBody(plan)).toEqual({
      ticker: "KXNHLGAME-26NOV28BOSTOR-TOR",
      client_order_id: kalshiClientOrderId(request.betId),
      side: "bid",
      count: "24.00",
      price: "0.8100",
      time_in_force: "good_till_canceled",
      self_trade_prevention_type: "taker_at_cross",
      expiration_time: Date.parse("2026-11-29T00:00:00Z") / 1000,
    });
  });
});
