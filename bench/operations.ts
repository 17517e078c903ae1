// Operations' costs, on a scratch database:
//  1. `edgeline export bets` streamed from the cursor: N placed_bets rows (EXPORT_ROWS, default
//     200,000) as CSV and as JSON, in rows per second, with the process's peak RSS growth over the
//     export (a streamed export stays flat whatever N; a buffered one grows with it);
//  2. one /metrics scrape: the registry's text with the database gauges' queries, in milliseconds.
// Run alone with `pnpm exec tsx bench/operations.ts`.
import path from "node:path";
import { Writable } from "node:stream";
import { fileURLToPath } from "node:url";
import { streamExport } from "../packages/api/src/exports/stream-export.ts";
import { createPgPool } from "../packages/core/src/db/clients.ts";
import { createMetrics, registerDatabaseGauges } from "../packages/core/src/metrics/index.ts";
import { createTestDatabase } from "../packages/core/src/testing/index.ts";

/** A sink that counts bytes and samples the RSS as the export runs. */
function countingSink() {
  const start = process.memoryUsage().rss;
  const state = { bytes: 0, peakRss: start, start };
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      state.bytes += chunk.length;
      state.peakRss = Math.max(state.peakRss, process.memoryUsage().rss);
      done();
    },
  });
  return { sink, state };
}

export async function main(): Promise<void> {
  const rows = Number(process.env.EXPORT_ROWS ?? 200_000);
  const db = await createTestDatabase();
  const pool = createPgPool({ connectionString: db.url, poolSize: 2, statementTimeoutMs: 600_000 });
  try {
    await pool.query(
      `INSERT INTO placed_bets (bet_id, market_id, bookmaker, outcome, stake, odds, potential_payout, status,
         placed_time_utc, market_title)
       SELECT 'bet-' || i, 'm' || i, 'Paper', 'home_team_win', 10, 1.95, 19.5, 'pending',
              timestamptz '2024-01-01Z' + (i % 365) * interval '1 day', 'NHL game ' || i
         FROM generate_series(1, $1) i`,
      [rows],
    );
    for (const format of ["csv", "json"] as const) {
      const { sink, state } = countingSink();
      const t0 = performance.now();
      const n = await streamExport(pool, { kind: "bets" }, format, sink);
      const s = (performance.now() - t0) / 1000;
      console.log(
        `export bets ${format}: ${n.toLocaleString("en")} rows, ${(state.bytes / 1e6).toFixed(1)} MB in ${s.toFixed(2)} s = ${Math.round(n / s).toLocaleString("en")} rows/s; peak RSS +${((state.peakRss - state.start) / 1e6).toFixed(0)} MB`,
      );
    }
    const metrics = createMetrics();
    registerDatabaseGauges(metrics, pool);
    await metrics.registry.metrics();
    const times: number[] = [];
    for (let i = 0; i < 20; i++) {
      await new Promise((r) => setTimeout(r, 510)); // past the gauges' 500 ms snapshot reuse
      const t0 = performance.now();
      await metrics.registry.metrics();
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    console.log(
      `/metrics scrape with the database gauges (${rows.toLocaleString("en")} bets): median ${times[10]!.toFixed(1)} ms, max ${times[19]!.toFixed(1)} ms`,
    );
  } finally {
    await pool.end();
    await db.drop();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  await main();
}
