// The fake Kalshi exchange over HTTP, in the Trade API v2 shapes the broker reads: every portfolio
// request must carry a valid RSA-PSS signature of the account's key (verified with its public
// key) and a fresh timestamp, else 401; a reused client_order_id is a 409 (the spec's
// ConflictError); errors have the spec's ErrorResponse shape. Served by the fake upstream next to
// the market-data routes (fake-kalshi.ts).
import { createPublicKey, type KeyObject } from "node:crypto";
import { type FakeContext, type FakeRequest, type FakeResponse, type FakeRoute, json } from "@edgeline/sdk";
import { Decimal } from "decimal.js";
import { z } from "zod";
import { recordedMarkets } from "./fake-kalshi.ts";
import { FakeExchangeRefusal, FakeKalshiState, type FakeMarketResult } from "./fake-kalshi-exchange.ts";
import {
  count,
  error,
  fillJson,
  iso,
  orderJson,
  page,
  settlementJson,
  since,
  usd,
} from "./fake-kalshi-exchange-json.ts";
import { countString } from "./kalshi-portfolio-schemas.ts";
import { dollarString } from "./kalshi-schemas.ts";
import {
  KALSHI_ACCESS_KEY,
  KALSHI_ACCESS_SIGNATURE,
  KALSHI_ACCESS_TIMESTAMP,
  verifyKalshiSignature,
} from "./kalshi-signing.ts";

export interface FakeKalshiExchangeOptions {
  /** The account's API key id and the public half of its RSA key (PEM or KeyObject). */
  keyId: string;
  publicKey: string | KeyObject;
  /** Starting cash in dollars. @defaultValue 1000 */
  cash?: Decimal.Value;
  /** How far a request's timestamp may be from the exchange's clock. @defaultValue 10_000 ms */
  maxClockSkewMs?: number;
  /** The exchange's clock (ms). @defaultValue Date.now */
  now?: () => number;
  /**
   * Follow the market data the fake upstream serves (`kalshi/markets-*.json`): a ticker no test
   * offered is listed with its recorded YES ask and size, and a market recorded as finalized
   * settles by its recorded result. So the demo's markets trade and settle as they are quoted.
   * @defaultValue true
   */
  followRecordings?: boolean;
}

const RECORDED_RESULT: Record<string, FakeMarketResult> = {
  yes: "yes",
  no: "no",
  void: "void",
  scalar: "tie",
};

/** A refused request, for tests to assert on. */
export interface FakeRefusal {
  method: string;
  path: string;
  status: number;
  code: string;
}

const PREFIX = "/trade-api/v2";

const createBody = z.object({
  ticker: z.string().min(1),
  client_order_id: z.string().min(1),
  side: z.enum(["bid", "ask"]),
  count: countString,
  price: dollarString,
  time_in_force: z.enum(["fill_or_kill", "good_till_canceled", "immediate_or_cancel"]),
  self_trade_prevention_type: z.enum(["taker_at_cross", "maker"]),
  expiration_time: z.number().int().optional(),
  post_only: z.boolean().optional(),
});

const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

export class FakeKalshiExchange {
  readonly state: FakeKalshiState;
  readonly refusals: FakeRefusal[] = [];
  readonly routes: FakeRoute[];
  private readonly publicKey: KeyObject;

  constructor(private readonly options: FakeKalshiExchangeOptions) {
    this.state = new FakeKalshiState(options.cash ?? 1000, options.now ?? Date.now);
    this.publicKey =
      typeof options.publicKey === "string" ? createPublicKey(options.publicKey) : options.publicKey;
    this.routes = this.buildRoutes();
  }

  /** Why a request is not the account's, freshly signed; undefined when it is. */
  private authError(req: FakeRequest): FakeResponse | undefined {
    const header = (name: string) => req.headers[name.toLowerCase()];
    const [keyId, signature, stamp] = [
      KALSHI_ACCESS_KEY,
      KALSHI_ACCESS_SIGNATURE,
      KALSHI_ACCESS_TIMESTAMP,
    ].map(header);
    if (!keyId || !signature || !stamp)
      return error(401, "authentication_error", "missing KALSHI-ACCESS-KEY, -SIGNATURE or -TIMESTAMP");
    if (keyId !== this.options.keyId) return error(401, "authentication_error", "unknown API key");
    const skew = Math.abs(this.state.now() - Number(stamp));
    if (!/^\d+$/.test(stamp) || skew > (this.options.maxClockSkewMs ?? 10_000))
      return error(
        401,
        "authentication_error",
        `KALSHI-ACCESS-TIMESTAMP ${stamp} is outside the accepted window`,
      );
    if (
      !verifyKalshiSignature(this.publicKey, {
        timestampMs: stamp,
        method: req.method,
        path: req.path,
        signature,
      })
    )
      return error(401, "authentication_error", "INCORRECT_API_KEY_SIGNATURE");
    return undefined;
  }

  /**
   * Lists the recorded market of an order's ticker the exchange does not know yet, and settles
   * known markets the recordings say are finalized.
   */
  private async follow(req: FakeRequest, store: FakeContext["store"]): Promise<void> {
    if (this.options.followRecordings === false) return;
    const ticker = req.method === "POST" ? createBody.safeParse(parseJson(req.body)).data?.ticker : undefined;
    const unsettled = this.state.unsettled();
    if (unsettled.length === 0 && (ticker === undefined || this.state.knows(ticker))) return;
    const recorded = await recordedMarkets(store);
    const market = ticker === undefined || this.state.knows(ticker) ? undefined : recorded.get(ticker);
    if (ticker && market) {
      const ask = typeof market.yes_ask_dollars === "string" ? market.yes_ask_dollars : undefined;
      const size = Math.floor(Number(market.yes_ask_size_fp ?? 0));
      this.state.offer(ticker, ask && Number(ask) > 0 ? ask : undefined, size);
      unsettled.push(ticker);
    }
    for (const t of unsettled) {
      const m = recorded.get(t);
      const result = RECORDED_RESULT[String(m?.result ?? "")];
      if (result && ["determined", "finalized", "settled"].includes(String(m?.status)))
        this.state.settle(t, result);
    }
  }

