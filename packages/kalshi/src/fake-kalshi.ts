import { type FakeContext, type FakeResponse, type FakeRoute, json } from "@edgeline/sdk";

type Row = Record<string, unknown>;
const PREFIX = "/trade-api/v2";

/** The query filter says `open`, a market says `active`: same mapping as the real exchange. */
const STATUS_FILTER: Record<string, string[]> = {
  open: ["active", "open"],
  closed: ["closed", "inactive"],
  settled: ["settled", "determined", "finalized"],
  unopened: ["initialized", "unopened"],
};
const FAKE_CURSOR = "fake-offset:";

/**
 * Serves rows from files `kalshi/{kind}-{key}*.json` (markets, events) with the real query
 * semantics: filters, `limit`, and a `cursor`. The server paginates itself with its own cursors;
 * a cursor it did not issue (e.g. one inside a recorded page) gets an empty last page.
 */
async function listing(
  kind: "markets" | "events",
  key: string | null,
  query: URLSearchParams,
  { store }: FakeContext,
  archivedOnly = false,
): Promise<FakeResponse> {
  // An event's markets are in its own file (recorded) or in its series' file (the demo's).
  const series = key?.split("-")[0];
  const files = key
    ? [
        ...new Set([
          ...(await store.find("kalshi", `${kind}-${key}`)),
          ...(await store.find("kalshi", `${kind}-${series}.`)),
        ]),
      ]
    : await store.find("kalshi", `${kind}-`);
  const rows: Row[] = [];
  const seen = new Set<string>();
  const idField = kind === "markets" ? "ticker" : "event_ticker";
  for (const file of files) {
    const page = (await store.read(file)) as Record<string, unknown>;
    for (const row of (page[kind] as Row[] | undefined) ?? []) {
      const id = String(row[idField]);
      if (!seen.has(id)) rows.push(row);
      seen.add(id);
    }
  }
  // The historical archive holds settled markets only.
  let filtered = archivedOnly ? rows.filter((r) => STATUS_FILTER.settled!.includes(String(r.status))) : rows;
  const status = query.get("status");
  // Recorded events carry no status field; only rows that say their status are filtered on it.
  if (status) {
    filtered = filtered.filter(
      (r) => r.status === undefined || (STATUS_FILTER[status] ?? [status]).includes(String(r.status)),
    );
  }
  const eventTicker = query.get("event_ticker");
  if (eventTicker) filtered = filtered.filter((r) => r.event_ticker === eventTicker);
  const tickers = query.get("tickers")?.split(",");
  if (tickers) filtered = filtered.filter((r) => tickers.includes(String(r.ticker)));

  const cursor = query.get("cursor");
  if (cursor && !cursor.startsWith(FAKE_CURSOR)) return json({ [kind]: [], cursor: "", ...extra(kind) });
  const offset = cursor ? Number(cursor.slice(FAKE_CURSOR.length)) : 0;
  const limit = Number(query.get("limit") ?? 100);
  const slice = filtered.slice(offset, offset + limit);
  const next = offset + limit < filtered.length ? `${FAKE_CURSOR}${offset + limit}` : "";
  // A single recorded page served whole keeps its recorded cursor, so clients meet a real one.
  const recordedCursor =
    files.length === 1 && !cursor && next === "" ? await recordedCursorOf(files[0]!, store) : "";
  return json({ [kind]: slice, cursor: next || recordedCursor, ...extra(kind) });
}

async function recordedCursorOf(file: string, store: FakeContext["store"]): Promise<string> {
  const page = (await store.read(file)) as { cursor?: unknown };
  return typeof page.cursor === "string" ? page.cursor : "";
}

/** Every market of the files `kalshi/markets-*.json` by ticker (the first file naming one wins). */
export async function recordedMarkets(store: FakeContext["store"]): Promise<Map<string, Row>> {
  const markets = new Map<string, Row>();
  for (const file of await store.find("kalshi", "markets-")) {
    const page = (await store.read(file)) as { markets?: Row[] };
    for (const m of page.markets ?? []) if (!markets.has(String(m.ticker))) markets.set(String(m.ticker), m);
  }
  return markets;
}

