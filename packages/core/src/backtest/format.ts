// The report as the terminal shows it: betting beside the baselines, CLV, the forecasts on the
// same games, calibration by decile, the blend's weights, and what every figure means.
import type { ForecastScores } from "../evaluation/forecast-report.ts";
import type { ForecastReport } from "./forecast-scores.ts";
import type { BacktestReport } from "./report.ts";

const pct = (x: number | null, dp = 1) =>
  x === null ? "—" : `${x >= 0 ? "+" : ""}${(100 * x).toFixed(dp)}%`;
const interval = (i: [number, number] | null) => (i === null ? "" : ` [${pct(i[0])}, ${pct(i[1])}]`);
const pad = (s: string, n: number) => s.padStart(n);

function priceTiming(r: BacktestReport): string {
  const p = r.strategy.prices;
  return p.at === "lead" ? `prices ${p.minutes} min before the start` : `${p.at} prices`;
}

function bettingTable(r: BacktestReport): string[] {
  const s = r.betting;
  const c = r.baselines.consensus;
  const h = r.baselines.alwaysHome;
  const f = r.baselines.favourite;
  const row = (name: string, ...cells: string[]) =>
    `  ${name.padEnd(20)}${cells.map((x) => pad(x, 22)).join("")}`;
  return [
    row("", "strategy", "consensus", "always home (1u)", "favourite (1u)"),
    row("bets", String(s.bets), String(c.bets), String(h.bets), String(f.bets)),
    row("turnover", s.turnover, c.turnover, String(h.bets), String(f.bets)),
    row("profit", s.profit, c.profit, h.profit.toFixed(2), f.profit.toFixed(2)),
    row("yield", pct(s.yield), pct(c.yield), pct(h.yield), pct(f.yield)),
    row(
      "  95% interval",
      interval(s.yieldInterval),
      interval(c.yieldInterval),
      interval(h.yieldInterval),
      interval(f.yieldInterval),
    ),
    row("ROI on bankroll", pct(s.roi), pct(c.roi), "", ""),
    row("bankroll", `${s.startingBankroll} → ${s.endingBankroll}`, c.endingBankroll, "", ""),
    row("max drawdown", pct(s.maxDrawdown), pct(c.maxDrawdown), "", ""),
    row(
      "longest losing run",
      String(s.longestLosingRun),
      String(c.longestLosingRun),
      String(h.longestLosingRun),
      String(f.longestLosingRun),
    ),
  ];
}

function clvLines(r: BacktestReport): string[] {
  const b = r.clv.sameBook;
  const c = r.clv.consensus;
  const same =
    b.measured === 0
      ? (b.note ?? "no bets")
      : `${pct(b.average, 2)} average over ${b.measured} bets; ${pct(b.beatShare, 0).replace("+", "")} beat the close` +
        (b.atClose || b.lineMoved
          ? ` (${b.atClose} taken at the close, ${b.lineMoved} with the line moved: not measured)`
          : "");
  const sharp = r.sharpClv;
  const sharpLine =
    sharp.measured === 0
      ? (sharp.note ?? "no bets")
      : `${pct(sharp.average, 2)} average over ${sharp.measured} bets; ${pct(sharp.positiveShare, 0).replace("+", "")} beat it`;
  const cons =
    c.measured === 0
      ? (c.note ?? "no bets")
      : `${pct(c.average, 2)} average over ${c.measured} bets; ${pct(c.positiveShare, 0).replace("+", "")} positive`;
  return [
    `  against the same book's close:          ${same}`,
    `  against the de-vigged closing consensus: ${cons}`,
    `  against ${sharp.books.join("+")}'s de-vigged close:${" ".repeat(Math.max(1, 14 - sharp.books.join("+").length))}${sharpLine}`,
  ];
}

function scoreRow(name: string, s: ForecastScores, ways: 2 | 3): string {
  const brier = ways === 2 ? s.binaryBrier! : s.brier;
  return `  ${name.padEnd(28)}${pad(String(s.games), 7)}${pad(brier.toFixed(4), 9)}${pad(s.logLoss.toFixed(4), 10)}${pad(`${(100 * s.accuracy).toFixed(1)}%`, 9)}`;
}

function forecastLines(r: BacktestReport): string[] {
  const f = r.forecasts;
  const kind =
    f.ways === 2
      ? "Brier of the home side's probability, (p − outcome)²"
      : "3-way Brier, Σ over home/draw/away";
  const out = [
    `  ${"".padEnd(28)}${pad("games", 7)}${pad("Brier", 9)}${pad("log loss", 10)}${pad("correct", 9)}   (${kind})`,
  ];
  if (f.sameGames) {
    out.push(scoreRow(`model (${r.model})`, f.sameGames.model, f.ways));
    out.push(
      scoreRow(
        f.sameGames.betInto ? `blend (with the ${f.prices.at} price)` : "blend",
        f.sameGames.blend,
        f.ways,
      ),
    );
    if (f.sameGames.betInto)
      out.push(scoreRow(`de-vigged ${f.prices.at} market`, f.sameGames.betInto, f.ways));
    out.push(scoreRow("de-vigged closing market", f.sameGames.market, f.ways));
  } else out.push("  no game with a closing consensus: the model is scored alone");
  if (f.fittedGames && f.fittedGames.model.games !== f.sameGames?.model.games) {
    out.push(scoreRow("model, fitted-weight games", f.fittedGames.model, f.ways));
    out.push(scoreRow("blend, fitted-weight games", f.fittedGames.blend, f.ways));
    out.push(scoreRow("market, fitted-weight games", f.fittedGames.market, f.ways));
  }
  if (f.modelAll) out.push(scoreRow("model, every played game", f.modelAll, f.ways));
  if (f.tiesLeftOut) out.push(`  (${f.tiesLeftOut} tied games of the 2-way market left out)`);
  return out;
}

