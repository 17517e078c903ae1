// NBA 2007-18 and NHL 2012-19 on the real SBR archive (../shared/datasets/sbr), end to end: both
// archives imported into an empty database with `edgeline import`'s code, then per sport, walk-forward
// by season: the model tuned on the earlier seasons only (tune.ts's grid, the schedule terms
// included), its forecasts of the season beside FiveThirtyEight's Elo and the de-vigged closing
// moneyline on the same games, and the betting probability: the blend of the model with the
// de-vigged price it bets into (NBA: the close, the archive has no opening moneyline; NHL: the
// open, the price its bets are struck at), its weight fitted on the games before each day, with
// the earlier seasons forecast out of sample (each by the model tuned before it) and shrunk toward
// the market by two standard errors; it is scored against that same market. The default strategy
// bets it with the thresholds that grew the bankroll most on the earlier seasons' out-of-sample
// bets, and nothing where none did; NHL at the opening price with its closing-line value. Beside
// it, as a reference, the raw model bet at every 3% edge. For the NBA, whose archive gives spread
// lines without prices, the same folds bet the opening spreads at an assumed -110 (the output says
// so), with the points the closing line moved toward each bet. The first season of each archive is
// warm-up only. Run alone with `pnpm exec tsx bench/sbr-history.ts` (`NHL` or `NBA` for one sport;
// `--speed` for the import and one ten-season backtest only).
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Decimal } from "decimal.js";
import { pipelinePool } from "../packages/api/src/worker/deps.ts";
import {
  type BacktestBet,
  backtest,
  bettingSummary,
  bookFilter,
  chooseThresholds,
  defaultEloGrid,
  defaultStrategy,
  type EloGrid,
  forecastReport,
  type GameForecast,
  loadBacktestHistory,
  loadPlugins,
  PreparedHistory,
  type ResolvedSportModel,
  runBacktest,
  SportForecaster,
  type Strategy,
  saveTunedPreset,
  type ThresholdOutcome,
  thresholdOutcome,
  tune,
} from "../packages/core/src/index.ts";
import { createTestDatabase } from "../packages/core/src/testing/index.ts";
import { importArchive, seasonLabel as label, repoRoot, sbrFolder, seasons } from "./sbr/archive.ts";
import { bettingLine, closingValue, spreadLine } from "./sbr/bet-lines.ts";
import { type BlendEvidence, blendEvidence, evidenceSummary } from "./sbr/blend-evidence.ts";
import { diff, f4, interval, pct, signed } from "./sbr/format.ts";
import {
  addBins,
  type Bins,
  binsLine,
  gapClosed,
  meanFittedWeight,
  pool,
  type Scored,
  scored,
} from "./sbr/scores.ts";

/**
 * Standard errors the blend's fitted weight is shrunk by toward the market (blend/fit-weight.ts):
 * 2, a one-sided 97.7% lower bound, so the model gets the weight the earlier games show it earned.
 */
const SHRINKAGE = 2;
/** The price the NBA spreads are bet at: the archive gives their lines only (said in the output). */
const ASSUMED_PRICE = -110;
/** The thresholds searched, each season's bets at every point recorded for the later seasons. */
const THRESHOLD_GRID = { minEdge: [0.02, 0.03, 0.05, 0.08], kellyFraction: [0.25] };
/** `--speed`: the import and one backtest of every season after the first, nothing tuned. */
const speedOnly = process.argv.includes("--speed");

/** What the folds of a sport's report collected, season by season, for the pooled lines. */
interface FoldRecord {
  rows: Record<"elo" | "model" | "blend" | "market" | "betInto", Scored[]>;
  allBets: BacktestBet[];
  evidences: BlendEvidence[];
  calibration: Record<"model" | "blend" | "market", Bins>;
  rawBets: BacktestBet[];
  rawLines: string[];
  /** The NBA's history with its spreads at the assumed price, and their bets and lines by strategy. */
  spreads: PreparedHistory | undefined;
  spreadBets: Record<"default" | "raw", BacktestBet[]>;
  spreadLines: Record<"default" | "raw", string[]>;
}