  /** A route whose handler runs only for signed requests; refusals are answered and recorded. */
  private signed(
    name: string,
    methods: string[],
    path: string,
    handle: (req: FakeRequest) => FakeResponse,
  ): FakeRoute {
    return {
      name,
      methods,
      pattern: new RegExp(`^${PREFIX}${path}$`),
      handle: async (req, ctx) => {
        let response = this.authError(req);
        if (!response) {
          try {
            await this.follow(req, ctx.store);
            this.state.expire();
            response = handle(req);
          } catch (e) {
            if (!(e instanceof FakeExchangeRefusal)) throw e;
            response = error(e.status, e.code, e.message);
          }
        }
        const status = response.status ?? 200;
        if (status >= 400)
          this.refusals.push({
            method: req.method,
            path: req.path,
            status,
            code: String((response.body as { code?: string }).code),
          });
        return response;
      },
    };
  }

  private buildRoutes(): FakeRoute[] {
    const s = this.state;
    return [
      this.signed("kalshi balance", ["GET"], "/portfolio/balance", () =>
        json({
          balance: s.available().times(100).floor().toNumber(),
          portfolio_value: s
            .openPositions()
            .reduce((sum, p) => sum.plus(p.cost), new Decimal(0))
            .times(100)
            .floor()
            .toNumber(),
          updated_ts: Math.floor(s.now() / 1000),
        }),
      ),
      this.signed("kalshi positions", ["GET"], "/portfolio/positions", ({ query }) =>
        page(
          s
            .openPositions()
            .filter((p) => !query.get("ticker") || p.ticker === query.get("ticker"))
            .map((p) => ({
              ticker: p.ticker,
              position_fp: count(p.contracts),
              market_exposure_dollars: usd(p.cost),
              realized_pnl_dollars: usd(new Decimal(0)),
              resting_orders_count: 0,
              fees_paid_dollars: usd(p.fees),
              total_traded_dollars: usd(p.traded),
              last_updated_ts: iso(s.now()),
            })),
          query,
          "market_positions",
          { event_positions: [] },
        ),
      ),
      this.signed("kalshi fills", ["GET"], "/portfolio/fills", ({ query }) =>
        page(
          s.fills
            .filter((f) => (!query.get("ticker") || f.ticker === query.get("ticker")) && since(query, f.atMs))
            .filter((f) => !query.get("order_id") || f.orderId === query.get("order_id"))
            .map(fillJson),
          query,
          "fills",
        ),
      ),
      this.signed("kalshi settlements", ["GET"], "/portfolio/settlements", ({ query }) =>
        page(
          s.settlements
            .filter((x) => (!query.get("ticker") || x.ticker === query.get("ticker")) && since(query, x.atMs))
            .map(settlementJson),
          query,
          "settlements",
        ),
      ),
      this.signed("kalshi orders", ["GET"], "/portfolio/orders", ({ query }) =>
        page(
          s.orders
            .filter(
              (o) => (!query.get("ticker") || o.ticker === query.get("ticker")) && since(query, o.createdMs),
            )
            .filter((o) => !query.get("status") || o.status === query.get("status"))
            .map(orderJson),
          query,
          "orders",
        ),
      ),
      this.signed("kalshi order", ["GET"], "/portfolio/orders/([^/]+)", ({ params: [id] }) => {
        const order = s.orders.find((o) => o.orderId === id);
        return order ? json({ order: orderJson(order) }) : error(404, "not_found", `no order ${id}`);
      }),
      this.signed("kalshi create order v2", ["POST"], "/portfolio/events/orders", ({ body }) => {
        const parsed = createBody.safeParse(parseJson(body));
        if (!parsed.success)
          return error(400, "invalid_parameters", parsed.error.issues[0]?.message ?? "invalid");
        const o = parsed.data;
        if (o.side !== "bid")
          return error(400, "invalid_parameters", "the fake exchange takes bids (buy YES) only");
        const contracts = new Decimal(o.count);
        if (!contracts.isInteger() || contracts.lte(0))
          return error(400, "invalid_parameters", "count must be whole contracts");
        const order = s.place({
          ticker: o.ticker,
          clientOrderId: o.client_order_id,
          price: new Decimal(o.price),
          count: contracts.toNumber(),
          timeInForce: o.time_in_force,
          ...(o.expiration_time === undefined ? {} : { expiresAt: o.expiration_time }),
        });
        const filledCost = order.cost.taker.plus(order.cost.maker);
        const fees = order.fees.taker.plus(order.fees.maker);
        return {
          status: 201,
          body: {
            order_id: order.orderId,
            client_order_id: order.clientOrderId,
            fill_count: count(order.filled),
            remaining_count: count(order.initial - order.filled),
            ...(order.filled > 0
              ? {
                  average_fill_price: usd(filledCost.div(order.filled)),
                  average_fee_paid: usd(fees.div(order.filled)),
                }
              : {}),
          },
        };
      }),
      this.signed(
        "kalshi cancel order v2",
        ["DELETE"],
        "/portfolio/events/orders/([^/]+)",
        ({ params: [id] }) => {
          const { order, reducedBy } = s.cancel(id ?? "");
          return json({
            order_id: order.orderId,
            client_order_id: order.clientOrderId,
            reduced_by: count(reducedBy),
          });
        },
      ),
    ];
  }
}
