// Backtests on the shared history, in a scratch test database: FiveThirtyEight's nfl_games.csv
// (1970-2020, read with @edgeline/importers' parser and written through core's repositories) and
// football-data's EPL 2023-24. Prints backtest games per second, the 100-point tuning grid over ten
// NFL seasons in seconds, the model's Brier beside 538's elo_prob1 on the same games, a tuned
// model's Brier on a later span than it was tuned on, and for the EPL the goals model, Elo, the
// blends and the de-vigged Pinnacle close on the same games with the strategies' yield, drawdown
// and CLV. Run alone with `pnpm exec tsx bench/backtest.ts`.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { writeImported } from "../packages/api/test/imported-history.ts";
import {
  type BacktestReport,
  brierScore,
  createPgPool,
  defaultStrategy,
  loadBacktestHistory,
  loadPlugins,
  modelsReport,
  PreparedHistory,
  parseStrategy,
  runBacktestJob,
  SportForecaster,
  tune,
} from "../packages/core/src/index.ts";
import { createTestDatabase } from "../packages/core/src/testing/index.ts";
import { parseFiveThirtyEightFile, parseFootballDataFile } from "../packages/importers/src/index.ts";
import { createEntityIndex } from "../packages/sdk/src/index.ts";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const nflFile = path.resolve(repoRoot, "../shared/datasets/fivethirtyeight-nfl-elo-game/nfl_games.csv");
const eplFile = path.resolve(repoRoot, "../shared/datasets/football-data/E0-2023-24.csv");

const pct = (x: number | null) => (x === null ? "—" : `${(100 * x).toFixed(2)}%`);
const ci = (i: [number, number] | null) => (i ? `[${pct(i[0])}, ${pct(i[1])}]` : "");
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

function bettingLine(r: BacktestReport): string {
  const b = r.betting;
  const clv = r.clv;
  return (
    `  ${r.strategy.name.padEnd(30)} bets ${String(b.bets).padStart(4)}  yield ${pct(b.yield).padStart(8)} ${ci(b.yieldInterval).padEnd(20)} ` +
    `ROI ${pct(b.roi).padStart(8)}  max drawdown ${pct(b.maxDrawdown).padStart(7)}  ` +
    `CLV vs own close ${clv.sameBook.measured ? `${pct(clv.sameBook.average)} (${pct(clv.sameBook.beatShare)} beat it)` : "not measurable"}  ` +
    `vs Pinnacle close ${pct(clv.consensus.average)}`
  );
}

