// `pnpm start`: one process with the API server, the worker and its crontab. Without
// DATABASE_URL it runs an embedded PostgreSQL in EDGELINE_DATA_DIR/pg. The database is migrated
// before anything else starts; SIGINT/SIGTERM stop everything in reverse order.
import { ConfigError, loadEnv, migrate } from "@edgeline/core";
import pg from "pg";
import { resolveDatabase } from "./runtime/database.ts";
import { startHealthServer } from "./runtime/health-server.ts";

type Stop = () => Promise<void>;

async function main(): Promise<void> {
  const env = loadEnv();
  const stops: Stop[] = [];
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop().catch((err) => console.error(err));
  };
  let stopping = false;
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

  const pool = new pg.Pool({ connectionString: db.url, max: 2 });
  // On Ctrl-C the terminal signals the embedded server too; its goodbye is not an error.
  pool.on("error", (err) => stopping || console.error("database connection lost:", err.message));
  stops.push(() => pool.end());
  const server = await startHealthServer(env.PORT, async () => (await pool.query("SELECT 1")).rowCount === 1);
  stops.push(() => server.stop());
  console.log(`Edgeline is up: ${server.url}/health`);
}

main().catch((err) => {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});
