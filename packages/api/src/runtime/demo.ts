// Demo mode: data for a newcomer with no API keys and no network. Payloads in the real upstream
// formats are generated for a window around today by the plugins' demos and served by the fake
// upstream on loopback with the plugins' routes; every declared base URL points there, so the real
// pipeline code runs unchanged. The past two weeks are backfilled: each past day is replayed from
// the sources' history (pre-game and closing prices), so its recommendations, bets and results
// exist, and once those runs are done every past hour of the window gets its portfolio snapshot
// and each sport one stored backtest of the default strategy over the played days.
import { join } from "node:path";
import {
  addDays,
  defaultStrategy,
  hourOf,
  type PluginRegistry,
  runBacktestJob,
  utcDay,
} from "@edgeline/core";
import { fakeRoutesOf, generateDemoUpstream, localSourceEnv, startFakeUpstream } from "@edgeline/testkit";
import type pg from "pg";
import { queueBackfill, queueHourly, waitForRun } from "../worker/index.ts";

export interface DemoUpstream {
  url: string;
  /** The sports with demo payloads, and the days to run them for (played days, then today). */
  sports: string[];
  from: string;
  today: string;
  stop(): Promise<void>;
}

export async function startDemoUpstream(
  dataDir: string,
  plugins: PluginRegistry,
  today = utcDay(new Date()),
): Promise<DemoUpstream> {
  const daysRun = 14;
  // One more day each side than is run: soccer and tennis also read the neighbouring days.
  const summary = await generateDemoUpstream({
    sports: plugins.list().map((sport) => ({
      sport,
      sources: plugins
        .sourcesFor(sport.code)
        .map(({ source, options }) => ({ source: source.plugin, options })),
    })),
    outDir: join(dataDir, "demo-upstream"),
    today,
    daysBefore: daysRun + 1,
    daysAfter: 7,
  });
  const all = plugins.all().map((p) => p.plugin);
  const server = await startFakeUpstream({
    dataDir: summary.outDir,
    port: 0,
    today,
    routes: fakeRoutesOf(all),
  });
  // Plugins read their base URLs from the environment when the registry builds their contexts.
  Object.assign(process.env, localSourceEnv(all, server.url));
  process.env.ODDS_API_KEY ??= "demo";
  return {
    url: server.url,
    sports: Object.keys(summary.games),
    from: addDays(today, -daysRun),
    today,
    stop: () => server.close(),
  };
}

/**
 * Queues the demo's runs: each sport from the window's first day to today (past days replayed from
 * history, today live). Resolves with a promise that, once every run is done, settles the bets and
 * takes a snapshot for each past hour of the window, so the portfolio curve covers the two weeks,
 * and stores a backtest of each sport's played days (once: a restart finds it stored).
 */
export async function queueDemoRuns(
  demo: Pick<DemoUpstream, "sports" | "from" | "today">,
  opts: { pool: pg.Pool; plugins: PluginRegistry; signal: AbortSignal; now?: () => Date },
): Promise<{ history: Promise<{ hours: number; backtests: number }> }> {
  const runs = [];
  for (const sport of demo.sports) {
    const q = await queueBackfill({ sport, from: demo.from, to: demo.today }, opts);
    runs.push(
      ...q.days.map((date, i) => ({ sport: q.sport, date, steps: q.steps, fromRunId: q.runs[i]!.runId })),
    );
  }
  const history = (async () => {
    for (const run of runs) {
      if (opts.signal.aborted) return { hours: 0, backtests: 0 };
      await waitForRun(opts.pool, run, { pollMs: 1000, timeoutMs: 30 * 60_000 });
    }
    if (opts.signal.aborted) return { hours: 0, backtests: 0 };
    const now = opts.now?.() ?? new Date();
    await queueHourly("bet_sync_hourly", { pool: opts.pool, at: now });
    let hours = 0;
    for (
      let at = new Date(`${demo.from}T00:00:00Z`);
      at <= hourOf(now);
      at = new Date(at.getTime() + 3_600_000)
    ) {
      await queueHourly("portfolio_hourly_snapshot", { pool: opts.pool, at });
      hours++;
    }
    const backtests = await storeDemoBacktests(demo, opts);
    return { hours, backtests };
  })();
  return { history };
}

/** One default-strategy backtest per demo sport over the played days, unless one is stored. */
async function storeDemoBacktests(
  demo: Pick<DemoUpstream, "sports" | "from" | "today">,
  opts: { pool: pg.Pool; plugins: PluginRegistry; signal: AbortSignal },
): Promise<number> {
  const to = addDays(demo.today, -1);
  const strategy = defaultStrategy();
  let stored = 0;
  for (const sport of demo.sports) {
    if (opts.signal.aborted) break;
    const { rowCount } = await opts.pool.query(
      "SELECT 1 FROM backtest_runs WHERE sport = $1 AND strategy = $2 AND from_date = $3 AND to_date = $4",
      [sport, strategy.name, demo.from, to],
    );
    if (rowCount) continue;
    await runBacktestJob(opts.pool, opts.plugins, { sport, from: demo.from, to, strategies: [strategy] });
    stored++;
  }
  return stored;
}
