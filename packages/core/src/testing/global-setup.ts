// Vitest global setup: find a PostgreSQL for the integration tests. TEST_DATABASE_URL wins; else
// the server on 127.0.0.1:5432; else an embedded PostgreSQL started here, so the suite passes on a
// machine with no database installed.
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createPgClient } from "../db/clients.ts";
import { type EmbeddedDatabase, startEmbeddedPostgres } from "../db/embedded.ts";

async function reachable(url: string): Promise<boolean> {
  const client = createPgClient({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

let embedded: EmbeddedDatabase | undefined;

export async function setup(): Promise<void> {
  // Every package's project runs this setup in the same process: the first one decides.
  if (process.env.TEST_DATABASE_URL) return;
  const local = "postgresql://postgres@127.0.0.1:5432/postgres";
  // EDGELINE_TEST_EMBEDDED=1 forces the embedded path, to check it on a machine that has a server.
  if (process.env.EDGELINE_TEST_EMBEDDED !== "1" && (await reachable(local))) {
    process.env.TEST_DATABASE_URL = local;
    return;
  }
  embedded = await startEmbeddedPostgres({
    dataDir: join(tmpdir(), "edgeline-test-pg"),
    database: "postgres",
  });
  process.env.TEST_DATABASE_URL = embedded.adminUrl;
  console.log(`[edgeline] tests use an embedded PostgreSQL on port ${embedded.port}`);
}

export async function teardown(): Promise<void> {
  await embedded?.stop();
}
