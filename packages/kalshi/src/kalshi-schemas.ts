import { z } from "zod";

/** Fixed-point dollar string as Kalshi sends prices ("0.8100", up to 6 dp). */
export const dollarString = z.string().regex(/^\d+(\.\d{1,6})?$/, "expected a dollar string like 0.8100");

/**
 * The market fields we read (spec v3.13). Unknown fields pass through untouched: Kalshi adds
 * fields often (`response_price_units`, `fractional_trading_enabled`), and that must not break us.
 * The legacy integer-cent fields (`yes_ask`, ...) are gone from the schema and are ignored.
 */
export const kalshiMarketSchema = z.looseObject({
  ticker: z.string().min(1),
  event_ticker: z.string().min(1),
  status: z.string(),
  market_type: z.string().optional(),
  title: z.string().optional(),
  yes_sub_title: z.string().optional(),
  // Required (spec v3.13 "required"; "0.0000" when nobody sells): the one price we read, so a
  // renamed field fails the step instead of every market silently yielding no row.
  yes_ask_dollars: dollarString,
  yes_bid_dollars: dollarString.optional(),
  no_ask_dollars: dollarString.optional(),
  no_bid_dollars: dollarString.optional(),
  last_price_dollars: dollarString.optional(),
  updated_time: z.string().optional(),
  occurrence_datetime: z.string().optional(),
  expected_expiration_time: z.string().optional(),
  result: z.string().optional(),
});
export type KalshiMarket = z.infer<typeof kalshiMarketSchema>;

/** `GET /markets`: an empty cursor marks the last page. */
export const kalshiMarketsPageSchema = z.object({
  markets: z.array(kalshiMarketSchema),
  cursor: z.string().nullish(),
});
export type KalshiMarketsPage = z.infer<typeof kalshiMarketsPageSchema>;

export const kalshiEventSchema = z.looseObject({
  event_ticker: z.string().min(1),
  series_ticker: z.string().min(1),
  title: z.string(),
  sub_title: z.string().optional(),
  mutually_exclusive: z.boolean().optional(),
});

/** `GET /events` */
export const kalshiEventsPageSchema = z.object({
  events: z.array(kalshiEventSchema),
  cursor: z.string().nullish(),
  milestones: z.array(z.unknown()).optional(),
});
export type KalshiEventsPage = z.infer<typeof kalshiEventsPageSchema>;

/** One executed trade (spec v3.13 `Trade`): the YES price paid and when. */
export const kalshiTradeSchema = z.looseObject({
  trade_id: z.string().min(1),
  ticker: z.string().min(1),
  count_fp: z.string().optional(),
  yes_price_dollars: dollarString,
  no_price_dollars: dollarString.optional(),
  taker_side: z.string().optional(),
  created_time: z.iso.datetime({ offset: true }),
});
export type KalshiTrade = z.infer<typeof kalshiTradeSchema>;

/** `GET /markets/trades` and `GET /historical/trades`: newest first; an empty cursor marks the last page. */
export const kalshiTradesPageSchema = z.object({
  trades: z.array(kalshiTradeSchema),
  cursor: z.string().nullish(),
});
