import { addDays, type FakeContext, type FakeRoute, json } from "@edgeline/sdk";

type Event = {
  commence_time?: string;
  bookmakers?: Array<{ key?: string; markets?: Array<{ key?: string }> }>;
};
const FOLDER = "the-odds-api";

/** Credits of a fresh key; the headers count down per call like the real ones. */
const QUOTA = 500;

function quotaHeaders(counters: Map<string, number>, cost: number): Record<string, string> {
  const used = (counters.get("odds-api-credits") ?? 0) + cost;
  counters.set("odds-api-credits", used);
  return {
    "x-requests-remaining": String(Math.max(0, QUOTA - used)),
    "x-requests-used": String(used),
    "x-requests-last": String(cost),
  };
}

/** Applies the real query filters: commence window, bookmakers, markets. */
function filterEvents(events: Event[], query: URLSearchParams): Event[] {
  const from = query.get("commenceTimeFrom");
  const to = query.get("commenceTimeTo");
  const books = query.get("bookmakers")?.split(",");
  const markets = query.get("markets")?.split(",") ?? ["h2h"];
  return events
    .filter((e) => (!from || (e.commence_time ?? "") >= from) && (!to || (e.commence_time ?? "") <= to))
    .map((e) => ({
      ...e,
      bookmakers: (e.bookmakers ?? [])
        .filter((b) => !books || books.includes(b.key ?? ""))
        .map((b) => ({ ...b, markets: (b.markets ?? []).filter((m) => markets.includes(m.key ?? "")) })),
    }));
}

/**
 * The Odds API v4 over files `the-odds-api/odds-{sport}-*.json` (a file whose name holds
 * `-{oddsFormat}-` is preferred, since prices depend on the format), `scores-{sport}*.json`,
 * `historical-odds-{sport}-{date}*.json`. Quota headers are added as the real API sends them.
 */

type Snapshot = { timestamp: string; data?: Event[] };
/** How many days back a historical request looks for a snapshot (files are named by their UTC day). */
const HISTORY_DAYS_BACK = 2;

/**
 * The snapshot the real API answers `date` with: the latest taken at or before it, among the files
 * `historical-odds-{sport}-{day}*.json` of that day and the days just before.
 */
async function snapshotAt(
  sport: string,
  date: string,
  { store }: FakeContext,
): Promise<Snapshot | undefined> {
  const instant = Date.parse(date);
  if (Number.isNaN(instant)) return undefined;
  const day = new Date(instant).toISOString().slice(0, 10);
  let best: Snapshot | undefined;
  for (let back = HISTORY_DAYS_BACK; back >= 0; back--) {
    for (const file of await store.find(FOLDER, `historical-odds-${sport}-${addDays(day, -back)}`)) {
      const snapshot = (await store.read(file)) as Snapshot;
      const t = Date.parse(snapshot.timestamp);
      if (t <= instant && (!best || t > Date.parse(best.timestamp))) best = snapshot;
    }
  }
  return best;
}
export const oddsApiRoutes: FakeRoute[] = [
  {
    name: "odds-api sports",
    pattern: /^\/v4\/sports\/?$/,
    async handle(_request, { store }) {
      const files = await store.find(FOLDER, "odds-");
      const keys = [...new Set(files.map((f) => /odds-([a-z0-9_]+)-/.exec(f)?.[1]).filter(Boolean))];
      return json(
        keys.map((key) => ({
          key,
          group: "",
          title: key,
          description: "",
          active: true,
          has_outrights: false,
        })),
      );
    },
  },
  {
    name: "odds-api odds",
    pattern: /^\/v4\/sports\/([a-z0-9_]+)\/odds\/?$/,
    async handle({ params: [sport], query }, { store, counters }) {
      const files = await store.find(FOLDER, `odds-${sport}-`);
      const format = query.get("oddsFormat") ?? "decimal";
      const file = files.find((f) => f.includes(`-${format}-`)) ?? files[0];
      if (!file) return undefined;
      const events = filterEvents((await store.read(file)) as Event[], query);
      const regions = (query.get("regions") ?? "us").split(",").length;
      const markets = (query.get("markets") ?? "h2h").split(",").length;
      return json(events, quotaHeaders(counters, regions * markets));
    },
  },
  {
    name: "odds-api scores",
    pattern: /^\/v4\/sports\/([a-z0-9_]+)\/scores\/?$/,
    async handle({ params: [sport], query }, { store, counters }) {
      const body = await store.first(FOLDER, `scores-${sport}`);
      return body === undefined
        ? undefined
        : json(body, quotaHeaders(counters, query.get("daysFrom") ? 2 : 1));
    },
  },
  {
    name: "odds-api historical odds",
    pattern: /^\/v4\/historical\/sports\/([a-z0-9_]+)\/odds\/?$/,
    async handle({ params: [sport], query }, context) {
      const snapshot = await snapshotAt(sport!, query.get("date") ?? "", context);
      if (!snapshot) return undefined;
      const markets = (query.get("markets") ?? "h2h").split(",").length;
      const regions = (query.get("regions") ?? "us").split(",").length;
      // History costs ten times the live price: 10 credits per region per market.
      return json(
        { ...snapshot, data: filterEvents(snapshot.data ?? [], query) },
        quotaHeaders(context.counters, 10 * regions * markets),
      );
    },
  },
];
