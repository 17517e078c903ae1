// One backtest's report: the strategy's betting (with every figure defined), its closing-line
// value, the forecasts of the model, the blend and the market on the same games with their
// calibration, the baselines, and the blend's weights. `backtest()` runs a strategy and its
// consensus baseline and reports both; `--json` prints this object as it is.
import type { MarketName } from "@edgeline/sdk";
import { modelName } from "../forecast/sport-forecaster.ts";
import { BASELINE_DEFINITIONS, type FlatBaseline, flatBaselines } from "./baselines.ts";
import { BETTING_DEFINITIONS, type BettingSummary, bettingSummary } from "./betting-summary.ts";
import { CLV_DEFINITIONS, type ClvSummary, closingLineValues } from "./clv.ts";
import { type BacktestOptions, type BacktestRun, runBacktest } from "./engine.ts";
import { type ForecastReport, forecastReport } from "./forecast-scores.ts";
import type { AssumedPrice, PreparedHistory } from "./history.ts";
import { bookFilter } from "./strategy.ts";

/** The sharp close CLV is measured against: Pinnacle's, de-vigged. */
export const SHARP_CLOSE_BOOKS = ["pinnacle"] as const;

export interface WeightSummary {
  /** Decision days whose weight was fitted (the rest used the default). */
  fittedDays: number;
  days: number;
  first: number | null;
  last: number | null;
  min: number | null;
  max: number | null;
}

export interface BacktestReport {
  sport: string;
  from: string;
  to: string;
  strategy: BacktestRun["strategy"];
  model: string;
  betting: BettingSummary;
  byMarket: Partial<
    Record<MarketName, { bets: number; turnover: string; profit: string; yield: number | null }>
  >;
  /** Quotes whose edge was above the maximum: recorded, not bet. */
  suspects: number;
  /**
   * The price the run assumed for the lines the archive gave without one (the SBR NBA spreads and
   * totals), with how many quotes and bets it priced; null when it assumed none.
   */
  assumedPrice: (AssumedPrice & { bets: number; note: string }) | null;
  clv: ClvSummary;
  /** CLV against the sharp book's de-vigged close (Pinnacle): p_close × price − 1, and the share above 0. */
  sharpClv: ClvSummary["consensus"] & { books: string[] };
  forecasts: ForecastReport;
  baselines: {
    alwaysHome: FlatBaseline;
    favourite: FlatBaseline;
    consensus: BettingSummary;
  };
  blendWeights: Partial<Record<MarketName, WeightSummary>>;
  definitions: Record<string, string>;
}

function weightSummary(run: BacktestRun, market: MarketName): WeightSummary {
  const all = [...run.weights.values()].map((w) => w[market]).filter((w) => w !== undefined);
  const fitted = all.filter((w) => w.fitted).map((w) => w.weight);
  return {
    fittedDays: fitted.length,
    days: all.length,
    first: fitted[0] ?? null,
    last: fitted.at(-1) ?? null,
    min: fitted.length ? Math.min(...fitted) : null,
    max: fitted.length ? Math.max(...fitted) : null,
  };
}

/** The bets in settlement order (by game day, then as placed) and the equity curve's bankrolls. */
function settled(run: BacktestRun) {
  const bets = [...run.bets].sort((a, b) => (a.gameDate < b.gameDate ? -1 : a.gameDate > b.gameDate ? 1 : 0));
  return { bets, equity: run.curve.map((p) => p.bankroll) };
}

export function summarise(run: BacktestRun): BettingSummary {
  const { bets, equity } = settled(run);
  return bettingSummary(bets, run.startingBankroll, equity, `${run.strategy.name}:yield`);
}

/** What the run assumed for unpriced lines, in numbers and in words (the report says it). */
function assumedPriceOf(h: PreparedHistory, run: BacktestRun): BacktestReport["assumedPrice"] {
  const a = h.history.assumedPrice;
  if (!a) return null;
  const bets = run.bets.filter((b) => b.assumedPrice).length;
  const american = `${a.american > 0 ? "+" : ""}${a.american}`;
  return {
    ...a,
    bets,
    note:
      `${a.quotes} line quotes given without a price were priced at an assumed ${american} (decimal ${a.decimal}); ` +
      `${bets} bets were struck at it, so their profit, yield and CLV rest on that assumption`,
  };
}

