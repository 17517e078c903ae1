// scratch: dumps per-fold tuned Elo and per-game rows (not committed)
import { writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { importHistory } from "../packages/api/src/imports/import-history.ts";
import { pipelinePool } from "../packages/api/src/worker/deps.ts";
import {
  defaultEloGrid, defaultStrategy, type EloGrid, loadBacktestHistory, loadPlugins, PreparedHistory,
  type ResolvedSportModel, SportForecaster, type Strategy, tune,
} from "../packages/core/src/index.ts";
import { knownQuotes, marketConsensus } from "../packages/core/src/recommendation/quotes.ts";
import { createTestDatabase } from "../packages/core/src/testing/index.ts";
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const sbr = path.resolve(repoRoot, "../shared/datasets/sbr");
const code = process.argv[2] as "NBA" | "NHL";
const db = await createTestDatabase();
const pg = pipelinePool(db.url);
const registry = await loadPlugins({ env: {}, cwd: repoRoot });
const outcome = await importHistory(pg, registry, { kind: "sbr", sport: code, paths: [path.join(sbr, code.toLowerCase())], skipBadRows: true });
if (!outcome.ok) throw new Error("import");
const sport = registry.sport(code);
const h = new PreparedHistory(await loadBacktestHistory(pg, sport.plugin, { to: "2100-01-01", markets: ["moneyline"] }), ["moneyline"]);
await pg.end(); await db.drop();
const spans = new Map<number, { season: number; from: string; to: string }>();
for (const g of h.history.games) { const s = spans.get(g.season); if (!s) spans.set(g.season, { season: g.season, from: g.date, to: g.date }); else s.to = g.date; }
const ss = [...spans.values()].sort((a, b) => a.season - b.season);
const base = sport.model;
const eloGrid: EloGrid = {
  ...defaultEloGrid(base.elo),
  schedule: code === "NBA" ? { backToBack: [0, 25, 50], rested: [0, 15, 30], playoffMultiplier: [1, 1.25, 1.5] } : { backToBack: [0, 15, 30], rested: [0, 15], playoffMultiplier: [1, 1.25] },
  marketUpdate: code === "NBA" ? { share: [0.3, 0.5], kFactor: [5, 10], homeAdvantage: [60, 70, 80, 90] } : { share: [0.3, 0.5], kFactor: [3, 6], homeAdvantage: [15, 25, 35, 45] },
};
const strategy: Strategy = { ...defaultStrategy(), prices: code === "NHL" ? { at: "opening" } : { at: "closing" }, markets: ["moneyline"] };
const options = { thresholds: sport.thresholds, markets: ["moneyline"] as const, venueRules: (b: string) => registry.rulesFor(b) };
const all = () => true;
const mkt = (i: number, at: "opening" | "closing") => {
  const g = h.history.games[i]!;
  const d = h.decision(i, { at });
  if (!d) return null;
  const c = marketConsensus(knownQuotes(g.gameId, d.odds, d.decidedAt, g.commenceTime, ["moneyline"]), 2).moneyline;
  return c ? c[0] : null;
};
const folds: unknown[] = [];
for (const span of ss.slice(1)) {
  const trainTo = ss[ss.indexOf(span) - 1]!.to;
  const tuned = tune(h, { from: ss[0]!.from, trainTo, eloGrid, thresholdGrid: { minEdge: [0.02, 0.03, 0.05, 0.08], kellyFraction: [0.25] }, abstainWhenLosing: true, backtest: { ...options, model: base, strategy } });
  const model: ResolvedSportModel = { ...base, elo: tuned.elo };
  const f = new SportForecaster(model, h.eloGames, h.history.ways);
  const rows: unknown[] = [];
  h.history.games.forEach((g, i) => {
    if (g.date > span.to || !h.isPlayed(i) || g.homeScore === g.awayScore) return;
    const p = f.forecast(i, g.date);
    if (!p) return;
    rows.push([i, g.season, g.date, p.moneyline[0], h.closing(i, all).moneyline?.[0] ?? null, mkt(i, "opening"), g.homeScore! > g.awayScore! ? 1 : 0]);
  });
  folds.push({ season: span.season, trainTo, elo: tuned.elo, thresholds: tuned.thresholds, kelly: tuned.kellyFraction, thresholdPoints: tuned.thresholdPoints, rows });
  console.log(span.season, tuned.thresholds.minEdge, JSON.stringify(tuned.thresholdPoints));
}
writeFileSync(`/tmp/sbrx/${code}.json`, JSON.stringify({ seasons: ss, folds }));
