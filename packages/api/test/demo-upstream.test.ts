import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  eachDay,
  type GameRecord,
  type KnownGame,
  loadPlugins,
  type OddsRecord,
  type PluginRegistry,
  resetRateLimits,
} from "@edgeline/core";
import { kalshiEventsPageSchema, kalshiMarketsPageSchema, kalshiTradesPageSchema } from "@edgeline/kalshi";
// The bundled plugins are the real consumers of the demo payloads: the demo is valid when they parse it.
import { espnScoreboardSchema } from "@edgeline/sport-generic";
import { nhlSchedulePayloadSchema } from "@edgeline/sport-nhl";
import {
  type FakeUpstream,
  fakeRoutesOf,
  generateDemoUpstream,
  localSourceEnv,
  startFakeUpstream,
} from "@edgeline/testkit";
import { oddsApiHistoricalOddsSchema, oddsApiOddsResponseSchema } from "@edgeline/the-odds-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoSports } from "./pipeline-helpers.ts";

const TODAY = "2026-11-28";
const repoRoot = path.join(import.meta.dirname, "../../..");
const readJson = (file: string): unknown => JSON.parse(readFileSync(file, "utf8"));
const filesIn = (dir: string) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => path.join(d.parentPath, d.name))
    .sort();

describe("demo upstream generator", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "edgeline-demo-"));
  let upstream: FakeUpstream;
  let bundled: PluginRegistry;
  /** The bundled plugins with every base URL on the fake upstream. */
  let plugins: PluginRegistry;
  const known = (games: GameRecord[]): KnownGame[] => games.map((g) => ({ ...g }));
  const window = { from: "2026-11-20", to: "2026-12-02" };

  beforeAll(async () => {
    bundled = await loadPlugins({ env: {}, cwd: repoRoot });
    await generateDemoUpstream({ sports: demoSports(bundled), outDir: dir, today: TODAY, seed: "test-seed" });
    const all = bundled.all().map((p) => p.plugin);
    upstream = await startFakeUpstream({ dataDir: dir, today: TODAY, routes: fakeRoutesOf(all) });
    plugins = await loadPlugins({
      env: { ...localSourceEnv(all, upstream.url), ODDS_API_KEY: "demo" },
      cwd: repoRoot,
    });
    resetRateLimits();
  });
  afterAll(() => upstream.close());

  it("is deterministic for a seed and day", async () => {
    const again = mkdtempSync(path.join(tmpdir(), "edgeline-demo-"));
    await generateDemoUpstream({
      sports: demoSports(bundled),
      outDir: again,
      today: TODAY,
      seed: "test-seed",
    });
    const a = filesIn(dir);
    expect(a.map((f) => path.relative(dir, f))).toEqual(filesIn(again).map((f) => path.relative(again, f)));
    for (const file of a)
      expect(readFileSync(file, "utf8")).toBe(
        readFileSync(path.join(again, path.relative(dir, file)), "utf8"),
      );
  });

  it("writes payloads the parsers' zod schemas accept", () => {
    for (const file of filesIn(dir)) {
      const name = path.basename(file);
      const schema = name.startsWith("schedule-")
        ? nhlSchedulePayloadSchema
        : name.includes("-scoreboard-")
          ? espnScoreboardSchema
          : name.startsWith("markets-")
            ? kalshiMarketsPageSchema
            : name.startsWith("events-")
              ? kalshiEventsPageSchema
              : name.startsWith("trades-")
                ? kalshiTradesPageSchema
                : name.startsWith("historical-odds-")
                  ? oddsApiHistoricalOddsSchema
                  : oddsApiOddsResponseSchema;
      const parsed = schema.safeParse(readJson(file));
      expect(parsed.success, `${name}: ${parsed.error?.message}`).toBe(true);
    }
  });

  const fetchGames = (code: string) => {
    const { plugin, context } = plugins.sport(code);
    return plugin.fetchGames(window, context);
  };
  /** A source's quotes for a sport's games, day by day over the window, as fetch_markets asks. */
  const fetchOdds = async (code: string, sourceName: string, games: GameRecord[]) => {
    const covering = plugins.sourcesFor(code).find((s) => s.source.plugin.name === sourceName);
    if (!covering) throw new Error(`${sourceName} does not cover ${code}`);
    const records: OddsRecord[] = [];
    const unmatched: Array<{ reason: string }> = [];
    for (const day of eachDay(window)) {
      const r = await covering.source.plugin.fetch(
        {
          sport: plugins.sport(code).view,
          options: covering.options,
          games: known(games.filter((g) => g.gameDate === day)),
          day,
          observedAt: new Date(`${TODAY}T12:00:00Z`),
        },
        covering.source.context,
      );
      records.push(...r.records);
      unmatched.push(...r.unmatched);
    }
    return { records, unmatched };
  };

  it("gives the NHL plugin played and upcoming games, and Kalshi + Odds API odds for all upcoming ones", async () => {
    const games = await fetchGames("NHL");
    const played = games.filter((g) => g.gameDate < TODAY);
    expect(played.length).toBeGreaterThan(20);
    expect(played.every((g) => g.status === "Final" && g.homeScore !== null)).toBe(true);
    const upcoming = games.filter((g) => g.gameDate >= TODAY);
    expect(upcoming.every((g) => g.status === "Scheduled")).toBe(true);

    const k = await fetchOdds("NHL", "kalshi", games);
    expect(k.unmatched).toEqual([]);
    expect(new Set(k.records.map((r) => r.gameId))).toEqual(new Set(upcoming.map((g) => g.gameId)));
    expect(k.records.every((r) => r.price.gt(1) && r.price.lt(100))).toBe(true);

    const o = await fetchOdds("NHL", "the-odds-api", games);
    expect(o.unmatched.filter((u) => u.reason.startsWith("unknown"))).toEqual([]);
    const matchedGames = new Set(o.records.map((r) => r.gameId));
    expect(upcoming.filter((g) => g.gameDate <= window.to).every((g) => matchedGames.has(g.gameId))).toBe(
      true,
    );
    expect(new Set(o.records.map((r) => r.bookmaker))).toEqual(
      new Set(["DraftKings", "FanDuel", "BetMGM", "Caesars"]),
    );
  });

  it("gives the ESPN NFL plugin games whose Kalshi tickers use Kalshi's JAC for Jacksonville", async () => {
    const games = await fetchGames("NFL");
    expect(games.length).toBeGreaterThan(5);
    const k = await fetchOdds("NFL", "kalshi", games);
    expect(k.unmatched).toEqual([]);
    expect(k.records.length).toBe(2 * games.filter((g) => g.status === "Scheduled").length);
    const markets = kalshiMarketsPageSchema.parse(
      readJson(path.join(dir, "kalshi", "markets-KXNFLGAME.json")),
    ).markets;
    const jac = markets.filter((m) => /JAC/.test(m.event_ticker));
    expect(jac.length).toBeGreaterThan(0);
  });

  it("gives the EPL plugin 3-way odds with a draw", async () => {
    const games = await fetchGames("EPL");
    expect(games.filter((g) => g.status === "Final").length).toBeGreaterThan(3);
    expect(games.filter((g) => g.status === "Scheduled").length).toBeGreaterThan(0);
    const o = await fetchOdds("EPL", "the-odds-api", games);
    // Asked day by day, the listing's events of other days match no game of that day; none is unknown.
    expect(o.unmatched.filter((u) => u.reason.startsWith("unknown"))).toEqual([]);
    expect(o.records.some((r) => r.outcomeName === "draw" && r.marketName === "moneyline")).toBe(true);
  });
});
