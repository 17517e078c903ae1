// The fake Kalshi exchange's answers in the Trade API v2 shapes (spec v3.13 Order, Fill,
// Settlement, ErrorResponse; cursor pages). The exchange itself is fake-kalshi-exchange.ts.
import { type FakeResponse, json } from "@edgeline/sdk";
import { Decimal } from "decimal.js";
import type { FakeFill, FakeOrder, FakeSettlement } from "./fake-kalshi-exchange.ts";

export const iso = (ms: number) => new Date(ms).toISOString();
export const usd = (d: Decimal) => d.toFixed(4);
export const count = (n: number) => n.toFixed(2);

export function orderJson(o: FakeOrder) {
  return {
    order_id: o.orderId,
    user_id: "fake-user",
    client_order_id: o.clientOrderId,
    ticker: o.ticker,
    side: "yes",
    action: "buy",
    type: "limit",
    status: o.status,
    yes_price_dollars: usd(o.price),
    no_price_dollars: usd(new Decimal(1).minus(o.price)),
    fill_count_fp: count(o.filled),
    remaining_count_fp: count(o.status === "resting" ? o.initial - o.filled : 0),
    initial_count_fp: count(o.initial),
    taker_fill_cost_dollars: usd(o.cost.taker),
    maker_fill_cost_dollars: usd(o.cost.maker),
    taker_fees_dollars: usd(o.fees.taker),
    maker_fees_dollars: usd(o.fees.maker),
    created_time: iso(o.createdMs),
    last_update_time: iso(o.updatedMs),
    expiration_time: o.expiresAt === undefined ? null : iso(o.expiresAt * 1000),
    self_trade_prevention_type: "taker_at_cross",
  };
}

export function fillJson(f: FakeFill) {
  return {
    fill_id: f.fillId,
    trade_id: f.fillId,
    order_id: f.orderId,
    ticker: f.ticker,
    market_ticker: f.ticker,
    side: "yes",
    action: "buy",
    count_fp: count(f.count),
    yes_price_dollars: usd(f.price),
    no_price_dollars: usd(new Decimal(1).minus(f.price)),
    is_taker: f.role === "taker",
    fee_cost: usd(f.fee),
    created_time: iso(f.atMs),
    ts: Math.floor(f.atMs / 1000),
  };
}

export function settlementJson(s: FakeSettlement) {
  return {
    ticker: s.ticker,
    event_ticker: s.ticker.split("-").slice(0, 2).join("-"),
    market_result: s.result === "tie" ? "scalar" : s.result,
    yes_count_fp: count(s.contracts),
    yes_total_cost_dollars: usd(s.cost),
    no_count_fp: count(0),
    no_total_cost_dollars: usd(new Decimal(0)),
    revenue: s.revenueCents,
    settled_time: iso(s.atMs),
    fee_cost: usd(s.fees),
    value: s.result === "void" ? null : { yes: 100, no: 0, tie: 50 }[s.result],
  };
}

export const error = (status: number, code: string, message: string): FakeResponse => ({
  status,
  body: { code, message, service: "fake-kalshi" },
});

/** `limit` and an offset cursor over rows (the real cursor is opaque; so is this one to clients). */
export function page<T>(rows: T[], query: URLSearchParams, key: string, extra: object = {}): FakeResponse {
  const offset = Number(query.get("cursor") || 0);
  const limit = Number(query.get("limit") ?? 100);
  const next = offset + limit < rows.length ? String(offset + limit) : "";
  return json({ [key]: rows.slice(offset, offset + limit), cursor: next, ...extra });
}

/** Rows at or after `min_ts` (Unix seconds), when given. */
export const since = (query: URLSearchParams, ms: number) =>
  query.get("min_ts") === null || ms / 1000 >= Number(query.get("min_ts"));
