import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  createLogger,
  createPluginContext,
  type FakeUpstream,
  fetchKalshiOdds,
  fetchOddsApiOdds,
  type GameRecord,
  generateDemoUpstream,
  type KnownGame,
  kalshiEventsPageSchema,
  kalshiMarketsPageSchema,
  localSourceEnv,
  oddsApiOddsResponseSchema,
  resetRateLimits,
  type SportPlugin,
  startFakeUpstream,
} from "@edgeline/core";
// The bundled plugins are the real consumers of the demo payloads: the demo is valid when they parse it.
import { ESPN_LEAGUES, espnPlugin, espnScoreboardSchema } from "@edgeline/sport-generic";
import { nhlPlugin, nhlSchedulePayloadSchema } from "@edgeline/sport-nhl";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const TODAY = "2026-11-28";
const silent = createLogger("demo-test", { EDGELINE_LOG_LEVEL: "silent" });
const readJson = (file: string): unknown => JSON.parse(readFileSync(file, "utf8"));
const filesIn = (dir: string) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => path.join(d.parentPath, d.name))
    .sort();

describe("demo upstream generator", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "edgeline-demo-"));
  let upstream: FakeUpstream;
  const nfl = espnPlugin(ESPN_LEAGUES.find((l) => l.code === "NFL")!);
  const epl = espnPlugin(ESPN_LEAGUES.find((l) => l.code === "EPL")!);
  const ctx = () =>
    createPluginContext({ env: localSourceEnv(upstream.url), logger: silent, httpDeps: { logger: silent } });
  const known = (games: GameRecord[]): KnownGame[] => games.map((g) => ({ ...g }));
  const window = { from: "2026-11-20", to: "2026-12-02" };

  beforeAll(async () => {
    await generateDemoUpstream({ outDir: dir, today: TODAY, seed: "test-seed" });
    upstream = await startFakeUpstream({ dataDir: dir, today: TODAY });
    resetRateLimits();
  });
  afterAll(() => upstream.close());

  it("is deterministic for a seed and day", async () => {
    const again = mkdtempSync(path.join(tmpdir(), "edgeline-demo-"));
    await generateDemoUpstream({ outDir: again, today: TODAY, seed: "test-seed" });
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
              : oddsApiOddsResponseSchema;
      const parsed = schema.safeParse(readJson(file));
      expect(parsed.success, `${name}: ${parsed.error?.message}`).toBe(true);
    }
  });

  const fetchGames = (plugin: SportPlugin) => plugin.fetchGames(window, ctx());

  it("gives the NHL plugin played and upcoming games, and Kalshi + Odds API odds for all upcoming ones", async () => {
    const games = await fetchGames(nhlPlugin);
    const played = games.filter((g) => g.gameDate < TODAY);
    expect(played.length).toBeGreaterThan(20);
    expect(played.every((g) => g.status === "Final" && g.homeScore !== null)).toBe(true);
    const upcoming = games.filter((g) => g.gameDate >= TODAY);
    expect(upcoming.every((g) => g.status === "Scheduled")).toBe(true);

    const kalshi = ctx().http({ source: "kalshi", baseUrlKey: "kalshi" });
    const k = await fetchKalshiOdds(kalshi, nhlPlugin.kalshi, known(games), window, {
      observedAt: new Date(`${TODAY}T12:00:00Z`),
    });
    expect(k.unmatched).toEqual([]);
    expect(new Set(k.records.map((r) => r.gameId))).toEqual(new Set(upcoming.map((g) => g.gameId)));
    expect(k.records.every((r) => r.price.gt(1) && r.price.lt(100))).toBe(true);

    const oddsClient = ctx().http({ source: "the-odds-api", baseUrlKey: "oddsApi" });
    const o = await fetchOddsApiOdds(oddsClient, nhlPlugin.oddsApi, known(games), {
      apiKey: "demo",
      logger: silent,
    });
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
    const games = await fetchGames(nfl);
    expect(games.length).toBeGreaterThan(5);
    const kalshi = ctx().http({ source: "kalshi", baseUrlKey: "kalshi" });
    const k = await fetchKalshiOdds(kalshi, nfl.kalshi!, known(games), window);
    expect(k.unmatched).toEqual([]);
    expect(k.records.length).toBe(2 * games.filter((g) => g.status === "Scheduled").length);
    const markets = kalshiMarketsPageSchema.parse(
      readJson(path.join(dir, "kalshi", "markets-KXNFLGAME.json")),
    ).markets;
    const jac = markets.filter((m) => /JAC/.test(m.event_ticker));
    expect(jac.length).toBeGreaterThan(0);
  });

  it("gives the EPL plugin 3-way odds with a draw", async () => {
    const games = await fetchGames(epl);
    expect(games.filter((g) => g.status === "Final").length).toBeGreaterThan(3);
    expect(games.filter((g) => g.status === "Scheduled").length).toBeGreaterThan(0);
    const o = await fetchOddsApiOdds(
      ctx().http({ source: "the-odds-api", baseUrlKey: "oddsApi" }),
      epl.oddsApi!,
      known(games),
      {
        apiKey: "demo",
        logger: silent,
        commenceTo: new Date(`${window.to}T23:59:59Z`),
      },
    );
    expect(o.unmatched).toEqual([]);
    expect(o.records.some((r) => r.outcomeName === "draw" && r.marketName === "moneyline")).toBe(true);
  });
});
