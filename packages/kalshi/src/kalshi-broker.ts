// The Kalshi broker: limit orders over the signed Trade API v2, and what became of them read back.
// An order is looked up by its client_order_id (derived from the bet id) before one is created,
// so a rerun after a crash between sending and writing finds the first order instead of placing
// a second; two racing runs meet the exchange's 409 on the reused id and read the one order back.
import {
  type Broker,
  type BrokerBetUpdate,
  type OrderRequest,
  type PlacedBetRow,
  type PluginLogger,
  pendingBetRow,
  SourceError,
  silentLogger,
  type VenueBalance,
  type VenuePosition,
  type VenueSettlement,
} from "@edgeline/sdk";
import { Decimal } from "decimal.js";
import { kalshiBetUpdate, kalshiPayoutPerContract } from "./kalshi-bet-update.ts";
import type { KalshiEnvironment } from "./kalshi-config.ts";
import {
  betFillOf,
  type KalshiOrderPlan,
  KalshiOrderRefused,
  type KalshiOrderState,
  kalshiClientOrderId,
  kalshiOrderBody,
  orderStateOf,
  orderStateOfCreated,
  planKalshiOrder,
  refuseIfStarted,
} from "./kalshi-order.ts";
import type { KalshiFill, KalshiOrder, KalshiSettlement } from "./kalshi-portfolio-schemas.ts";
import type { KalshiTradeApi } from "./kalshi-trade-api.ts";

export const KALSHI_BOOKMAKER = "Kalshi";

/** Orders are listed from a day before the earliest bet's decision time (clock skew, replays). */
const LOOKBACK_S = 86_400;
const RACE_LOOKS = 3;
const RACE_WAIT_MS = 250;

export interface KalshiBrokerOptions {
  api: KalshiTradeApi;
  environment: KalshiEnvironment;
  baseUrl: string;
  logger?: PluginLogger;
  /** @defaultValue the system clock */
  now?: () => Date;
}

/** What a placed Kalshi bet records beyond the common row: its contracts and fees (placed_bets.fees). */
export type KalshiBetRow = PlacedBetRow & { contracts: number; fees: Decimal };

const seconds = (d: Date) => Math.floor(d.getTime() / 1000);

export class KalshiBroker implements Broker {
  readonly bookmaker = KALSHI_BOOKMAKER;
  readonly endpoint: { environment: KalshiEnvironment; baseUrl: string };
  private readonly api: KalshiTradeApi;
  private readonly logger: PluginLogger;
  private readonly now: () => Date;

  constructor(options: KalshiBrokerOptions) {
    this.api = options.api;
    this.endpoint = { environment: options.environment, baseUrl: options.baseUrl };
    this.logger = options.logger ?? silentLogger;
    this.now = options.now ?? (() => new Date());
  }

  async placeOrder(request: OrderRequest): Promise<KalshiBetRow> {
    const plan = planKalshiOrder(request);
    const existing = await this.findOrder(plan.clientOrderId, { ticker: plan.ticker });
    if (existing) {
      this.logger.info({ betId: request.betId, orderId: existing.order_id }, "Kalshi order already placed");
      return this.row(request, plan, orderStateOf(existing));
    }
    refuseIfStarted(request, this.now());
    try {
      const created = await this.api.createOrder(kalshiOrderBody(plan));
      this.logger.info(
        { betId: request.betId, orderId: created.order_id, ticker: plan.ticker },
        "Kalshi order placed",
      );
      return this.row(request, plan, orderStateOfCreated(plan, created));
    } catch (error) {
      if (!(error instanceof SourceError) || error.kind !== "http") throw error;
      if (error.status === 409) {
        // The id was used: a racing run (or a retried POST) created it. Read that one back,
        // giving the listing a moment to show an order created a few milliseconds ago.
        for (let look = 0; look < RACE_LOOKS; look++) {
          if (look > 0) await new Promise((resolve) => setTimeout(resolve, RACE_WAIT_MS));
          const raced = await this.findOrder(plan.clientOrderId, { ticker: plan.ticker });
          if (raced) return this.row(request, plan, orderStateOf(raced));
        }
      }
      if (error.status === 400 && /insufficient_balance/.test(error.message))
        throw new KalshiOrderRefused(request.betId, `insufficient balance for $${plan.cost.toFixed(2)}`);
      throw error;
    }
  }

  /** The row of an order: what filled when it is done, else what was asked (at the taker fee). */
  private row(request: OrderRequest, plan: KalshiOrderPlan, state: KalshiOrderState): KalshiBetRow {
    const fill = state.status === "executed" ? betFillOf(state) : undefined;
    return {
      ...pendingBetRow(request, this.bookmaker, {
        stake: fill?.stake ?? plan.cost,
        odds: fill?.odds ?? new Decimal(1).div(plan.price).toDecimalPlaces(4, Decimal.ROUND_HALF_UP),
        potentialPayout: fill?.potentialPayout ?? new Decimal(plan.contracts),
      }),
      contracts: fill?.contracts ?? plan.contracts,
      fees: fill?.fee ?? plan.fee,
    };
  }

