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
import { importHistory } from "../packages/api/src/imports/import-history.ts";
import { importTotals } from "../packages/api/src/imports/import-summary.ts";
import { pipelinePool } from "../packages/api/src/worker/deps.ts";
import {
  type BacktestBet,
  backtest,
  bettingSummary,
  blendProbabilities,
  bookFilter,
  chooseThresholds,
  closingLineValues,
  defaultEloGrid,
  defaultStrategy,
  type EloGrid,
  type ForecastScores,
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

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const sbr = path.resolve(repoRoot, "../shared/datasets/sbr");
const f4 = (x: number | null | undefined) => (x === null || x === undefined ? "  —   " : x.toFixed(4));
const pct = (x: number | null) => (x === null ? "—" : `${(100 * x).toFixed(1)}%`);
const interval = (i: [number, number] | null) => (i ? `[${pct(i[0])}, ${pct(i[1])}]` : "—");

/**
 * Standard errors the blend's fitted weight is shrunk by toward the market (blend/fit-weight.ts):
 * 2, a one-sided 97.7% lower bound, so the model gets the weight the earlier games show it earned.
 */
const SHRINKAGE = 2;
/** The price the NBA spreads are bet at: the archive gives their lines only (said in the output). */
const ASSUMED_PRICE = -110;
/** The thresholds searched, each season's bets at every point recorded for the later seasons. */
const THRESHOLD_GRID = { minEdge: [0.02, 0.03, 0.05, 0.08], kellyFraction: [0.25] };
/** A difference of scores, signed, to 5 decimals: "never worse" is ≤ +0.00000. */
const diff = (x: number) => `${x > 0 ? "+" : x < 0 ? "−" : " "}${Math.abs(x).toFixed(5)}`;
const signed = (x: number) => `${x >= 0 ? "+" : "−"}${Math.abs(x).toFixed(2)}`;

interface Scored {
  games: number;
  brier: number;
  logLoss: number;
}
/** Games-weighted pooling of per-season means (Brier and log loss are means over games). */
function pool(xs: readonly Scored[]): Scored {
  const games = xs.reduce((n, x) => n + x.games, 0);
  const mean = (k: "brier" | "logLoss") => xs.reduce((s, x) => s + x[k] * x.games, 0) / games;
  return { games, brier: mean("brier"), logLoss: mean("logLoss") };
}
const scored = (s: ForecastScores): Scored => ({
  games: s.games,
  brier: s.binaryBrier ?? s.brier,
  logLoss: s.logLoss,
});

/** Calibration bins of several seasons pooled: counts added, means weighted by count. */
type Bins = Array<{ lower: number; upper: number; count: number; p: number; observed: number }>;
function addBins(into: Bins, bins: ForecastScores["calibration"]): void {
  bins.forEach((b, k) => {
    into[k] ??= { lower: b.lower, upper: b.upper, count: 0, p: 0, observed: 0 };
    if (b.count === 0) return;
    const t = into[k]!;
    t.p = (t.p * t.count + b.meanProbability * b.count) / (t.count + b.count);
    t.observed = (t.observed * t.count + b.observedRate * b.count) / (t.count + b.count);
    t.count += b.count;
  });
}
const binsLine = (bins: Bins) =>
  bins
    .filter((b) => b.count >= 50)
    .map((b) => `${b.p.toFixed(2)}→${b.observed.toFixed(2)}`)
    .join(" ");

/** The share of the Elo's Brier gap to the market that the model closes. */
const gapClosed = (elo: Scored, model: Scored, market: Scored) =>
  elo.brier > market.brier
    ? `${Math.round((100 * (elo.brier - model.brier)) / (elo.brier - market.brier))}%`
    : "—";

/** The model's weight, averaged over the span's decision days on which it was fitted (null: none was). */
function meanFittedWeight(
  weights: ReadonlyMap<string, { moneyline?: { weight: number; fitted: boolean } }>,
  span: { from: string; to: string },
): number | null {
  let total = 0;
  let n = 0;
  for (const [day, w] of weights)
    if (day >= span.from && day <= span.to && w.moneyline?.fitted) {
      total += w.moneyline.weight;
      n++;
    }
  return n === 0 ? null : total / n;
}

/** Per game, the betting probability's log loss minus the market's; the score and information at weight 0. */
interface BlendEvidence {
  diffs: number[];
  score: number;
  information: number;
}

/** The season's games' evidence (see `evidenceSummary`), on the decisions the report scores. */
function blendEvidence(
  h: PreparedHistory,
  run: ReturnType<typeof runBacktest>,
  prices: Strategy["prices"],
): BlendEvidence {
  const index = new Map(h.history.games.map((g, i) => [g.gameId, i]));
  const out: BlendEvidence = { diffs: [], score: 0, information: 0 };
  for (const decision of run.decisions) {
    const i = index.get(decision.gameId)!;
    const g = h.history.games[i]!;
    const market = h.consensusAt(i, prices, run.consensusBooks).moneyline;
    const model = decision.moneyline;
    if (!model || !market || !h.isPlayed(i) || g.homeScore === g.awayScore) continue;
    const y = g.homeScore! > g.awayScore! ? 0 : market.length - 1;
    const blend = blendProbabilities(model, market, decision.weights.moneyline ?? 0);
    // At weight 0 the pool gives the market back up to rounding (1e-16), which is no difference.
    const d = Math.log(market[y]!) - Math.log(blend[y]!);
    out.diffs.push(Math.abs(d) < 1e-12 ? 0 : d);
    const a = model.map((m, k) => Math.log(m) - Math.log(market[k]!));
    const mean = a.reduce((s, x, k) => s + x * market[k]!, 0);
    out.score += a[y]! - mean;
    out.information += a.reduce((s, x, k) => s + (x - mean) ** 2 * market[k]!, 0);
  }
  return out;
}

/**
 * What a span's evidence says of "blend − market": the mean log-loss difference and its paired t
 * (how far from noise it is), and the span's own score z at weight 0, Σ(a_y − E_q[a]) / √Σ Var_q[a]
 * with a = ln model − ln market, in hindsight. For a small weight the gain has the sign of z, so a
 * span with z < 0 is worse than the market at every positive weight.
 */
function evidenceSummary(xs: readonly BlendEvidence[]): { meanDiff: number; t: number; z: number } {
  const diffs = xs.flatMap((x) => x.diffs);
  const n = diffs.length;
  const meanDiff = diffs.reduce((s, x) => s + x, 0) / n;
  const sd = Math.sqrt(diffs.reduce((s, x) => s + (x - meanDiff) ** 2, 0) / (n - 1));
  const score = xs.reduce((s, x) => s + x.score, 0);
  const information = xs.reduce((s, x) => s + x.information, 0);
  return { meanDiff, t: sd > 0 ? meanDiff / (sd / Math.sqrt(n)) : 0, z: score / Math.sqrt(information) };
}

interface SeasonSpan {
  season: number;
  from: string;
  to: string;
}

function seasons(h: PreparedHistory): SeasonSpan[] {
  const spans = new Map<number, SeasonSpan>();
  for (const g of h.history.games) {
    const s = spans.get(g.season);
    if (!s) spans.set(g.season, { season: g.season, from: g.date, to: g.date });
    else s.to = g.date;
  }
  return [...spans.values()].sort((a, b) => a.season - b.season);
}

/** `--speed`: the import and one backtest of every season after the first, nothing tuned. */
const speedOnly = process.argv.includes("--speed");
const label = (season: number) => `${season}-${String((season + 1) % 100).padStart(2, "0")}`;

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
  if (speedOnly) {
    const t = performance.now();
    const whole = backtest(h, {
      thresholds: sport.thresholds,
      markets: ["moneyline"],
      venueRules: (b: string) => registry.rulesFor(b),
      from: spans[1]!.from,
      to: spans.at(-1)!.to,
      model: base,
      strategy: { ...defaultStrategy(), markets: ["moneyline"] },
    });
    console.log(
      `${code} speed: one backtest of ${spans.length - 1} seasons (${whole.report.forecasts.modelAll!.games} games, the strategy and its consensus baseline, ${whole.report.betting.bets} bets) in ${((performance.now() - t) / 1000).toFixed(2)} s`,
    );
    return;
  }
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

/** A run's bets, yield with its interval, and CLV against the same book's close. */
function bettingLine(h: PreparedHistory, run: ReturnType<typeof runBacktest>, code: string): string {
  const b = bettingSummary(run.bets, run.startingBankroll, [], `${code}:reference`);
  const clv =
    run.bets.length === 0 ? "—" : (closingValue(h, run.bets) ?? "not measurable (no opening moneyline)");
  return `${String(b.bets).padStart(4)} ${pct(b.yield).padStart(6)} ${interval(b.yieldInterval).padEnd(18)} ${clv}`;
}

/** A season's spread bets: count, yield with its interval, and line CLV. */
function spreadLine(h: PreparedHistory, bets: readonly BacktestBet[], bankroll: Decimal): string {
  const b = bettingSummary(bets, bankroll, [], "spreads");
  return `${String(b.bets).padStart(4)} ${pct(b.yield).padStart(6)} ${interval(b.yieldInterval).padEnd(18)} ${bets.length === 0 ? "—" : lineClv(h, bets)}`;
}

/**
 * Line CLV of spread bets: the bet's handicap minus the same book's closing handicap of the same
 * side (home −3 taken, home −5 at the close: +2 points), the mean and the shares above and at 0.
 * The price history keeps a quote only when it changed, so a side with no later quote closed
 * where the bet took it: level, 0 points.
 */
function lineClv(h: PreparedHistory, bets: readonly BacktestBet[]): string {
  const index = new Map(h.history.games.map((g, i) => [g.gameId, i]));
  const points: number[] = [];
  for (const bet of bets) {
    const close = h.quotesByGame[index.get(bet.gameId)!]!.filter(
      (q) => q.bookmaker === bet.bookmaker && q.market === "spread" && q.outcome === bet.selection,
    ).at(-1);
    if (!close || close.line == null || bet.line === null) continue;
    points.push(close.lastUpdate > bet.quotedAt ? bet.line - close.line : 0);
  }
  if (points.length === 0) return "not measured";
  const mean = points.reduce((s, x) => s + x, 0) / points.length;
  const share = (f: (x: number) => boolean) => pct(points.filter(f).length / points.length);
  return `${mean >= 0 ? "+" : "−"}${Math.abs(mean).toFixed(2)} points on ${points.length} bets (${share((x) => x > 0)} beat the close, ${share((x) => x === 0)} level, ${share((x) => x < 0)} worse)`;
}

/** Closing-line value of NHL bets at the opening price against the same book's close (core's rule). */
function closingValue(h: PreparedHistory, bets: readonly BacktestBet[]): string | null {
  const c = closingLineValues(h, bets, () => true).sameBook;
  return c.measured === 0
    ? null
    : `${pct(c.average)} on ${c.measured} bets (${pct(c.beatShare)} beat the close)`;
}

export async function main(): Promise<void> {
  if (!existsSync(path.join(sbr, "README.md"))) {
    console.log(`skipped: ${sbr} is absent`);
    return;
  }
  const only = process.argv.slice(2).find((a) => a === "NBA" || a === "NHL");
  const db = await createTestDatabase();
  const pg = pipelinePool(db.url);
  const dataDir = process.env.EDGELINE_DATA_DIR ?? mkdtempSync(path.join(tmpdir(), "edgeline-sbr-presets-"));
  try {
    const registry = await loadPlugins({ env: {}, cwd: repoRoot });
    for (const code of ["NBA", "NHL"] as const) {
      if (only && only !== code) continue;
      const t0 = performance.now();
      const outcome = await importHistory(pg, registry, {
        kind: "sbr",
        sport: code,
        paths: [path.join(sbr, code.toLowerCase())],
        skipBadRows: true,
      });
      if (!outcome.ok) throw new Error(outcome.refused.map((r) => r.message).join("\n"));
      const t = importTotals(outcome.files);
      console.log(
        `imported ${code}: ${t.files} workbooks, ${t.games.read} games, ${t.quotes.read} quotes in ${((performance.now() - t0) / 1000).toFixed(2)} s`,
      );
    }
    for (const code of ["NBA", "NHL"] as const)
      if (!only || only === code) await sportReport(code, pg, registry, dataDir);
  } finally {
    await pg.end();
    await db.drop();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
