// The signed portfolio and order payloads we read (spec v3.13 and the Create Order V2 fragment in
// ../shared/fixtures/kalshi). No real recording of these exists (fixtures README: NOT FOUND), so
// the shapes are the spec's; unknown fields pass through, as with the market schemas.
import { z } from "zod";
import { dollarString } from "./kalshi-schemas.ts";

/** Fixed-point count ("10.00"; negative for NO positions). */
export const countString = z.string().regex(/^-?\d+(\.\d+)?$/, "expected a count like 10.00");
/** Fixed-point dollars that may be negative (P&L). */
export const signedDollarString = z.string().regex(/^-?\d+(\.\d{1,6})?$/, "expected dollars like -1.2500");

/** `Order`: what GET /portfolio/orders and /portfolio/orders/{id} say of one order. */
export const kalshiOrderSchema = z.looseObject({
  order_id: z.string().min(1),
  client_order_id: z.string(),
  ticker: z.string().min(1),
  side: z.enum(["yes", "no"]),
  action: z.enum(["buy", "sell"]),
  status: z.enum(["resting", "canceled", "executed"]),
  yes_price_dollars: dollarString,
  no_price_dollars: dollarString,
  fill_count_fp: countString,
  remaining_count_fp: countString,
  initial_count_fp: countString,
  taker_fill_cost_dollars: dollarString,
  maker_fill_cost_dollars: dollarString,
  taker_fees_dollars: dollarString,
  maker_fees_dollars: dollarString,
  created_time: z.string().nullish(),
  expiration_time: z.string().nullish(),
});
export type KalshiOrder = z.infer<typeof kalshiOrderSchema>;

export const kalshiOrdersPageSchema = z.object({
  orders: z.array(kalshiOrderSchema),
  cursor: z.string().nullish(),
});

export const kalshiOrderResponseSchema = z.object({ order: kalshiOrderSchema });

/** `CreateOrderV2Response` (201): no status, no order wrapper. */
export const kalshiCreateOrderV2ResponseSchema = z.looseObject({
  order_id: z.string().min(1),
  client_order_id: z.string().optional(),
  fill_count: countString,
  remaining_count: countString,
  average_fill_price: dollarString.optional(),
  average_fee_paid: dollarString.optional(),
});
export type KalshiCreateOrderV2Response = z.infer<typeof kalshiCreateOrderV2ResponseSchema>;

/** `CreateOrderV2Request`: buying YES is a `bid` on the YES book. */
export interface KalshiCreateOrderV2Request {
  ticker: string;
  client_order_id: string;
  side: "bid" | "ask";
  count: string;
  price: string;
  time_in_force: "fill_or_kill" | "good_till_canceled" | "immediate_or_cancel";
  self_trade_prevention_type: "taker_at_cross" | "maker";
  /** Unix seconds after which the exchange cancels what is left. */
  expiration_time?: number;
  post_only?: boolean;
}

/** `GET /portfolio/balance`: integer cents. */
export const kalshiBalanceSchema = z.looseObject({
  balance: z.number().int(),
  portfolio_value: z.number().int(),
  updated_ts: z.number().int(),
});

export const kalshiMarketPositionSchema = z.looseObject({
  ticker: z.string().min(1),
  position_fp: countString,
  market_exposure_dollars: signedDollarString,
  realized_pnl_dollars: signedDollarString,
  fees_paid_dollars: dollarString,
  total_traded_dollars: dollarString,
});

export const kalshiPositionsPageSchema = z.object({
  market_positions: z.array(kalshiMarketPositionSchema),
  event_positions: z.array(z.unknown()),
  cursor: z.string().nullish(),
});

/** `Settlement`: revenue and value in cents; `value` is what one YES contract paid (50 on a tie). */
export const kalshiSettlementSchema = z.looseObject({
  ticker: z.string().min(1),
  event_ticker: z.string(),
  market_result: z.enum(["yes", "no", "scalar", "void"]),
  yes_count_fp: countString,
  yes_total_cost_dollars: dollarString,
  no_count_fp: countString,
  no_total_cost_dollars: dollarString,
  revenue: z.number().int(),
  settled_time: z.iso.datetime({ offset: true }),
  fee_cost: dollarString,
  value: z.number().int().nullish(),
});
export type KalshiSettlement = z.infer<typeof kalshiSettlementSchema>;

export const kalshiSettlementsPageSchema = z.object({
  settlements: z.array(kalshiSettlementSchema),
  cursor: z.string().nullish(),
});

export const kalshiFillSchema = z.looseObject({
  fill_id: z.string().min(1),
  order_id: z.string().min(1),
  ticker: z.string().min(1),
  side: z.enum(["yes", "no"]),
  action: z.enum(["buy", "sell"]),
  count_fp: countString,
  yes_price_dollars: dollarString,
  no_price_dollars: dollarString,
  is_taker: z.boolean(),
  fee_cost: dollarString,
  created_time: z.string().optional(),
});
export type KalshiFill = z.infer<typeof kalshiFillSchema>;

export const kalshiFillsPageSchema = z.object({
  fills: z.array(kalshiFillSchema),
  cursor: z.string().nullish(),
});
