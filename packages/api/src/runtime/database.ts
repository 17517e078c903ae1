// Which PostgreSQL this process uses: DATABASE_URL when set, else the embedded server whose data
// lives in EDGELINE_DATA_DIR/pg. A second process (the CLI while `pnpm start` runs) joins the
// embedded server that is already running instead of starting another on the same files.
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { createPgClient, type EdgelineConfig, startEmbeddedPostgres } from "@edgeline/core";

export interface ResolvedDatabase {
  url: string;
  source: "DATABASE_URL" | "embedded" | "embedded (already running)";
  /** Stops the embedded server if this process started it. */
  release(): Promise<void>;
}

const embeddedDatabase = "edgeline";

async function runningEmbeddedUrl(dataDir: string): Promise<string | undefined> {
  const pidFile = join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return undefined;
  // postmaster.pid: line 1 the pid, line 4 the port.
  const lines = readFileSync(pidFile, "utf8").split("\n");
  const port = Number(lines[3]);
  if (!Number.isInteger(port)) return undefined;
  const url = `postgresql://edgeline:edgeline@127.0.0.1:${port}/${embeddedDatabase}`;
  const client = createPgClient({ connectionString: url, connectionTimeoutMillis: 1000 });
  try {
    await client.connect();
    return url;
  } catch {
    return undefined; // a stale pid file: the server is not running
  } finally {
    await client.end().catch(() => {});
  }
}

export async function resolveDatabase(config: EdgelineConfig): Promise<ResolvedDatabase> {
  if (config.database.url)
    return { url: config.database.url, source: "DATABASE_URL", release: async () => {} };
  const dataDir = resolve(config.dataDir, "pg");
  const running = await runningEmbeddedUrl(dataDir);
  if (running) return { url: running, source: "embedded (already running)", release: async () => {} };
  const db = await startEmbeddedPostgres({ dataDir, database: embeddedDatabase });
  return { url: db.url, source: "embedded", release: () => db.stop() };
}