export async function main(): Promise<void> {
  if (!existsSync(nflFile) || !existsSync(eplFile)) {
    console.log(`backtest bench skipped: ${existsSync(nflFile) ? eplFile : nflFile} not found`);
    return;
  }
  const db = await createTestDatabase();
  const pool = createPgPool({ connectionString: db.url, poolSize: 4 });
  const dataDir = mkdtempSync(path.join(tmpdir(), "edgeline-bench-presets-"));
  try {
    const registry = await loadPlugins({ cwd: repoRoot });
    const nfl = registry.sport("NFL");
    const parsed = await parseFiveThirtyEightFile(nflFile, {
      sport: "NFL",
      entities: createEntityIndex(nfl.plugin.entities),
      seasons: { from: 1970, to: 2020 },
    });
    await writeImported(pool, parsed);

    // Speed: one backtest of ten and a half seasons (the history since 1970 is its warm-up).
    const t0 = performance.now();
    const history = new PreparedHistory(
      await loadBacktestHistory(pool, nfl.plugin, { to: "2021-02-07", markets: ["moneyline"] }),
    );
    const loadMs = performance.now() - t0;
    const t1 = performance.now();
    const job = await runBacktestJob(pool, registry, {
      sport: "NFL",
      from: "2010-08-01",
      to: "2021-02-07",
      strategies: [defaultStrategy()],
      store: false,
    });
    const jobMs = performance.now() - t1;
    const spanGames = history.history.games.filter((g) => g.date >= "2010-08-01").length;
    console.log(
      `NFL backtest 2010-2020 (538's nfl_games.csv, ${history.history.games.length} games since 1970 in the database, ${spanGames} in the span, no prices): ` +
        `history read in ${seconds(loadMs)}; the whole job (read, replay, report) in ${seconds(jobMs)}: ${Math.round(spanGames / (jobMs / 1000))} span games per second`,
    );

    // The model's Brier beside 538's elo_prob1, on the same games (ties left out).
    const forecaster = new SportForecaster(nfl.model, history.eloGames, 2);
    const their = new Map(
      parsed.forecasts
        .filter((f) => f.source === "fivethirtyeight-elo")
        .map((f) => [f.gameId, f.homeWinProbability]),
    );
    const ours: Array<{ probability: number; outcome: 0 | 1 }> = [];
    const theirs: typeof ours = [];
    history.history.games.forEach((g, i) => {
      if (g.date < "2010-08-01" || g.homeScore === g.awayScore || !their.has(g.gameId)) return;
      const outcome = g.homeScore! > g.awayScore! ? 1 : 0;
      ours.push({ probability: forecaster.eloForecast(i, g.date)!.moneyline[0]!, outcome });
      theirs.push({ probability: their.get(g.gameId)!, outcome });
    });
    console.log(
      `  Brier on the same ${ours.length} games of 2010-2020: Edgeline's ${nfl.model.elo.name} (ratings from 1500 in 1970, day-start ratings) ${brierScore(ours).toFixed(4)}, ` +
        `538's elo_prob1 ${brierScore(theirs).toFixed(4)}; report's model score ${job.reports[0]!.report.forecasts.modelAll!.binaryBrier!.toFixed(4)}`,
    );

    // The 100-point tuning grid over ten seasons (2010-2019), timed alone.
    const strategy = parseStrategy({ name: "nfl", parameters: { blend: { weight: 1 } } }, "bench");
    const t2 = performance.now();
    const tuned = tune(history, {
      from: "2010-08-01",
      trainTo: "2020-02-29",
      backtest: { model: nfl.model, strategy, thresholds: nfl.thresholds, markets: ["moneyline"] },
    });
    const tuneMs = performance.now() - t2;
    console.log(
      `  tuning grid: ${tuned.eloPoints.length} Elo points over ten seasons (${tuned.trainingGames} games) in ${seconds(tuneMs)} ` +
        `(${(tuneMs / tuned.eloPoints.length).toFixed(1)} ms a point); thresholds: ${tuned.thresholdNote ?? "tuned"}`,
    );

    // Tuned on 2010-2015, reported on 2016-2020 only.
    const later = await runBacktestJob(pool, registry, {
      sport: "NFL",
      from: "2010-08-01",
      to: "2021-02-07",
      strategies: [strategy],
      store: true,
      tune: { trainTo: "2016-02-29", preset: "nfl-bench", dataDir },
    });
    const best = later.tuned!.result.eloPoints[0]!;
    for (const { report } of later.reports) {
      console.log(
        `  ${report.from}..${report.to} (after the training span 2010-2015): ${report.strategy.name.padEnd(12)} Brier ${report.forecasts.modelAll!.binaryBrier!.toFixed(4)}  log loss ${report.forecasts.modelAll!.logLoss.toFixed(4)}`,
      );
    }
    console.log(
      `  tuned: K ${best.kFactor}, home ${best.homeAdvantage}, margin of victory ${best.marginOfVictory}, reversion ${best.seasonReversion.toFixed(3)} (training log loss ${best.logLoss.toFixed(4)})`,
    );

    // EPL 2023-24: the goals model (the sport's), Elo, the blends and Pinnacle's close on the same games.
    const epl = registry.sport("EPL");
    const season = await parseFootballDataFile(eplFile, {
      sport: "EPL",
      entities: createEntityIndex(epl.plugin.entities),
    });
    await writeImported(pool, season);
    const models = await modelsReport(pool, registry, {
      sport: "EPL",
      from: "2023-08-01",
      to: "2024-06-30",
      consensusBookmakers: ["pinnacle"],
    });
    console.log(
      `\nEPL 2023-24 (football-data E0, ${season.games.length} games), walk-forward, market = Pinnacle's close de-vigged:`,
    );
    for (const [name, f] of Object.entries(models.models)) {
      const s = f.sameGames!;
      console.log(
        `  ${name.padEnd(26)} on ${s.model.games} games: model Brier ${s.model.brier.toFixed(4)} / log loss ${s.model.logLoss.toFixed(4)}; ` +
          `blend ${s.blend.brier.toFixed(4)} / ${s.blend.logLoss.toFixed(4)}; market ${s.market.brier.toFixed(4)} / ${s.market.logLoss.toFixed(4)}` +
          (f.modelAll && f.modelAll.games !== s.model.games
            ? `; model on all ${f.modelAll.games}: ${f.modelAll.brier.toFixed(4)}`
            : ""),
      );
      const w = f.fittedGames;
      if (w)
        console.log(
          `  ${"".padEnd(26)} on the ${w.model.games} games with a fitted weight: model ${w.model.brier.toFixed(4)} / ${w.model.logLoss.toFixed(4)}; ` +
            `blend ${w.blend.brier.toFixed(4)} / ${w.blend.logLoss.toFixed(4)}; market ${w.market.brier.toFixed(4)} / ${w.market.logLoss.toFixed(4)}`,
        );
    }
    const books = ["pinnacle", "bet365", "william-hill", "vc-bet", "bwin", "interwetten"];
    const eplStrategy = (name: string, parameters: object) =>
      parseStrategy(
        {
          name,
          parameters: {
            prices: { at: "opening" },
            markets: ["moneyline"],
            bookmakers: books,
            consensusBookmakers: ["pinnacle"],
            ...parameters,
          },
        },
        "bench",
      );
    const t3 = performance.now();
    const eplJob = await runBacktestJob(pool, registry, {
      sport: "EPL",
      from: "2023-08-01",
      to: "2024-06-30",
      store: true,
      strategies: [
        eplStrategy("goals blend", {
          betting: "goals",
          blend: { weight: "fitted", minGames: 50, defaultWeight: 0 },
        }),
        eplStrategy("goals blend, 2% edge", {
          betting: "goals",
          blend: { weight: "fitted", minGames: 50, defaultWeight: 0 },
          thresholds: { ...epl.thresholds, minEdge: 0.02 },
        }),
        eplStrategy("elo blend", {
          betting: "elo",
          blend: { weight: "fitted", minGames: 50, defaultWeight: 0 },
        }),
        eplStrategy("raw goals model", { betting: "goals", blend: { weight: 1 } }),
        eplStrategy("raw elo", { betting: "elo", blend: { weight: 1 } }),
      ],
    });
    const eplMs = performance.now() - t3;
    console.log(
      `  ${eplJob.reports.length} strategies (each with its consensus baseline) over ${season.games.length} games with ${season.quotes.length} quotes in ${seconds(eplMs)}: ` +
        `${Math.round((2 * eplJob.reports.length * season.games.length) / (eplMs / 1000))} backtest games per second with prices`,
    );
    console.log("  strategies at the opening prices of six books (1X2), consensus and CLV against Pinnacle:");
    for (const { report } of eplJob.reports) console.log(bettingLine(report));
    const c = eplJob.reports[0]!.report.baselines;
    console.log(
      `  baselines (1 unit): always home ${c.alwaysHome.bets} bets yield ${pct(c.alwaysHome.yield)}; favourite ${pct(c.favourite.yield)}; ` +
        `consensus as the probability: ${c.consensus.bets} bets yield ${pct(c.consensus.yield)}`,
    );
    console.log(
      `  suspect quotes flagged (edge above the maximum): ${eplJob.reports.map((r) => `${r.report.strategy.name} ${r.report.suspects}`).join(", ")}`,
    );
  } finally {
    await pool.end();
    await db.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
