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
): Promise<FakeResponse> {
  const files = await store.find("kalshi", key ? `${kind}-${key}` : `${kind}-`);
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
  let filtered = rows;
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

const extra = (kind: string) => (kind === "events" ? { milestones: [] } : {});

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
    async handle({ query }, { store }) {
      const body = await store.first("kalshi", `trades-${query.get("ticker") ?? ""}`);
      return body === undefined ? undefined : json(body);
    },
  },
  {
    name: "kalshi market",
    pattern: new RegExp(`^${PREFIX}/markets/([A-Z0-9.-]+)$`),
    async handle({ params: [ticker] }, { store }) {
      for (const file of await store.find("kalshi", "markets-")) {
        const page = (await store.read(file)) as { markets?: Row[] };
        const market = page.markets?.find((m) => m.ticker === ticker);
        if (market) return json({ market });
      }
      return undefined;
    },
  },
];
