// A backtest run as chart series: the equity curve (end-of-day bankroll by day) and the
// calibration of each forecaster on the same decile buckets. Bankrolls are Decimal strings from
// the API; they become numbers only as plotted points.
import { Decimal } from "decimal.js";

export interface CurvePoint {
  day: string;
  bankroll: string;
}

/** Unix seconds of each day's UTC midnight and the bankroll at its end. */
export function equitySeries(curve: readonly CurvePoint[]): { times: number[]; bankroll: number[] } {
  const sorted = [...curve].sort((a, b) => a.day.localeCompare(b.day));
  return {
    times: sorted.map((p) => Date.parse(`${p.day}T00:00:00Z`) / 1000),
    bankroll: sorted.map((p) => new Decimal(p.bankroll).toNumber()),
  };
}

export interface ScoredForecaster {
  forecaster: string;
  calibration: ReadonlyArray<{ lower: number; upper: number; count: number; observedRate: number | null }>;
}

export interface CalibrationSeries {
  /** The buckets' midpoints, shared by every series (uPlot aligns series on one x). */
  x: number[];
  series: Array<{ label: string; values: (number | null)[]; color: string; format: (v: number) => string }>;
}

const COLORS = ["#1b6ac9", "#c44e00", "#2a8a3e", "#7a3db8"];
const pct = (v: number) => `${(v * 100).toFixed(1)} %`;

/**
 * One series per forecaster: the observed frequency in each bucket (null where it had no
 * forecast), and the diagonal of perfect calibration. Buckets are the report's (deciles).
 */
export function calibrationSeries(
  forecasters: readonly ScoredForecaster[],
  labels: Readonly<Record<string, string>> = {},
): CalibrationSeries {
  const first = forecasters[0];
  if (!first) return { x: [], series: [] };
  const x = first.calibration.map((b) => (b.lower + b.upper) / 2);
  return {
    x,
    series: [
      { label: "Perfect calibration", values: x, color: "#888888", format: pct },
      ...forecasters.map((f, i) => ({
        label: labels[f.forecaster] ?? f.forecaster,
        values: f.calibration.map((b) => (b.count > 0 ? b.observedRate : null)),
        color: COLORS[i % COLORS.length]!,
        format: pct,
      })),
    ],
  };
}
