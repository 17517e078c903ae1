// The signed half of the Kalshi Trade API v2: balance, positions, fills, settlements, orders, and
// creating and cancelling orders. Every request goes through the SDK's HttpClient (timeouts,
// retries on 429/5xx honouring Retry-After, the per-host rate limit), signed afresh before every
// attempt so a retry never carries a stale timestamp.
import type { HttpClient, HttpMethod, QueryValue } from "@edgeline/sdk";
import { z } from "zod";
import {
  type KalshiCreateOrderV2Request,
  type KalshiOrder,
  kalshiBalanceSchema,
  kalshiCreateOrderV2ResponseSchema,
  kalshiFillsPageSchema,
  kalshiOrderResponseSchema,
  kalshiOrdersPageSchema,
  kalshiPositionsPageSchema,
  kalshiSettlementsPageSchema,
} from "./kalshi-portfolio-schemas.ts";
import { type KalshiApiKey, kalshiAuthHeaders } from "./kalshi-signing.ts";

/** Rows per page: the spec's maximum is 1000; 200 keeps a page small. */
const PAGE = 200;

type Query = Record<string, QueryValue>;

export class KalshiTradeApi {
  constructor(
    readonly http: HttpClient,
    private readonly key: KalshiApiKey,
    /** Clock of the signatures' timestamps (ms). */
    private readonly now: () => number = Date.now,
  ) {}

  private async call<T>(
    method: HttpMethod,
    path: string,
    schema: z.ZodType<T>,
    query?: Query,
    body?: unknown,
  ) {
    const { data } = await this.http.requestJson(method, path, schema, {
      ...(query ? { query } : {}),
      ...(body === undefined ? {} : { body }),
      authorize: (request) => kalshiAuthHeaders(this.key, request.method, request.url, this.now()),
    });
    return data;
  }

  /** Every row of a cursor-paged listing (an empty cursor marks the last page). */
  private async all<P extends { cursor?: string | null | undefined }, R>(
    path: string,
    schema: z.ZodType<P>,
    rowsOf: (page: P) => R[],
    query: Query,
  ): Promise<R[]> {
    const rows: R[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.call("GET", path, schema, { ...query, limit: PAGE, cursor });
      rows.push(...rowsOf(page));
      cursor = page.cursor || undefined;
    } while (cursor);
    return rows;
  }

  balance() {
    return this.call("GET", "/portfolio/balance", kalshiBalanceSchema);
  }

  /** Market positions with a non-zero position. */
  positions(query: { ticker?: string } = {}) {
    return this.all("/portfolio/positions", kalshiPositionsPageSchema, (p) => p.market_positions, {
      count_filter: "position",
      ...query,
    });
  }

  fills(query: { ticker?: string; order_id?: string; min_ts?: number } = {}) {
    return this.all("/portfolio/fills", kalshiFillsPageSchema, (p) => p.fills, query);
  }

  settlements(query: { ticker?: string; min_ts?: number } = {}) {
    return this.all("/portfolio/settlements", kalshiSettlementsPageSchema, (p) => p.settlements, query);
  }

  orders(query: { ticker?: string; status?: string; min_ts?: number } = {}): Promise<KalshiOrder[]> {
    return this.all("/portfolio/orders", kalshiOrdersPageSchema, (p) => p.orders, query);
  }

  async order(orderId: string): Promise<KalshiOrder> {
    return (
      await this.call("GET", `/portfolio/orders/${encodeURIComponent(orderId)}`, kalshiOrderResponseSchema)
    ).order;
  }

  /** Create Order V2. A 409 means the client_order_id was used before (the order exists). */
  createOrder(body: KalshiCreateOrderV2Request) {
    return this.call("POST", "/portfolio/events/orders", kalshiCreateOrderV2ResponseSchema, undefined, body);
  }

  /** Cancels what rests of an order; the order is read back by the caller (the V2 body is not relied on). */
  async cancelOrder(orderId: string): Promise<void> {
    await this.call("DELETE", `/portfolio/events/orders/${encodeURIComponent(orderId)}`, z.unknown());
  }
}