/** The pooled line, the reference's and the spreads' tables, calibration, and the blend's verdict. */
function printPooled(code: "NBA" | "NHL", h: PreparedHistory, folds: FoldRecord): void {
  const { rows, allBets, evidences, calibration, rawBets, rawLines, spreads, spreadBets, spreadLines } =
    folds;
  const betInto = code === "NHL" ? "open" : "close";
  const p = {
    elo: pool(rows.elo),
    model: pool(rows.model),
    blend: pool(rows.blend),
    market: pool(rows.market),
    betInto: pool(rows.betInto),
  };
  const pooledEvidence = evidenceSummary(evidences);
  const pooledBets = bettingSummary(allBets, new Decimal(1000), [], `${code}:pooled`);
  const clvs = allBets.length > 0 ? closingValue(h, allBets) : null;
  console.log(
    `  pooled  ${String(p.model.games).padStart(6)} | ${f4(p.elo.brier)} ${f4(p.elo.logLoss)} | ${f4(p.model.brier)} ${f4(p.model.logLoss)} | ` +
      `${gapClosed(p.elo, p.model, p.market).padStart(4)} | ${f4(p.blend.brier)} ${f4(p.blend.logLoss)} | ` +
      (code === "NHL" ? `${f4(p.betInto.brier)} ${f4(p.betInto.logLoss)} | ` : "") +
      `${f4(p.market.brier)} ${f4(p.market.logLoss)} | ${diff(p.blend.brier - p.betInto.brier)} ${diff(p.blend.logLoss - p.betInto.logLoss)} | ` +
      `${signed(pooledEvidence.t)} ${signed(pooledEvidence.z)} |        |         | ${String(pooledBets.bets).padStart(4)} ${pct(pooledBets.yield).padStart(6)} ${interval(pooledBets.yieldInterval).padEnd(18)}    —    ${allBets.length === 0 ? "—" : (clvs ?? "not measurable (no opening moneyline)")}`,
  );
  console.log(
    `  reference, not the default strategy: the raw model (weight 1, no market in its probability) bet at every 3% edge, ${code === "NHL" ? "at the opening price" : "at the close"}`,
  );
  console.log("  season   bets  yield  95% interval         CLV");
  for (const line of rawLines) console.log(line);
  const rawPooled = bettingSummary(rawBets, new Decimal(1000), [], `${code}:raw`);
  console.log(
    `  pooled   ${String(rawPooled.bets).padStart(4)} ${pct(rawPooled.yield).padStart(6)} ${interval(rawPooled.yieldInterval).padEnd(18)} ${rawBets.length === 0 ? "—" : (closingValue(h, rawBets) ?? "not measurable (no opening moneyline)")}`,
  );
  if (spreads) {
    const a = spreads.history.assumedPrice!;
    console.log(
      `  spreads at the opening line and an assumed ${a.american} (decimal ${a.decimal}; the archive gives ${a.quotes} spread lines and no price): ` +
        "line CLV is the points the same book's closing line moved toward the bet",
    );
    for (const k of ["default", "raw"] as const) {
      console.log(
        k === "default"
          ? "  the default strategy (its blend with the opening spread, fitted and shrunk as above, 3% edge)"
          : "  the raw model (538's margin rule, weight 1) at every 3% edge",
      );
      console.log("  season   bets  yield  95% interval         line CLV");
      for (const line of spreadLines[k]) console.log(line);
      console.log(`  pooled   ${spreadLine(spreads, spreadBets[k], new Decimal(1000))}`);
    }
  }
  for (const k of ["model", "blend", "market"] as const)
    console.log(
      `  calibration, pooled (mean forecast → observed, deciles of 50+): ${k.padEnd(6)} ${binsLine(calibration[k])}`,
    );
  const excess = rows.blend.map((b, k) =>
    Math.max(b.brier - rows.betInto[k]!.brier, b.logLoss - rows.betInto[k]!.logLoss),
  );
  const worse = excess.filter((x) => x > 0).length;
  console.log(
    `  gap: the share of 538 Elo's Brier gap to the close the tuned model closes; weight: the model's mean fitted weight (* some days at the default 0, the market); ` +
      `blend − ${betInto}: the betting probability minus the market it bets into, worse in ${worse} of ${rows.blend.length} seasons` +
      (worse > 0 ? ` (by at most ${Math.max(...excess).toExponential(1)})` : ""),
  );
  const bySeason = evidences.map((e) => evidenceSummary([e]));
  const largest = Math.max(...bySeason.map((e) => e.t));
  console.log(
    `  t: the paired t of the betting probability's log loss minus the market's, per game (the largest ${signed(largest)}: ` +
      `${largest < 1.96 ? "no season is significantly worse at 5%" : "a season is significantly worse"}); ` +
      `z: the season's own score z at weight 0, in hindsight: a season with z < 0 is worse at every positive weight ` +
      `(${bySeason.filter((e) => e.z < 0).length} of ${bySeason.length} seasons), and nothing before it tells its sign`,
  );
}