/** Runs the strategy and its baselines on a prepared history and reports them. */
export function backtest(
  h: PreparedHistory,
  o: BacktestOptions,
): { run: BacktestRun; report: BacktestReport } {
  const run = runBacktest(h, o);
  // The live rule with the consensus as its probability, whatever the strategy.
  const { plugin: _plugin, ...rest } = o;
  const consensus = runBacktest(h, {
    ...rest,
    forecaster: run.forecaster,
    strategy: {
      ...o.strategy,
      name: `${o.strategy.name} (consensus)`,
      strategy: "model-edge",
      options: {},
      blend: { weight: 0 },
    },
  });
  const byMarket: BacktestReport["byMarket"] = {};
  for (const m of ["moneyline", "spread", "total"] as const) {
    const bets = run.bets.filter((b) => b.market === m);
    if (bets.length === 0) continue;
    const s = bettingSummary(bets, run.startingBankroll, [], "by-market");
    byMarket[m] = { bets: s.bets, turnover: s.turnover, profit: s.profit, yield: s.yield };
  }
  const blend = o.strategy.blend;
  const report: BacktestReport = {
    sport: h.history.sport,
    from: o.from,
    to: o.to,
    strategy: o.strategy,
    model: modelName(o.model),
    betting: summarise(run),
    byMarket,
    suspects: run.suspects.length,
    assumedPrice: assumedPriceOf(h, run),
    clv: closingLineValues(h, run.bets, run.consensusBooks),
    sharpClv: {
      books: [...SHARP_CLOSE_BOOKS],
      ...closingLineValues(h, run.bets, bookFilter(SHARP_CLOSE_BOOKS)).consensus,
    },
    forecasts: forecastReport(h, run.forecaster, {
      from: o.from,
      to: o.to,
      // The blend as the run fitted it: the strategy's settings over the model's.
      model:
        blend.weight === "fitted"
          ? {
              ...o.model,
              blend: {
                minGames: blend.minGames ?? o.model.blend.minGames,
                defaultWeight: blend.defaultWeight ?? o.model.blend.defaultWeight,
                shrinkage: blend.shrinkage ?? o.model.blend.shrinkage ?? 0,
              },
            }
          : o.model,
      consensusBooks: run.consensusBooks,
      prices: o.strategy.prices,
      ...(o.priorForecasts ? { priorForecasts: o.priorForecasts } : {}),
      ...(blend.weight === "fitted" ? { weights: run.weights } : { fixedWeight: blend.weight }),
    }),
    baselines: { ...flatBaselines(h, o), consensus: summarise(consensus) },
    blendWeights: Object.fromEntries(
      (["moneyline", "spread", "total"] as const).map((m) => [m, weightSummary(run, m)]),
    ),
    definitions: { ...BETTING_DEFINITIONS, ...CLV_DEFINITIONS, ...BASELINE_DEFINITIONS },
  };
  return { run, report };
}

/** The equity curve of one or more runs as CSV: strategy, day, bankroll, staked, profit, bets. */
export function curveCsv(runs: ReadonlyArray<Pick<BacktestRun, "strategy" | "curve">>): string {
  const lines = ["strategy,day,bankroll,staked,profit,bets"];
  for (const r of runs) {
    const name = /[",\n]/.test(r.strategy.name)
      ? `"${r.strategy.name.replaceAll('"', '""')}"`
      : r.strategy.name;
    for (const p of r.curve)
      lines.push(
        `${name},${p.day},${p.bankroll.toFixed(2)},${p.staked.toFixed(2)},${p.profit.toFixed(2)},${p.bets}`,
      );
  }
  return `${lines.join("\n")}\n`;
}
