// Gauges read from the database at scrape time, so every process reports the same state whichever
// worker did the work: the job queue (through graphile-worker's public `jobs` view, never its
// private tables), the age of each odds source's last successful fetch per sport, the bankroll,
// the open exposure and today's profit. One round of queries per scrape, however many gauges.
import { Gauge } from "prom-client";
import type { SqlReader } from "../repositories/queryable.ts";
import type { EdgelineMetrics } from "./metrics.ts";

interface QueueRow {
  task: string;
  state: string;
  jobs: number;
  oldest_age: number | null;
}

interface Snapshot {
  queue: QueueRow[];
  fetches: Array<{ source: string; sport: string; age: number }>;
  bankroll: number | null;
  dailyPnl: number | null;
  exposure: number;
}

// Waiting jobs by task: ready (due, unlocked), scheduled (run_at in the future), running (locked)
// and failed (out of attempts). The oldest ready job's age is how far the queue is behind.
const QUEUE_SQL = `
  SELECT task_identifier AS task,
         CASE WHEN attempts >= max_attempts THEN 'failed'
              WHEN locked_at IS NOT NULL THEN 'running'
              WHEN run_at > now() THEN 'scheduled'
              ELSE 'ready' END AS state,
         count(*)::int AS jobs,
         extract(epoch FROM now() - min(run_at))::float8 AS oldest_age
    FROM graphile_worker.jobs
   GROUP BY 1, 2`;

// fetch_markets records each source that answered, in its transaction (source_fetches).
const FETCH_SQL = `
  SELECT source, sport, extract(epoch FROM now() - last_success_at)::float8 AS age FROM source_fetches`;

const PORTFOLIO_SQL = `
  SELECT (SELECT total_value::float8 FROM portfolio_snapshots ORDER BY snapshot_time DESC LIMIT 1) AS bankroll,
         (SELECT total_value::float8 FROM portfolio_snapshots ORDER BY snapshot_time DESC LIMIT 1)
           - (SELECT total_value::float8 FROM portfolio_snapshots
               WHERE snapshot_time >= date_trunc('day', now()) ORDER BY snapshot_time LIMIT 1) AS daily_pnl,
         (SELECT coalesce(sum(stake), 0)::float8 FROM placed_bets WHERE status = 'pending') AS exposure`;

async function readSnapshot(db: SqlReader): Promise<Snapshot> {
  const [queue, fetches, portfolio] = await Promise.all([
    db.query<QueueRow>(QUEUE_SQL).then(
      (r) => r.rows,
      // Before the worker has created its schema there is no queue to report.
      () => [] as QueueRow[],
    ),
    db.query<{ source: string; sport: string; age: number }>(FETCH_SQL),
    db.query<{ bankroll: number | null; daily_pnl: number | null; exposure: number }>(PORTFOLIO_SQL),
  ]);
  const p = portfolio.rows[0]!;
  return { queue, fetches: fetches.rows, bankroll: p.bankroll, dailyPnl: p.daily_pnl, exposure: p.exposure };
}

/**
 * Registers the database gauges on `metrics`' registry, reading through `db`. Calling it again
 * (a second server in one process) points the same gauges at the newer pool.
 */
export function registerDatabaseGauges(metrics: EdgelineMetrics, db: SqlReader): void {
  const existing = gaugeSources.get(metrics);
  if (existing) {
    existing.db = db;
    return;
  }
  const source: { db: SqlReader; pending?: Promise<Snapshot | undefined>; at: number } = { db, at: 0 };
  gaugeSources.set(metrics, source);
  // Every gauge's collect() asks for the snapshot; the first one of a scrape reads it.
  const snapshot = () => {
    if (!source.pending || Date.now() - source.at > 500) {
      source.at = Date.now();
      source.pending = readSnapshot(source.db).catch(() => undefined);
    }
    return source.pending;
  };
  const registers = [metrics.registry];
  new Gauge({
    name: "edgeline_queue_jobs",
    help: "Jobs in graphile-worker's queue by task and state (ready, scheduled, running, failed).",
    labelNames: ["task", "state"] as const,
    registers,
    async collect() {
      const s = await snapshot();
      this.reset();
      for (const row of s?.queue ?? []) this.set({ task: row.task, state: row.state }, row.jobs);
    },
  });
  new Gauge({
    name: "edgeline_queue_oldest_ready_job_age_seconds",
    help: "Age of the oldest job due to run and not yet taken, by task: how far the workers are behind.",
    labelNames: ["task"] as const,
    registers,
    async collect() {
      const s = await snapshot();
      this.reset();
      for (const row of s?.queue ?? [])
        if (row.state === "ready") this.set({ task: row.task }, Math.max(0, row.oldest_age ?? 0));
    },
  });
  new Gauge({
    name: "edgeline_odds_last_fetch_age_seconds",
    help: "Seconds since an odds source last answered a fetch of a sport's prices.",
    labelNames: ["source", "sport"] as const,
    registers,
    async collect() {
      const s = await snapshot();
      this.reset();
      for (const f of s?.fetches ?? []) this.set({ source: f.source, sport: f.sport }, Math.max(0, f.age));
    },
  });
  // Unlabelled gauges of one figure each; a figure the database does not have yet is left out.
  const scalars: Array<[name: string, help: string, pick: (s: Snapshot) => number | null]> = [
    [
      "edgeline_bankroll",
      "Portfolio value at the latest snapshot, in the bankroll's currency units.",
      (s) => s.bankroll,
    ],
    [
      "edgeline_daily_pnl",
      "Change of the portfolio value since the first snapshot of the UTC day, in currency units.",
      (s) => s.dailyPnl,
    ],
    ["edgeline_open_exposure", "Total stake of bets still pending, in currency units.", (s) => s.exposure],
  ];
  for (const [name, help, pick] of scalars) {
    new Gauge({
      name,
      help,
      registers,
      async collect() {
        const s = await snapshot();
        const value = s ? pick(s) : null;
        if (value !== null) this.set(value);
      },
    });
  }
}

const gaugeSources = new WeakMap<
  EdgelineMetrics,
  { db: SqlReader; pending?: Promise<Snapshot | undefined>; at: number }
>();
