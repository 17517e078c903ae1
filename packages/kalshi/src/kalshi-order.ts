// From an Edgeline order to a Kalshi one and back: the client_order_id a bet always gets, the
// limit price (never worse than the recommendation's), the whole contracts its stake buys after
// fees, and what an order's fills make of the bet. Pure: no HTTP here.
import { createHash } from "node:crypto";
import type { BetFill, OrderRequest } from "@edgeline/sdk";
import { Decimal } from "decimal.js";
import { kalshiContractsFor, kalshiCost, kalshiFee } from "./kalshi-fees.ts";
import type {
  KalshiCreateOrderV2Request,
  KalshiCreateOrderV2Response,
  KalshiOrder,
} from "./kalshi-portfolio-schemas.ts";
import { kalshiPriceOf } from "./kalshi-venue-rules.ts";

/** Game-winner markets trade in whole cents (`price_level_structure: linear_cent`). */
export const KALSHI_ORDER_TICK = new Decimal("0.01");

/**
 * The client_order_id of a bet: a UUID derived from the bet id alone, so the order sent before a
 * crash and the one a rerun would send carry the same id, and the rerun finds the first.
 */
export function kalshiClientOrderId(betId: string): string {
  const h = createHash("sha256").update(`edgeline-kalshi-order\u0000${betId}`).digest("hex");
  // RFC 9562 layout, version 8 (custom) and variant 10, so it reads as any other UUID.
  const variant = ((Number.parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * The YES limit price for a recommendation priced at gross decimal odds `odds`: the contract price
 * the odds stand for, rounded down to the tick. Down, never up: a buy at most at the recommended price.
 */
export function kalshiLimitPrice(odds: Decimal, tick: Decimal = KALSHI_ORDER_TICK): Decimal {
  return kalshiPriceOf(odds).div(tick).floor().times(tick);
}

/** What an order asks for: contracts at a limit price, and their all-in cost at the taker fee. */
export interface KalshiOrderPlan {
  ticker: string;
  clientOrderId: string;
  price: Decimal;
  contracts: number;
  /** Contracts × price + taker fee: the most it can cost. */
  cost: Decimal;
  fee: Decimal;
  /** Unix seconds: the game's start, when the exchange cancels what is left. */
  expiresAt?: number;
}

/** Why an order is not sent (the caller records it; nothing reaches the exchange). */
export class KalshiOrderRefused extends Error {
  constructor(
    readonly betId: string,
    readonly reason: string,
  ) {
    super(`Kalshi order for bet ${betId} refused: ${reason}`);
    this.name = "KalshiOrderRefused";
  }
}

/**
 * The plan of an order: whole contracts sized from the stake after fees (never more than the
 * recommendation's own count), at the limit price. Refuses what Kalshi cannot take.
 */
export function planKalshiOrder(request: OrderRequest): KalshiOrderPlan {
  const refuse = (reason: string) => new KalshiOrderRefused(request.betId, reason);
  if (request.marketName && request.marketName !== "moneyline")
    throw refuse(`only game-winner markets are traded, not ${request.marketName}`);
  if (!request.venueMarketId) throw refuse("no Kalshi market ticker (venueMarketId) on the order");
  const price = kalshiLimitPrice(request.price);
  if (price.lte(0) || price.gte(1)) throw refuse(`no tradable price for odds ${request.price}`);
  const affordable = kalshiContractsFor(request.stake, price);
  const contracts = Math.min(affordable, request.contracts ?? affordable);
  if (contracts < 1) throw refuse(`a stake of $${request.stake.toFixed(2)} buys no contract at $${price}`);
  return {
    ticker: request.venueMarketId,
    clientOrderId: kalshiClientOrderId(request.betId),
    price,
    contracts,
    cost: kalshiCost(contracts, price),
    fee: kalshiFee(contracts, price),
    ...(request.marketCloseTime ? { expiresAt: Math.floor(request.marketCloseTime.getTime() / 1000) } : {}),
  };
}

/**
 * Refuses a new order once the game has started (an order sent before it is still found and
 * reported by a rerun: this check comes after the look-up).
 */
export function refuseIfStarted(request: OrderRequest, now: Date): void {
  if (request.marketCloseTime && request.marketCloseTime.getTime() <= now.getTime())
    throw new KalshiOrderRefused(
      request.betId,
      `the game started at ${request.marketCloseTime.toISOString()}`,
    );
}

/** The Create Order V2 body of a plan: buy YES = bid on the YES book, good till the game's start. */
export function kalshiOrderBody(plan: KalshiOrderPlan): KalshiCreateOrderV2Request {
  return {
    ticker: plan.ticker,
    client_order_id: plan.clientOrderId,
    side: "bid",
    count: plan.contracts.toFixed(2),
    price: plan.price.toFixed(4),
    time_in_force: "good_till_canceled",
    self_trade_prevention_type: "taker_at_cross",
    ...(plan.expiresAt === undefined ? {} : { expiration_time: plan.expiresAt }),
  };
}

/** An order's progress, from either the order listing or the create response. */
export interface KalshiOrderState {
  orderId: string;
  ticker: string;
  /** resting: still working; canceled: nothing more will fill; executed: filled in full. */
  status: "resting" | "canceled" | "executed";
  initial: number;
  filled: number;
  /** Cost of the filled contracts, fees excluded. */
  fillCost: Decimal;
  fees: Decimal;
}

const whole = (count: string) => new Decimal(count).floor().toNumber();

export function orderStateOf(order: KalshiOrder): KalshiOrderState {
  return {
    orderId: order.order_id,
    ticker: order.ticker,
    status: order.status,
    initial: whole(order.initial_count_fp),
    filled: whole(order.fill_count_fp),
    fillCost: new Decimal(order.taker_fill_cost_dollars).plus(order.maker_fill_cost_dollars),
    fees: new Decimal(order.taker_fees_dollars).plus(order.maker_fees_dollars),
  };
}

/** The create response has averages, not totals: totals are average × count, to the cent. */
export function orderStateOfCreated(
  plan: KalshiOrderPlan,
  created: KalshiCreateOrderV2Response,
): KalshiOrderState {
  const filled = whole(created.fill_count);
  const remaining = whole(created.remaining_count);
  const total = (average: string | undefined) =>
    new Decimal(average ?? 0).times(filled).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  return {
    orderId: created.order_id,
    ticker: plan.ticker,
    status: remaining > 0 ? "resting" : "executed",
    initial: filled + remaining,
    filled,
    fillCost: total(created.average_fill_price),
    fees: total(created.average_fee_paid),
  };
}

/** The bet an order's fills make: the filled contracts at what they cost, fees included. */
export function betFillOf(state: KalshiOrderState): BetFill | undefined {
  if (state.filled < 1 || state.fillCost.lte(0)) return undefined;
  return {
    contracts: state.filled,
    stake: state.fillCost.plus(state.fees).toDecimalPlaces(2, Decimal.ROUND_HALF_UP),
    fee: state.fees,
    odds: new Decimal(state.filled).div(state.fillCost).toDecimalPlaces(4, Decimal.ROUND_HALF_UP),
    potentialPayout: new Decimal(state.filled),
  };
}
