// The Overview's portfolio curve: snapshot values as chart series, and the drawdown (how far the
// total value is below its running peak). Amounts are computed with decimal.js; they become
// numbers only as plotted points.
import { Decimal } from "decimal.js";

export interface SnapshotPoint {
  snapshotTime: string;
  totalValue: string;
  realizedPnl: string | null;
  unrealizedPnl: string | null;
}

export interface PortfolioSeries {
  /** Unix seconds (uPlot's x unit). */
  times: number[];
  totalValue: number[];
  realizedPnl: (number | null)[];
  unrealizedPnl: (number | null)[];
  /** Total value minus its running peak (≤ 0), in money. */
  drawdown: number[];
  /** The deepest drawdown, in money (≤ 0) and as a fraction of the peak it fell from. */
  maxDrawdown: { amount: Decimal; fraction: number; at: string | null };
}

const num = (v: string | null) => (v === null ? null : new Decimal(v).toNumber());

export function portfolioSeries(snapshots: readonly SnapshotPoint[]): PortfolioSeries {
  const sorted = [...snapshots].sort((a, b) => Date.parse(a.snapshotTime) - Date.parse(b.snapshotTime));
  let peak: Decimal | null = null;
  let max = { amount: new Decimal(0), fraction: 0, at: null as string | null };
  const drawdown: number[] = [];
  for (const s of sorted) {
    const value = new Decimal(s.totalValue);
    peak = peak === null || value.gt(peak) ? value : peak;
    const dd = value.minus(peak);
    drawdown.push(dd.toNumber());
    if (dd.lt(max.amount)) {
      max = { amount: dd, fraction: peak.isZero() ? 0 : dd.div(peak).toNumber(), at: s.snapshotTime };
    }
  }
  return {
    times: sorted.map((s) => Date.parse(s.snapshotTime) / 1000),
    totalValue: sorted.map((s) => new Decimal(s.totalValue).toNumber()),
    realizedPnl: sorted.map((s) => num(s.realizedPnl)),
    unrealizedPnl: sorted.map((s) => num(s.unrealizedPnl)),
    drawdown,
    maxDrawdown: max,
  };
}
