// A fake Kalshi exchange for one account, for tests: markets with sellers' asks, limit bids that
// take what the asks offer at or below their price and rest for the rest, sellers that later hit
// resting bids (maker fills), expiry at an order's expiration_time, cash and positions, and
// settlement (yes, no, void, or a tie at $0.50). Fees are Kalshi's (kalshi-fees.ts). The HTTP
// face, with signature checks, is fake-kalshi-exchange-routes.ts.
import { Decimal } from "decimal.js";
import { type KalshiRole, kalshiFee } from "./kalshi-fees.ts";

export interface FakeOrder {
  orderId: string;
  clientOrderId: string;
  ticker: string;
  /** YES limit price. */
  price: Decimal;
  initial: number;
  filled: number;
  status: "resting" | "canceled" | "executed";
  cost: Record<KalshiRole, Decimal>;
  fees: Record<KalshiRole, Decimal>;
  createdMs: number;
  updatedMs: number;
  /** Unix seconds. */
  expiresAt?: number;
}

export interface FakeFill {
  fillId: string;
  orderId: string;
  ticker: string;
  count: number;
  price: Decimal;
  role: KalshiRole;
  fee: Decimal;
  atMs: number;
}

export interface FakePosition {
  ticker: string;
  contracts: number;
  cost: Decimal;
  fees: Decimal;
  traded: Decimal;
}

export type FakeMarketResult = "yes" | "no" | "void" | "tie";

export interface FakeSettlement {
  ticker: string;
  result: FakeMarketResult;
  contracts: number;
  cost: Decimal;
  fees: Decimal;
  revenueCents: number;
  atMs: number;
}

interface FakeMarket {
  ticker: string;
  /** Sellers' offer: the cheapest ask and how many contracts it holds. */
  ask?: { price: Decimal; size: number };
  settled?: FakeMarketResult;
}

/** Why the exchange refuses an order (the routes turn it into an HTTP error). */
export class FakeExchangeRefusal extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const VALUE_CENTS: Record<Exclude<FakeMarketResult, "void">, number> = { yes: 100, no: 0, tie: 50 };

export class FakeKalshiState {
  cash: Decimal;
  readonly orders: FakeOrder[] = [];
  readonly fills: FakeFill[] = [];
  readonly settlements: FakeSettlement[] = [];
  private readonly markets = new Map<string, FakeMarket>();
  private readonly positions = new Map<string, FakePosition>();
  private seq = 0;

  constructor(
    cash: Decimal.Value,
    readonly now: () => number,
  ) {
    this.cash = new Decimal(cash);
  }

  /** Lists a market, with sellers offering `size` contracts at `price` (none: no ask). */
  offer(ticker: string, price?: Decimal.Value, size = 0): void {
    const market = this.markets.get(ticker) ?? { ticker };
    if (price === undefined) delete market.ask;
    else market.ask = { price: new Decimal(price), size };
    this.markets.set(ticker, market);
  }

  /** Cash minus what resting bids hold back (their rest at the limit, taker fee included). */
  available(): Decimal {
    const held = this.orders
      .filter((o) => o.status === "resting")
      .reduce((sum, o) => sum.plus(holdOf(o.initial - o.filled, o.price)), new Decimal(0));
    return this.cash.minus(held);
  }

  /** Cancels orders past their expiration_time (the exchange does it on its own clock). */
  expire(): void {
    const nowS = this.now() / 1000;
    for (const o of this.orders)
      if (o.status === "resting" && o.expiresAt !== undefined && o.expiresAt <= nowS)
        this.close(o, "canceled");
  }

  place(order: {
    ticker: string;
    clientOrderId: string;
    price: Decimal;
    count: number;
    expiresAt?: number;
    /** @defaultValue good_till_canceled */
    timeInForce?: "fill_or_kill" | "good_till_canceled" | "immediate_or_cancel";
  }): FakeOrder {
    this.expire();
    if (this.orders.some((o) => o.clientOrderId === order.clientOrderId))
      throw new FakeExchangeRefusal(409, "order_already_exists", "client_order_id was already used");
    const market = this.markets.get(order.ticker);
    if (!market) throw new FakeExchangeRefusal(404, "market_not_found", `no market ${order.ticker}`);
    if (market.settled) throw new FakeExchangeRefusal(400, "market_closed", `${order.ticker} is settled`);
    if (order.expiresAt !== undefined && order.expiresAt <= this.now() / 1000)
      throw new FakeExchangeRefusal(400, "invalid_parameters", "expiration_time is in the past");
    if (holdOf(order.count, order.price).gt(this.available()))
      throw new FakeExchangeRefusal(400, "insufficient_balance", "insufficient balance for the order");
    const now = this.now();
    const placed: FakeOrder = {
      orderId: `fake-order-${++this.seq}`,
      clientOrderId: order.clientOrderId,
      ticker: order.ticker,
      price: order.price,
      initial: order.count,
      filled: 0,
      status: "resting",
      cost: { taker: new Decimal(0), maker: new Decimal(0) },
      fees: { taker: new Decimal(0), maker: new Decimal(0) },
      createdMs: now,
      updatedMs: now,
      ...(order.expiresAt === undefined ? {} : { expiresAt: order.expiresAt }),
    };
    this.orders.push(placed);
    const ask = market.ask;
    const available = ask?.price.lte(order.price) ? ask.size : 0;
    const take =
      order.timeInForce === "fill_or_kill" && available < order.count ? 0 : Math.min(order.count, available);
    if (ask && take > 0) {
      ask.size -= take;
      this.fill(placed, take, ask.price, "taker");
    }
    // Immediate-or-cancel and fill-or-kill never rest.
    const rests = (order.timeInForce ?? "good_till_canceled") === "good_till_canceled";
    if (!rests && placed.status === "resting") this.close(placed, "canceled");
    return placed;
  }