/** `--speed`: one walk-forward backtest of every season after the first (ten for the NBA), 538's model. */
async function speedReport(
  code: "NBA" | "NHL",
  pg: ReturnType<typeof pipelinePool>,
  registry: Awaited<ReturnType<typeof loadPlugins>>,
) {
  const sport = registry.sport(code);
  const h = new PreparedHistory(
    await loadBacktestHistory(pg, sport.plugin, { to: "2100-01-01", markets: ["moneyline"] }),
    ["moneyline"],
  );
  const spans = seasons(h);
  const t = performance.now();
  const whole = backtest(h, {
    thresholds: sport.thresholds,
    markets: ["moneyline"],
    venueRules: (b: string) => registry.rulesFor(b),
    from: spans[1]!.from,
    to: spans.at(-1)!.to,
    model: sport.model,
    strategy: { ...defaultStrategy(), markets: ["moneyline"] },
  });
  console.log(
    `${code} speed: one backtest of ${spans.length - 1} seasons (${whole.report.forecasts.modelAll!.games} games, the strategy and its consensus baseline, ${whole.report.betting.bets} bets) in ${((performance.now() - t) / 1000).toFixed(2)} s`,
  );
}

/**
 * A sport's walk-forward report: per season the tuned model, 538's Elo, the blend and the market
 * on the same games, the default strategy's bets, the raw-model reference (and for the NBA the
 * spreads at the assumed price); then pooled, calibration, the last fold's preset and timings.
 */
