// `edgeline backtest` and `edgeline models`: a walk-forward replay of a sport's stored history
// through the live recommendation, staking and settlement code (core's research/ and backtest/),
// each run printed as a table (or --json), its equity curve written with --curve and stored in
// backtest_runs; `--tune` searches the model and the thresholds on a training span, reports only
// on the span after it and saves the tuned preset. `models` scores the raw model, the blend and the
// de-vigged closing market on the same games.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import {
  type BacktestJobResult,
  curveCsv,
  defaultStrategy,
  formatComparison,
  formatForecastReports,
  formatReport,
  loadEnv,
  modelsReport,
  PRESET_NAME_PATTERN,
  parseStrategy,
  runBacktestJob,
  runDateSchema,
  type Strategy,
  type StrategyCatalog,
} from "@edgeline/core";
import type { Command } from "commander";
import { z } from "zod";
import { openPipelineSession } from "../../worker/session.ts";
import { parseArgs } from "./run.ts";

const sportSchema = z.string().regex(/^[A-Za-z0-9]{2,12}$/, "a sport code such as NFL");

export const backtestArgsSchema = z
  .object({
    sport: sportSchema,
    from: runDateSchema,
    to: runDateSchema,
    strategy: z.array(z.string().min(1)).optional(),
    tune: z.boolean().default(false),
    trainTo: runDateSchema.optional(),
    preset: z.string().regex(PRESET_NAME_PATTERN, "lower-case letters, digits and '-'").optional(),
    json: z.boolean().default(false),
    curve: z.string().min(1).optional(),
    store: z.boolean().default(true),
    assumePrice: z.coerce
      .number({ error: "American odds such as -110" })
      .refine((n) => Number.isFinite(n) && Math.abs(n) >= 100 && Math.abs(n) <= 100_000, {
        message: "American odds such as -110: at most -100 or at least +100",
      })
      .optional(),
  })
  .refine((a) => a.from <= a.to, { path: ["to"], message: "must not be before --from" })
  .refine((a) => !a.tune || a.trainTo !== undefined, {
    path: ["train-to"],
    message: "--tune needs --train-to <day>",
  })
  .refine((a) => a.tune || a.trainTo === undefined, {
    path: ["tune"],
    message: "--train-to is only read with --tune",
  });

export const modelsArgsSchema = z
  .object({
    sport: sportSchema,
    from: runDateSchema,
    to: runDateSchema,
    consensusBooks: z
      .string()
      .transform((v) =>
        v
          .split(",")
          .map((b) => b.trim())
          .filter(Boolean),
      )
      .pipe(z.array(z.string()).min(1, "name at least one book"))
      .optional(),
    json: z.boolean().default(false),
  })
  .refine((a) => a.from <= a.to, { path: ["to"], message: "must not be before --from" });

/**
 * Reads each `--strategy`: a strategy file (validated, naming the file and field at fault), or the
 * name of a loaded strategy plugin with its default parameters.
 */
export function readStrategies(args: readonly string[] | undefined, catalog?: StrategyCatalog): Strategy[] {
  if (!args || args.length === 0) return [defaultStrategy()];
  const strategies = args.map((arg) => {
    if (!existsSync(arg) && (catalog ?? new Map()).has(arg))
      return parseStrategy({ name: arg, strategy: arg }, `--strategy ${arg}`, catalog);
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(arg, "utf8"));
    } catch (error) {
      const known = catalog ? `; strategies: ${[...catalog.keys()].join(", ")}` : "";
      throw new Error(`--strategy ${arg}: ${(error as Error).message}${known}`);
    }
    return parseStrategy(json, arg, catalog);
  });
  const names = strategies.map((s) => s.name);
  const twice = names.find((n, i) => names.indexOf(n) !== i);
  if (twice) throw new Error(`--strategy: two strategies are named "${twice}"; give each its own name`);
  return strategies;
}

/** The lines a job prints (the table of each run, the tuning, where things were written). */
export function describeJob(result: BacktestJobResult): string[] {
  const lines: string[] = [];
  const t = result.tuned;
  if (t) {
    const best = t.result.eloPoints[0]!;
    lines.push(
      `Tuned on the training span (${t.result.trainingGames} games, ${t.result.eloPoints.length} Elo grid points): ` +
        `K ${best.kFactor}, home advantage ${best.homeAdvantage}, margin of victory ${best.marginOfVictory}, ` +
        `season reversion ${best.seasonReversion.toFixed(3)}; training log loss ${best.logLoss.toFixed(4)} ` +
        `(worst point ${t.result.eloPoints.at(-1)!.logLoss.toFixed(4)})`,
      t.result.thresholdNote ??
        `Thresholds: minimum edge ${t.result.thresholds.minEdge}, Kelly fraction ${t.result.kellyFraction} (best training growth of ${t.result.thresholdPoints.length} points)`,
      ...(t.file
        ? [
            `Saved preset "${t.preset!.name}" to ${t.file} (EDGELINE_MODEL_PRESETS=${t.preset!.sport}=${t.preset!.name} uses it)`,
          ]
        : []),
      "Reported below only on the span after the training span.",
      "",
    );
  }
  for (const { report, runId } of result.reports) {
    lines.push(formatReport(report), runId ? `\nStored as backtest run ${runId}.` : "", "");
  }
  if (result.reports.length > 1) lines.push(formatComparison(result.reports.map((r) => r.report)), "");
  return lines;
}

