// The Pipelines page's grid, like Airflow's grid view: one row per sport and step, one column per
// run date, each cell the latest attempt of that step for that day (with every attempt kept for
// the details). Step order comes from the runs themselves: within a sport's day, each step is
// queued when the one before it succeeds, so first-queued order is the DAG's order.
export interface Run {
  id: string;
  dag: string;
  sport: string | null;
  step: string;
  runDate: string;
  status: string;
  attempt: number;
  queuedAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  rowsWritten: number | null;
  error: string | null;
}

export interface GridCell {
  latest: Run;
  /** Every attempt, oldest first. */
  attempts: Run[];
}

export interface GridRow {
  /** The sport, or null for the hourly jobs (portfolio snapshot, bet sync). */
  sport: string | null;
  step: string;
  cells: Map<string, GridCell>;
}

export interface RunGrid {
  days: string[];
  rows: GridRow[];
}

const byQueued = (a: Run, b: Run) => a.queuedAt.localeCompare(b.queuedAt) || a.attempt - b.attempt;

/** Steps of one group of runs in the order they were first queued within each day, on average. */
function stepOrder(runs: readonly Run[]): string[] {
  const ranks = new Map<string, number[]>();
  const days = new Map<string, Run[]>();
  for (const r of runs) days.set(r.runDate, [...(days.get(r.runDate) ?? []), r]);
  for (const dayRuns of days.values()) {
    const firsts = new Map<string, string>();
    for (const r of [...dayRuns].sort(byQueued)) if (!firsts.has(r.step)) firsts.set(r.step, r.queuedAt);
    for (const [i, step] of [...firsts.keys()].entries()) ranks.set(step, [...(ranks.get(step) ?? []), i]);
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  return [...ranks.entries()]
    .sort(([a, ra], [b, rb]) => mean(ra) - mean(rb) || a.localeCompare(b))
    .map(([step]) => step);
}

export function runGrid(runs: readonly Run[], days: readonly string[]): RunGrid {
  const inWindow = runs.filter((r) => days.includes(r.runDate));
  const sports = [...new Set(inWindow.map((r) => r.sport))].sort((a, b) =>
    a === null ? 1 : b === null ? -1 : a.localeCompare(b),
  );
  const rows: GridRow[] = [];
  for (const sport of sports) {
    const sportRuns = inWindow.filter((r) => r.sport === sport);
    for (const step of stepOrder(sportRuns)) {
      const cells = new Map<string, GridCell>();
      for (const day of days) {
        const attempts = sportRuns.filter((r) => r.step === step && r.runDate === day).sort(byQueued);
        if (attempts.length) cells.set(day, { latest: attempts[attempts.length - 1]!, attempts });
      }
      rows.push({ sport, step, cells });
    }
  }
  return { days: [...days], rows };
}

/** Failed attempts in the window, newest first. */
export function failures(runs: readonly Run[], days: readonly string[]): Run[] {
  return runs
    .filter((r) => r.status === "failed" && days.includes(r.runDate))
    .sort((a, b) => b.queuedAt.localeCompare(a.queuedAt));
}

/**
 * The grid's columns: `count` days ending on the latest run date, or today if that is later
 * (a run queued ahead for tomorrow still shows).
 */
export function gridDays(runs: readonly Run[], count: number, today: string): string[] {
  const last = [today, ...runs.map((r) => r.runDate)].sort().at(-1)!;
  const end = Date.parse(`${last}T00:00:00Z`);
  return Array.from({ length: count }, (_, i) =>
    new Date(end - (count - 1 - i) * 86_400_000).toISOString().slice(0, 10),
  );
}
