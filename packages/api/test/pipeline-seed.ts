// A test database filled by the real pipeline, as `pnpm start` fills it in demo mode: generated
// payloads in the real upstream formats served by the fake upstream, the real sport plugins, odds
// sources and paper broker, run by the real worker for a week of days up to today; then hourly
// portfolio snapshots, and one day whose fetch_markets fails (a fault injected upstream) so that
// failures exist too. The worker is stopped before returning, so that jobs queued afterwards
// stay in the queue where a test can see them.
import { addDays, utcDay } from "@edgeline/core";
import { queueBackfill, queueDag, queueHourly, startWorker, waitForRun } from "../src/worker/index.ts";
import { startDemoWorld } from "./demo-world.ts";
import { testPool } from "./pipeline-helpers.ts";

export interface PipelineSeed {
  today: string;
  from: string;
  sports: string[];
  /** The day whose fetch_markets failed (tomorrow). */
  failedDay: string;
}

export async function seedWithPipeline(
  databaseUrl: string,
  opts: { sports?: string[]; days?: number; snapshots?: number } = {},
): Promise<PipelineSeed> {
  const today = utcDay(new Date());
  const sports = opts.sports ?? ["NHL", "EPL"];
  const from = addDays(today, -(opts.days ?? 6));
  const world = await startDemoWorld({
    today,
    daysBefore: (opts.days ?? 6) + 1,
    daysAfter: 3,
    httpDeps: { sleep: async () => {} },
  });
  const { upstream, plugins } = world;
  const pool = testPool(databaseUrl);
  const worker = await startWorker({
    connectionString: databaseUrl,
    plugins,
    schedule: false,
    pollIntervalMs: 100,
    maxAttempts: 1,
  });
  try {
    for (const sport of sports) {
      const q = await queueBackfill({ sport, from, to: today }, { pool, plugins });
      for (const [i, date] of q.days.entries()) {
        const o = await waitForRun(
          pool,
          { sport, date, steps: q.steps, fromRunId: q.runs[i]!.runId },
          { timeoutMs: 60_000 },
        );
        if (!o.ok) throw new Error(`seed: ${sport} ${date} did not succeed: ${JSON.stringify(o.steps)}`);
      }
    }
    // Snapshots on the last hours, oldest first (each values the bets as they stand).
    const hour = Math.floor(Date.now() / 3_600_000) * 3_600_000;
    for (let h = (opts.snapshots ?? 6) - 1; h >= 0; h--) {
      const q = await queueHourly("portfolio_hourly_snapshot", { pool, at: new Date(hour - h * 3_600_000) });
      await waitForRun(
        pool,
        {
          dag: "hourly",
          sport: null as never,
          date: q.runDate,
          steps: ["portfolio_hourly_snapshot" as never],
          fromRunId: q.runId,
        },
        { timeoutMs: 30_000 },
      );
    }
    // Tomorrow's odds fetch fails: a failed run with its error, downstream steps not run.
    const failedDay = addDays(today, 1);
    upstream.injectFault("/trade-api/v2/markets", { kind: "status", status: 500 });
    const q = await queueDag({ sport: sports[0]!, date: failedDay }, { pool, plugins, maxAttempts: 1 });
    await waitForRun(
      pool,
      { sport: sports[0]!, date: failedDay, steps: q.steps, fromRunId: q.runs[0]!.runId },
      { timeoutMs: 60_000 },
    );
    upstream.clearFaults();
    return { today, from, sports, failedDay };
  } finally {
    await worker.stop();
    await pool.end();
    await world.close();
  }
}