const extra = (kind: string) => (kind === "events" ? { milestones: [] } : {});

/**
 * A market's trades from files `kalshi/trades-{ticker}*.json`, newest first as Kalshi sends them,
 * with `min_ts`/`max_ts` (Unix seconds, inclusive), `limit` and an offset cursor. A market that
 * never traded has an empty page, as on the real exchange.
 */
async function trades(query: URLSearchParams, { store }: FakeContext): Promise<FakeResponse> {
  const ticker = query.get("ticker") ?? "";
  const rows: Row[] = [];
  const seen = new Set<string>();
  for (const file of ticker ? await store.find("kalshi", `trades-${ticker}`) : []) {
    for (const t of ((await store.read(file)) as { trades?: Row[] }).trades ?? []) {
      if (t.ticker !== ticker || seen.has(String(t.trade_id))) continue;
      seen.add(String(t.trade_id));
      rows.push(t);
    }
  }
  const seconds = (t: Row) => Math.floor(Date.parse(String(t.created_time)) / 1000);
  const min = query.get("min_ts");
  const max = query.get("max_ts");
  const filtered = rows
    .filter((t) => (min === null || seconds(t) >= Number(min)) && (max === null || seconds(t) <= Number(max)))
    .sort((a, b) => Date.parse(String(b.created_time)) - Date.parse(String(a.created_time)));
  const cursor = query.get("cursor");
  const offset = cursor?.startsWith(FAKE_CURSOR) ? Number(cursor.slice(FAKE_CURSOR.length)) : 0;
  const limit = Number(query.get("limit") ?? 100);
  const next = offset + limit < filtered.length ? `${FAKE_CURSOR}${offset + limit}` : "";
  return json({ trades: filtered.slice(offset, offset + limit), cursor: next });
}

export const kalshiRoutes: FakeRoute[] = [
  {
    name: "kalshi markets",
    pattern: new RegExp(`^${PREFIX}/markets$`),
    handle: ({ query }, ctx) =>
      listing("markets", query.get("series_ticker") ?? query.get("event_ticker"), query, ctx),
  },
  {
    name: "kalshi events",
    pattern: new RegExp(`^${PREFIX}/events$`),
    handle: ({ query }, ctx) => listing("events", query.get("series_ticker"), query, ctx),
  },
  {
    name: "kalshi series",
    pattern: new RegExp(`^${PREFIX}/series/([A-Z0-9-]+)$`),
    async handle({ params: [ticker] }, { store }) {
      const body = await store.first("kalshi", `series-${ticker}`);
      return body === undefined ? undefined : json(body);
    },
  },
  {
    name: "kalshi orderbook",
    pattern: new RegExp(`^${PREFIX}/markets/([A-Z0-9.-]+)/orderbook$`),
    async handle({ params: [ticker] }, { store }) {
      const body = await store.first("kalshi", `orderbook-${ticker}`);
      return body === undefined ? undefined : json(body);
    },
  },
  {
    name: "kalshi trades",
    pattern: new RegExp(`^${PREFIX}/markets/trades$`),
    handle: ({ query }, ctx) => trades(query, ctx),
  },
  {
    name: "kalshi historical trades",
    pattern: new RegExp(`^${PREFIX}/historical/trades$`),
    handle: ({ query }, ctx) => trades(query, ctx),
  },
  {
    name: "kalshi historical markets",
    pattern: new RegExp(`^${PREFIX}/historical/markets$`),
    handle: ({ query }, ctx) =>
      listing("markets", query.get("series_ticker") ?? query.get("event_ticker"), query, ctx, true),
  },
  {
    name: "kalshi market",
    pattern: new RegExp(`^${PREFIX}/markets/([A-Z0-9.-]+)$`),
    async handle({ params: [ticker] }, { store }) {
      const market = (await recordedMarkets(store)).get(ticker ?? "");
      return market ? json({ market }) : undefined;
    },
  },
];
