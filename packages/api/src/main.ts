// `pnpm start`: one process with the API server, the worker and its crontab. Without
// DATABASE_URL it runs an embedded PostgreSQL in EDGELINE_DATA_DIR/pg and, unless EDGELINE_DEMO=0,
// demo mode (generated payloads served locally). The database is migrated before anything else
// starts; SIGINT/SIGTERM stop everything in reverse order.
//
//   pnpm start [--no-api] [--no-worker] [--no-schedule]
import { parseArgs } from "node:util";
import { ConfigError, loadConfig, loadPlugins, migrate, PluginLoadError } from "@edgeline/core";
import { ensureDashboardBundle } from "@edgeline/dashboard/bundle";
import { knownErrorMessage } from "./cli/errors.ts";
import { resolveDatabase } from "./runtime/database.ts";
import { queueDemoRuns, startDemoUpstream } from "./runtime/demo.ts";
import { apiConfigFrom, startApiServer } from "./server/index.ts";
import { startWorker, workerOptionsFrom } from "./worker/index.ts";

type Stop = () => Promise<void>;

async function main(): Promise<void> {
  const { values: flags } = parseArgs({
    options: {
      "no-api": { type: "boolean", default: false },
      "no-worker": { type: "boolean", default: false },
      "no-schedule": { type: "boolean", default: false },
    },
  });
  // Every setting is validated before anything starts.
  const env = loadConfig();
  const workerOptions = workerOptionsFrom(env);
  const apiConfig = apiConfigFrom(env);
  const stops: Stop[] = [];
  let stopping = false;
  const shutdown = new AbortController();
  const stopAll = async () => {
    shutdown.abort();
    for (const stop of stops.reverse()) await stop().catch((err) => console.error(err));
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      console.log(`${signal}: stopping`);
      void stopAll().then(() => process.exit(0));
    });
  }

  const db = await resolveDatabase(env);
  stops.push(() => db.release());
  console.log(`database: ${db.source}`);
  const migrated = await migrate(db.url);
  if (migrated.applied.length) console.log(`applied migrations: ${migrated.applied.join(", ")}`);

  const demoMode = env.demo ?? db.source !== "DATABASE_URL";
  // The plugins bring the demo's payloads and the fake upstream's routes; loaded again below once
  // the demo has pointed their base URLs at it.
  const demo = demoMode ? await startDemoUpstream(env.dataDir, await loadPlugins()) : undefined;
  if (demo) {
    stops.push(() => demo.stop());
    console.log(
      `demo mode: sources served from generated payloads at ${demo.url} (EDGELINE_DEMO=0 for the real APIs)`,
    );
  }
  const plugins = await loadPlugins();

  if (!flags["no-worker"]) {
    const worker = await startWorker({
      ...workerOptions,
      connectionString: db.url,
      plugins,
      schedule: !flags["no-schedule"],
      // With the API in this process its /metrics serves the same registry; alone, the worker
      // opens its own metrics port.
      ...(flags["no-api"] && env.operations.workerMetricsPort !== undefined
        ? { metricsPort: env.operations.workerMetricsPort }
        : {}),
      onFatal: (err) => {
        console.error(`worker stopped: ${err.message}`);
        process.kill(process.pid, "SIGTERM");
      },
    });
    stops.push(() => worker.stop());
    console.log(
      `worker: ${plugins.list().length} sports${flags["no-schedule"] ? "" : ", crontab on"}${worker.metricsUrl ? `, metrics at ${worker.metricsUrl}` : ""}`,
    );
    if (demo) {
      // Two weeks replayed from the sources' history and today's slate: ratings, prices,
      // recommendations, settled paper bets and the portfolio's hourly curve.
      const { history } = await queueDemoRuns(demo, { pool: worker.pool, plugins, signal: shutdown.signal });
      console.log(`demo: queued ${demo.sports.join(", ")} from ${demo.from} to ${demo.today}`);
      history.then(
        ({ hours, backtests }) =>
          hours > 0 &&
          console.log(
            `demo: runs done; bets synced, ${hours} hourly snapshots queued${backtests ? `, ${backtests} backtests stored` : ""}`,
          ),
        (err: Error) =>
          !shutdown.signal.aborted && console.error(`demo: history not completed: ${err.message}`),
      );
    }
  }

  if (!flags["no-api"]) {
    // Demo data is not private: unless the variable says otherwise, GraphiQL reads it without a key.
    const openDemoReads = demo !== undefined && env.api.readRequiresKey === undefined;
    const config = openDemoReads ? { ...apiConfig, readRequiresKey: false } : apiConfig;
    // Built here when missing or stale (a fresh clone, or edited sources); the API runs without it
    // if the build fails, saying why.
    const dashboardDir = await ensureDashboardBundle((line) => console.log(line)).catch((err: Error) => {
      console.error(`dashboard: not served, its build failed: ${err.message}`);
      return undefined;
    });
    const api = await startApiServer({ databaseUrl: db.url, plugins, port: env.port, config, dashboardDir });
    stops.push(() => api.stop());
    console.log(
      config.readRequiresKey
        ? "API keys: every request needs one; create with `pnpm edgeline keys create --scope read|write`"
        : "API keys: reads are open in demo mode; mutations need `pnpm edgeline keys create --scope write`",
    );
    console.log(
      `Edgeline is up: ${dashboardDir ? `dashboard at ${api.origin}/, ` : ""}GraphQL and GraphiQL at ${api.url}, health at ${api.origin}/health, metrics at ${api.origin}/metrics`,
    );
  }
}

main().catch((err) => {
  // A setting, a plugin, a port in use or no database: the user can fix it, and its message says
  // what; a stack trace would bury it. Anything else is a bug, printed whole.
  const known =
    err instanceof ConfigError || err instanceof PluginLoadError ? err.message : knownErrorMessage(err);
  console.error(known ?? err);
  process.exit(1);
});