async function sportReport(
  code: "NBA" | "NHL",
  pg: ReturnType<typeof pipelinePool>,
  registry: Awaited<ReturnType<typeof loadPlugins>>,
  dataDir: string,
) {
  const sport = registry.sport(code);
  const h = new PreparedHistory(
    await loadBacktestHistory(pg, sport.plugin, { to: "2100-01-01", markets: ["moneyline"] }),
    ["moneyline"],
  );
  const spans = seasons(h);
  const base = sport.model;
  // The grid about the sport's own Elo, then the schedule terms at its best point.
  const eloGrid: EloGrid = {
    ...defaultEloGrid(base.elo),
    schedule:
      code === "NBA"
        ? { backToBack: [0, 25, 50], rested: [0, 15, 30], playoffMultiplier: [1, 1.25, 1.5] }
        : { backToBack: [0, 15, 30], rested: [0, 15], playoffMultiplier: [1, 1.25] },
    // Ratings that learn from each game's close too, at the home edge the market prices.
    marketUpdate:
      code === "NBA"
        ? { share: [0.3, 0.5], kFactor: [5, 10], homeAdvantage: [60, 70, 80, 90] }
        : { share: [0.3, 0.5], kFactor: [3, 6], homeAdvantage: [15, 25, 35, 45] },
  };
  // Travel per cube root of a mile (the NBA plugin knows its venues), 0 included: the tuner may drop it.
  if (code === "NBA") eloGrid.schedule = { ...eloGrid.schedule!, travel: [0, 1, 2, 4] };
  // The betting probability: the model pooled with the de-vigged price it bets into (NHL: the
  // open, NBA: the close), its weight fitted on the games before each day with the earlier
  // seasons' out-of-sample forecasts, shrunk toward the market by SHRINKAGE standard errors; the
  // market alone until there are 100 such games.
  const strategy: Strategy = {
    ...defaultStrategy(),
    name: code === "NHL" ? "default at the opening price" : "default",
    prices: code === "NHL" ? { at: "opening" } : { at: "closing" },
    markets: ["moneyline"],
    blend: { weight: "fitted", defaultWeight: 0, shrinkage: SHRINKAGE },
  };
  const betInto = code === "NHL" ? "open" : "close";
  const options = {
    thresholds: sport.thresholds,
    markets: ["moneyline"] as const,
    venueRules: (b: string) => registry.rulesFor(b),
  };
  const at = (minEdge: number, kellyFraction: number): Strategy => ({
    ...strategy,
    thresholds: { ...sport.thresholds, minEdge },
    staking: { ...strategy.staking, kellyFraction },
  });
  console.log(
    `\n${code}: ${h.history.games.length} games, ${h.history.quotes.length} moneyline quotes; ` +
      `${label(spans[0]!.season)} is warm-up; each later season is forecast with the model tuned on the seasons before it, ` +
      `and bet (${code === "NHL" ? "at the opening price" : "at the close"}) with the thresholds that grew the bankroll most on the earlier seasons' out-of-sample bets (none: nothing bet)`,
  );
  console.log(
    "  season   games | 538 Elo Brier LL  | tuned Brier  LL   | gap  | blend Brier  LL   | " +
      (code === "NHL" ? "open Brier  LL    | " : "") +
      `close Brier  LL   | blend − ${betInto} Brier  LL   |   t     z   | weight | minEdge | bets  yield  95% interval         drawdown  CLV`,
  );
  const rows: Record<"elo" | "model" | "blend" | "market" | "betInto", Scored[]> = {
    elo: [],
    model: [],
    blend: [],
    market: [],
    betInto: [],
  };
  const allBets: BacktestBet[] = [];
  const evidences: BlendEvidence[] = [];
  const calibration: Record<"model" | "blend" | "market", Bins> = { model: [], blend: [], market: [] };
  const t0 = performance.now();
  const baseForecaster = new SportForecaster(base, h.eloGames, h.history.ways);
  let tuneMs = 0;
  let lastTuned: ReturnType<typeof tune> | undefined;
  // Each reported season's forecasts, made by the model tuned before it: the later folds' blend samples.
  const prior = new Map<string, GameForecast>();
  // Each reported season's bets at every threshold point, out of sample: the later folds' record.
  const record: ThresholdOutcome[][] = [];
  const rawBets: BacktestBet[] = [];
  const rawLines: string[] = [];
  // The NBA archive's spreads, bet at an assumed -110: a history with them, and each fold's bets.
  const spreads =
    code === "NBA"
      ? new PreparedHistory(
          await loadBacktestHistory(pg, sport.plugin, {
            to: "2100-01-01",
            markets: ["moneyline", "spread"],
            assumedPrice: ASSUMED_PRICE,
          }),
          ["moneyline", "spread"],
        )
      : undefined;
  const spreadBets: Record<"default" | "raw", BacktestBet[]> = { default: [], raw: [] };
  const spreadLines: Record<"default" | "raw", string[]> = { default: [], raw: [] };
  for (const span of spans.slice(1)) {
    const trainTo = spans[spans.indexOf(span) - 1]!.to;
    const t1 = performance.now();
    // The Elo grid only: the thresholds are chosen on the out-of-sample record below.
    const tuned = tune(h, {
      from: spans[0]!.from,
      trainTo,
      eloGrid,
      thresholdGrid: { minEdge: [0.03], kellyFraction: [0.25] },
      backtest: { ...options, model: base, strategy },
    });
    tuneMs += performance.now() - t1;
    lastTuned = tuned;
    const model: ResolvedSportModel = { ...base, elo: { ...tuned.elo, name: `${code}-tuned-to-${trainTo}` } };
    const choice = chooseThresholds(record, sport.thresholds, {
      kellyFraction: strategy.staking.kellyFraction,
      abstainWhenLosing: true,
    });
    const fold = { ...options, from: span.from, to: span.to, model, priorForecasts: new Map(prior) };
    const { report, run } = backtest(h, {
      ...fold,
      strategy: at(choice.thresholds.minEdge, choice.kellyFraction),
    });
    const outcomes: ThresholdOutcome[] = [];
    for (const minEdge of THRESHOLD_GRID.minEdge)
      for (const kellyFraction of THRESHOLD_GRID.kellyFraction)
        outcomes.push(
          thresholdOutcome(
            runBacktest(h, { ...fold, forecaster: run.forecaster, strategy: at(minEdge, kellyFraction) }),
            { minEdge, kellyFraction },
          ),
        );
    record.push(outcomes);
    // The reference beside it, not the default: the raw model (weight 1) at a 3% edge, same prices.
    const raw = runBacktest(h, {
      ...fold,
      forecaster: run.forecaster,
      strategy: { ...at(0.03, 0.25), blend: { weight: 1 } },
    });
    rawBets.push(...raw.bets);
    rawLines.push(`  ${label(span.season)} ${bettingLine(h, raw, code)}`);
    // NBA spreads at the opening line and an assumed -110 (the archive gives no spread price):
    // the default strategy's blend and the raw margin rule, each with its line CLV.
    if (spreads) {
      for (const [k, blend] of [
        ["default", strategy.blend],
        ["raw", { weight: 1 } as const],
      ] as const) {
        const r = runBacktest(spreads, {
          ...fold,
          markets: ["spread"],
          strategy: { ...at(0.03, 0.25), markets: ["spread"], prices: { at: "opening" }, blend },
        });
        spreadBets[k].push(...r.bets);
        spreadLines[k].push(`  ${label(span.season)} ${spreadLine(spreads, r.bets, r.startingBankroll)}`);
      }
    }
    h.history.games.forEach((g, i) => {
      if (g.date < span.from || g.date > span.to) return;
      const f = run.forecaster.forecast(i, g.date);
      if (f) prior.set(g.gameId, f);
    });
    const elo = forecastReport(h, baseForecaster, {
      from: span.from,
      to: span.to,
      model: base,
      consensusBooks: bookFilter(undefined),
      prices: strategy.prices,
    });
    const same = report.forecasts.sameGames!;
    // 538's Elo on the same games as the market: its own report on the span's priced games.
    rows.elo.push(scored(elo.sameGames!.model));
    rows.model.push(scored(same.model));
    rows.blend.push(scored(same.blend));
    rows.market.push(scored(same.market));
    rows.betInto.push(scored(same.betInto ?? same.market));
    allBets.push(...run.bets);
    for (const k of ["model", "blend", "market"] as const) addBins(calibration[k], same[k].calibration);
    const b = report.betting;
    const clv = report.clv.sameBook;
    const r = (k: keyof typeof rows) => rows[k].at(-1)!;
    const w = report.blendWeights.moneyline;
    const meanWeight = meanFittedWeight(run.weights, span);
    evidences.push(blendEvidence(h, run, strategy.prices));
    const evidence = evidenceSummary(evidences.slice(-1));
    // The same games as the report's: its log-loss difference, recomputed per game.
    if (Math.abs(evidence.meanDiff - (r("blend").logLoss - r("betInto").logLoss)) > 1e-9)
      throw new Error(`${label(span.season)}: the per-game blend differs from the report's`);
    console.log(
      `  ${label(span.season)} ${String(same.model.games).padStart(6)} | ${f4(r("elo").brier)} ${f4(r("elo").logLoss)} | ` +
        `${f4(r("model").brier)} ${f4(r("model").logLoss)} | ${gapClosed(r("elo"), r("model"), r("market")).padStart(4)} | ` +
        `${f4(r("blend").brier)} ${f4(r("blend").logLoss)} | ` +
        (code === "NHL" ? `${f4(r("betInto").brier)} ${f4(r("betInto").logLoss)} | ` : "") +
        `${f4(r("market").brier)} ${f4(r("market").logLoss)} | ${diff(r("blend").brier - r("betInto").brier)} ${diff(r("blend").logLoss - r("betInto").logLoss)} | ` +
        `${signed(evidence.t)} ${signed(evidence.z)} | ` +
        `${meanWeight === null ? "  —  " : meanWeight.toFixed(3)}${w && w.fittedDays < w.days ? "*" : " "} | ` +
        `${choice.thresholds.minEdge === (sport.thresholds.maxEdge ?? 0.25) ? "abstain" : choice.thresholds.minEdge.toFixed(2).padStart(7)} | ` +
        `${String(b.bets).padStart(4)} ${pct(b.yield).padStart(6)} ${interval(b.yieldInterval).padEnd(18)} ` +
        `${pct(b.maxDrawdown).padStart(6)}  ${clv.measured ? `${pct(clv.average)} (${clv.measured} bets, ${pct(clv.beatShare)} beat the close)` : clv.note ? "not measurable (no opening moneyline)" : "—"}`,
    );
    if (code === "NBA") console.log(`          schedule terms: ${JSON.stringify(tuned.elo.schedule)}`);
  }
  printPooled(code, h, {
    rows,
    allBets,
    evidences,
    calibration,
    rawBets,
    rawLines,
    spreads,
    spreadBets,
    spreadLines,
  });
  const nextChoice = chooseThresholds(record, sport.thresholds, {
    kellyFraction: strategy.staking.kellyFraction,
    abstainWhenLosing: true,
  });
  // The last fold's model as a preset the pipelines can use (EDGELINE_MODEL_PRESETS=NBA=nba-sbr).
  const last = spans.at(-1)!;
  const preset = `${code.toLowerCase()}-sbr`;
  const file = saveTunedPreset(dataDir, {
    name: preset,
    sport: code,
    createdAt: new Date().toISOString(),
    elo: { ...lastTuned!.elo, name: preset },
    // The thresholds the next season would be bet with: chosen on every reported season's record.
    thresholds: nextChoice.thresholds,
    kellyFraction: nextChoice.kellyFraction,
    tunedOn: {
      from: spans[0]!.from,
      trainTo: spans.at(-2)!.to,
      games: lastTuned!.trainingGames,
      logLoss: lastTuned!.eloPoints[0]!.logLoss,
    },
  });
  console.log(
    `  preset ${preset} (tuned to ${spans.at(-2)!.to}, reported on ${label(last.season)} above): ${file}`,
  );
  // Speed: one walk-forward backtest of every season after the first (ten for the NBA), 538's model.
  const t2 = performance.now();
  const whole = backtest(h, { ...options, from: spans[1]!.from, to: last.to, model: base, strategy });
  console.log(
    `  speed: one backtest of ${spans.length - 1} seasons (${whole.report.forecasts.modelAll!.games} games, strategy and its consensus baseline) in ${((performance.now() - t2) / 1000).toFixed(2)} s`,
  );
  const best = lastTuned!.eloPoints[0]!;
  console.log(
    `  last fold's tuned point: ${JSON.stringify(best)}; the next season's thresholds: minEdge ${nextChoice.thresholds.minEdge}, Kelly ${nextChoice.kellyFraction}${nextChoice.thresholdNote ? ` (${nextChoice.thresholdNote})` : ""}`,
  );
  console.log(
    `  ${spans.length - 1} folds in ${((performance.now() - t0) / 1000).toFixed(1)} s (tuning ${(tuneMs / 1000).toFixed(1)} s); ` +
      (code === "NBA"
        ? `moneylines at their prices; spreads only at the assumed ${ASSUMED_PRICE} said above (the archive gives spreads and totals without prices)`
        : "moneyline at each book's opening price, CLV against the same book's close"),
  );
}

export async function main(): Promise<void> {
  if (!existsSync(path.join(sbrFolder, "README.md"))) {
    console.log(`skipped: ${sbrFolder} is absent`);
    return;
  }
  const only = process.argv.slice(2).find((a) => a === "NBA" || a === "NHL");
  const db = await createTestDatabase();
  const pg = pipelinePool(db.url);
  const dataDir = process.env.EDGELINE_DATA_DIR ?? mkdtempSync(path.join(tmpdir(), "edgeline-sbr-presets-"));
  try {
    const registry = await loadPlugins({ env: {}, cwd: repoRoot });
    for (const code of ["NBA", "NHL"] as const)
      if (!only || only === code) await importArchive(pg, registry, code);
    for (const code of ["NBA", "NHL"] as const)
      if (!only || only === code)
        await (speedOnly ? speedReport(code, pg, registry) : sportReport(code, pg, registry, dataDir));
  } finally {
    await pg.end();
    await db.drop();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