export function registerBacktestCommands(program: Command): void {
  program
    .command("backtest")
    .description(
      "replay a sport's stored history day by day through the live recommendation, staking and settlement code; " +
        "prints betting, CLV, forecasts of the model, the blend and the market, calibration and baselines; stores each run",
    )
    .requiredOption("--sport <code>", "sport code of a loaded plugin")
    .requiredOption("--from <day>", "first game day, YYYY-MM-DD")
    .requiredOption("--to <day>", "last game day, YYYY-MM-DD")
    .option(
      "--strategy <name|file...>",
      "strategies: a loaded strategy's name (model-edge, sharp-reference, consensus, arbitrage) or a strategy JSON file (README: Backtests); several are compared side by side; default the live rule at the close",
    )
    .option("--tune", "grid-search Elo and the thresholds on --from..--train-to, report on the days after it")
    .option("--train-to <day>", "last day of the training span (with --tune)")
    .option("--preset <name>", "save the tuned values under this preset name (with --tune)")
    .option("--json", "print the reports as JSON")
    .option("--curve <csv>", "write the equity curve(s) to this CSV")
    .option("--no-store", "do not store the runs in backtest_runs")
    .option(
      "--assume-price <american>",
      "bet the spread and total lines an archive gives without a price (the SBR NBA files) at these American odds, e.g. -110; each report says so",
    )
    .action(async (flags: Record<string, unknown>) => {
      const args = parseArgs(backtestArgsSchema, flags);
      const session = await openPipelineSession();
      try {
        const strategies = readStrategies(args.strategy, session.plugins.strategyCatalog());
        const env = loadEnv();
        const result = await runBacktestJob(session.pool, session.plugins, {
          sport: args.sport,
          from: args.from,
          to: args.to,
          strategies,
          store: args.store,
          ...(args.assumePrice === undefined ? {} : { assumedPrice: args.assumePrice }),
          ...(args.tune
            ? {
                tune: {
                  trainTo: args.trainTo!,
                  preset: args.preset ?? `${args.sport.toLowerCase()}-tuned-${args.trainTo!}`,
                  dataDir: env.EDGELINE_DATA_DIR,
                },
              }
            : {}),
        });
        if (args.curve) writeFileSync(args.curve, curveCsv(result.reports.map((r) => r.run)));
        if (args.json) {
          console.log(
            JSON.stringify(
              {
                reports: result.reports.map((r) => ({ runId: r.runId, ...r.report })),
                ...(result.tuned
                  ? {
                      tuned: {
                        ...result.tuned.result,
                        preset: result.tuned.preset ?? null,
                        file: result.tuned.file ?? null,
                      },
                    }
                  : {}),
              },
              null,
              2,
            ),
          );
        } else {
          for (const line of describeJob(result)) console.log(line);
          if (args.curve) console.log(`Equity curve written to ${args.curve}.`);
        }
      } finally {
        await session.close();
      }
    });

  program
    .command("models")
    .description(
      "Brier, log loss and calibration of the raw model, the blend and the de-vigged closing market on the same games",
    )
    .requiredOption("--sport <code>", "sport code of a loaded plugin")
    .requiredOption("--from <day>", "first game day, YYYY-MM-DD")
    .requiredOption("--to <day>", "last game day, YYYY-MM-DD")
    .option(
      "--consensus-books <list>",
      "comma-separated books whose de-vigged close is the market (default every book)",
    )
    .option("--json", "print the report as JSON")
    .action(async (flags: Record<string, unknown>) => {
      const args = parseArgs(modelsArgsSchema, flags);
      const session = await openPipelineSession();
      try {
        const report = await modelsReport(session.pool, session.plugins, {
          sport: args.sport,
          from: args.from,
          to: args.to,
          ...(args.consensusBooks ? { consensusBookmakers: args.consensusBooks } : {}),
        });
        if (args.json) console.log(JSON.stringify(report, null, 2));
        else
          console.log(formatForecastReports(`${report.sport} ${report.from} to ${report.to}`, report.models));
      } finally {
        await session.close();
      }
    });
}