  /** A seller hits resting bids of `ticker` (best price, then oldest, first) with `count` contracts. */
  sell(ticker: string, count: number): number {
    this.expire();
    let left = count;
    const bids = this.orders
      .filter((o) => o.ticker === ticker && o.status === "resting")
      .sort((a, b) => b.price.comparedTo(a.price) || a.createdMs - b.createdMs);
    for (const order of bids) {
      const take = Math.min(left, order.initial - order.filled);
      if (take > 0) this.fill(order, take, order.price, "maker");
      left -= take;
    }
    return count - left;
  }

  cancel(orderId: string): { order: FakeOrder; reducedBy: number } {
    this.expire();
    const order = this.orders.find((o) => o.orderId === orderId);
    if (!order) throw new FakeExchangeRefusal(404, "not_found", `no order ${orderId}`);
    if (order.status !== "resting")
      throw new FakeExchangeRefusal(409, "order_not_resting", `order ${orderId} is ${order.status}`);
    const reducedBy = order.initial - order.filled;
    this.close(order, "canceled");
    return { order, reducedBy };
  }

  /** Settles a market: winners paid $1 a contract (a tie $0.50), a void returns the cost. */
  settle(ticker: string, result: FakeMarketResult): void {
    const market = this.markets.get(ticker) ?? { ticker };
    market.settled = result;
    this.markets.set(ticker, market);
    for (const o of this.orders) if (o.ticker === ticker && o.status === "resting") this.close(o, "canceled");
    const position = this.positions.get(ticker);
    if (!position) return;
    const revenueCents =
      result === "void"
        ? position.cost.plus(position.fees).times(100).round().toNumber()
        : position.contracts * VALUE_CENTS[result];
    this.cash = this.cash.plus(new Decimal(revenueCents).div(100));
    this.settlements.push({ ...position, result, revenueCents, atMs: this.now() });
    this.positions.delete(ticker);
  }

  knows(ticker: string): boolean {
    return this.markets.has(ticker);
  }

  /** Markets still open to settlement: listed, not settled. */
  unsettled(): string[] {
    return [...this.markets.values()].filter((m) => !m.settled).map((m) => m.ticker);
  }

  openPositions(): FakePosition[] {
    return [...this.positions.values()];
  }

  private fill(order: FakeOrder, count: number, price: Decimal, role: KalshiRole): void {
    const cost = price.times(count);
    const fee = kalshiFee(count, price, role);
    this.cash = this.cash.minus(cost).minus(fee);
    order.filled += count;
    order.cost[role] = order.cost[role].plus(cost);
    order.fees[role] = order.fees[role].plus(fee);
    order.updatedMs = this.now();
    if (order.filled === order.initial) order.status = "executed";
    const position = this.positions.get(order.ticker) ?? {
      ticker: order.ticker,
      contracts: 0,
      cost: new Decimal(0),
      fees: new Decimal(0),
      traded: new Decimal(0),
    };
    position.contracts += count;
    position.cost = position.cost.plus(cost);
    position.fees = position.fees.plus(fee);
    position.traded = position.traded.plus(cost);
    this.positions.set(order.ticker, position);
    this.fills.push({
      fillId: `fake-fill-${++this.seq}`,
      orderId: order.orderId,
      ticker: order.ticker,
      count,
      price,
      role,
      fee,
      atMs: this.now(),
    });
  }

  private close(order: FakeOrder, status: "canceled"): void {
    order.status = status;
    order.updatedMs = this.now();
  }
}

/** What a resting bid holds back: its contracts at the limit plus the taker fee on them. */
function holdOf(count: number, price: Decimal): Decimal {
  return count > 0 ? price.times(count).plus(kalshiFee(count, price, "taker")) : new Decimal(0);
}