function calibrationLines(r: BacktestReport): string[] {
  const same = r.forecasts.sameGames;
  const sets: Array<[string, ForecastScores]> = same
    ? [
        ["model", same.model],
        ["blend", same.blend],
        ["market", same.market],
      ]
    : r.forecasts.modelAll
      ? [["model", r.forecasts.modelAll]]
      : [];
  if (sets.length === 0) return ["  no forecasts"];
  const out = [
    `  ${"decile".padEnd(10)}${sets.map(([n]) => pad(`${n}: predicted → observed (n)`, 34)).join("")}`,
  ];
  for (let b = 0; b < 10; b++) {
    const cells = sets.map(([, s]) => {
      const bin = s.calibration[b]!;
      return bin.count === 0
        ? "—"
        : `${bin.meanProbability.toFixed(3)} → ${bin.observedRate.toFixed(3)} (${bin.count})`;
    });
    out.push(
      `  ${`${(b / 10).toFixed(1)}-${((b + 1) / 10).toFixed(1)}`.padEnd(10)}${cells.map((c) => pad(c, 34)).join("")}`,
    );
  }
  return out;
}

function weightLines(r: BacktestReport): string[] {
  const blend = r.strategy.blend;
  if (blend.weight !== "fitted") return [`  fixed at ${blend.weight} (1 = the raw model, 0 = the market)`];
  return Object.entries(r.blendWeights)
    .filter(([, w]) => w.days > 0)
    .map(([m, w]) =>
      w.fittedDays === 0
        ? `  ${m}: never fitted (too few earlier games with a closing consensus): the default weight`
        : `  ${m}: fitted on ${w.fittedDays} of ${w.days} decision days; first ${w.first!.toFixed(3)}, last ${w.last!.toFixed(3)}, range ${w.min!.toFixed(3)}-${w.max!.toFixed(3)}`,
    );
}

export function formatReport(r: BacktestReport): string {
  const markets = Object.keys(r.byMarket);
  return [
    `${r.sport} ${r.from} to ${r.to}: strategy "${r.strategy.name}" (${r.strategy.strategy}, ${priceTiming(r)}), model ${r.model}`,
    "",
    "Betting",
    ...bettingTable(r),
    ...(markets.length > 1
      ? Object.entries(r.byMarket).map(
          ([m, s]) =>
            `  ${m}: ${s.bets} bets, turnover ${s.turnover}, profit ${s.profit}, yield ${pct(s.yield)}`,
        )
      : []),
    `  suspect quotes (edge above the maximum, recorded and not bet): ${r.suspects}`,
    ...(r.assumedPrice ? [`  assumed price: ${r.assumedPrice.note}`] : []),
    "",
    "Closing-line value",
    ...clvLines(r),
    "",
    "Forecasts of the moneyline on the same games",
    ...forecastLines(r),
    "",
    "Calibration by decile (every outcome's probability, pooled)",
    ...calibrationLines(r),
    "",
    "Blend weight (the model's share in log-odds)",
    ...weightLines(r),
    "",
    "Definitions",
    ...Object.entries(r.definitions).map(([k, v]) => `  ${k}: ${v}`),
  ].join("\n");
}

/**
 * Strategies side by side on the same games: bets, turnover, yield with its bootstrap interval,
 * maximum drawdown, average CLV against the sharp (Pinnacle de-vigged) close and the share of bets
 * beating it.
 */
export function formatComparison(reports: readonly BacktestReport[]): string {
  const head = [
    "strategy",
    "bets",
    "turnover",
    "yield",
    "95% interval",
    "max drawdown",
    "CLV vs sharp",
    "beat it",
  ];
  const rows = reports.map((r) => [
    `${r.strategy.name} (${r.strategy.strategy})`,
    String(r.betting.bets),
    r.betting.turnover,
    pct(r.betting.yield),
    interval(r.betting.yieldInterval).trim(),
    pct(r.betting.maxDrawdown).replace("+", ""),
    pct(r.sharpClv.average, 2),
    pct(r.sharpClv.positiveShare, 0).replace("+", ""),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    `  ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ")}`;
  const first = reports[0];
  return [
    first
      ? `Strategies side by side, ${first.sport} ${first.from} to ${first.to} (CLV against ${first.sharpClv.books.join("+")}'s de-vigged close)`
      : "No strategies.",
    line(head),
    ...rows.map(line),
  ].join("\n");
}

/** `pnpm edgeline models`: each model's forecasts beside the blend and the market, with calibration. */
export function formatForecastReports(
  title: string,
  reports: Readonly<Record<string, ForecastReport>>,
): string {
  const out = [title];
  for (const [name, f] of Object.entries(reports)) {
    const r = { model: name, forecasts: f } as BacktestReport;
    out.push("", `Model ${name}: forecasts of the moneyline on the same games`, ...forecastLines(r));
    out.push("", "Calibration by decile (every outcome's probability, pooled)", ...calibrationLines(r));
  }
  return out.join("\n");
}