  /** The order of a client_order_id, searched among the ticker's or all orders since `minTs`. */
  async findOrder(clientOrderId: string, query: { ticker?: string; min_ts?: number }) {
    const orders = await this.api.orders(query);
    return orders.find((o) => o.client_order_id === clientOrderId);
  }

  /** The order of a placed bet (its status and fills), if the exchange has one. */
  orderOf(bet: PlacedBetRow): Promise<KalshiOrder | undefined> {
    return this.findOrder(kalshiClientOrderId(bet.betId), { min_ts: this.sinceOf([bet]) });
  }

  /** The fills of a placed bet's order (none while nothing has matched). */
  async fillsOf(bet: PlacedBetRow): Promise<KalshiFill[]> {
    const order = await this.orderOf(bet);
    return order ? this.api.fills({ order_id: order.order_id }) : [];
  }

  private sinceOf(bets: readonly PlacedBetRow[]): number {
    const times = bets.map((b) => (b.placedTimeUtc ?? this.now()).getTime());
    return Math.floor(Math.min(...times) / 1000) - LOOKBACK_S;
  }

  /** Cancels what rests of an order and reads it back (a fill may have raced the cancel). */
  private async cancel(order: KalshiOrder): Promise<KalshiOrder> {
    try {
      await this.api.cancelOrder(order.order_id);
    } catch (error) {
      // Already done (filled or cancelled meanwhile): the read-back says which.
      if (!(error instanceof SourceError) || (error.status !== 404 && error.status !== 409)) throw error;
    }
    return this.api.order(order.order_id);
  }

  async cancelOrder(bet: PlacedBetRow, reason: string): Promise<BrokerBetUpdate | undefined> {
    const order = await this.orderOf(bet);
    if (!order) return undefined;
    const done = order.status === "resting" ? await this.cancel(order) : order;
    return kalshiBetUpdate(bet, orderStateOf(done), undefined, reason);
  }

  /**
   * Fills and settlements of pending Kalshi bets. An order still resting at the game's start
   * (`marketCloseTimeUtc`) is cancelled: the bet keeps what filled, or is cancelled if nothing did.
   */
  async syncBets(bets: readonly PlacedBetRow[], now: Date): Promise<BrokerBetUpdate[]> {
    const open = bets.filter((b) => b.bookmaker === this.bookmaker && b.status === "pending");
    if (open.length === 0) return [];
    const since = this.sinceOf(open);
    const orders = new Map((await this.api.orders({ min_ts: since })).map((o) => [o.client_order_id, o]));
    const settled = new Map<string, KalshiSettlement>(
      (await this.api.settlements({ min_ts: since })).map((s) => [s.ticker, s]),
    );
    const updates: BrokerBetUpdate[] = [];
    for (const bet of open) {
      let order = orders.get(kalshiClientOrderId(bet.betId));
      if (!order) {
        this.logger.warn({ betId: bet.betId }, "no Kalshi order for a pending Kalshi bet");
        continue;
      }
      let cancelReason: string | undefined;
      const start = bet.marketCloseTimeUtc;
      if (order.status === "resting" && start && now.getTime() >= start.getTime()) {
        cancelReason = `not filled by the game's start (${start.toISOString()})`;
        order = await this.cancel(order);
      }
      const update = kalshiBetUpdate(bet, orderStateOf(order), settled.get(order.ticker), cancelReason);
      if (update) updates.push(update);
    }
    return updates;
  }

  async balance(): Promise<VenueBalance> {
    const b = await this.api.balance();
    return {
      cash: new Decimal(b.balance).div(100),
      portfolioValue: new Decimal(b.portfolio_value).div(100),
      asOf: new Date(b.updated_ts * 1000),
    };
  }

  async positions(): Promise<VenuePosition[]> {
    return (await this.api.positions()).map((p) => ({
      venueMarketId: p.ticker,
      contracts: new Decimal(p.position_fp).toNumber(),
      cost: new Decimal(p.market_exposure_dollars),
      feesPaid: new Decimal(p.fees_paid_dollars),
      realizedPnl: new Decimal(p.realized_pnl_dollars),
    }));
  }

  async settlements(since: Date): Promise<VenueSettlement[]> {
    return (await this.api.settlements({ min_ts: seconds(since) })).map((s) => ({
      venueMarketId: s.ticker,
      result: s.market_result,
      payoutPerContract: kalshiPayoutPerContract(s) ?? new Decimal(0),
      revenue: new Decimal(s.revenue).div(100),
      cost: new Decimal(s.yes_total_cost_dollars).plus(s.no_total_cost_dollars),
      fees: new Decimal(s.fee_cost),
      settledAt: new Date(s.settled_time),
    }));
  }
}
