// Integration tests run on a real PostgreSQL: one migrated template database per migrations
// state, and a fresh database per test file created `WITH TEMPLATE` (isolated, parallel, fast;
// the pattern of graphile-worker's own test helpers).
import { createHash, randomBytes } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type pg from "pg";
import { createPgClient } from "../db/clients.ts";
import { migrate } from "../db/migrations.ts";
import { prismaPaths } from "../db/paths.ts";

/** The server tests use; the global setup sets TEST_DATABASE_URL before any test file runs. */
export function testServerUrl(): string {
  return process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** A digest of the migrations folder, so a changed migration gets a new template. */
function migrationsDigest(): string {
  const hash = createHash("sha256");
  for (const dir of readdirSync(prismaPaths.migrationsDir, { withFileTypes: true })) {
    if (!dir.isDirectory()) continue;
    hash.update(dir.name);
    hash.update(readFileSync(join(prismaPaths.migrationsDir, dir.name, "migration.sql")));
  }
  return hash.digest("hex").slice(0, 12);
}

async function withAdmin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = createPgClient({ connectionString: withDatabase(testServerUrl(), "postgres") });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Creates (once per migrations state) the migrated template database and returns its name. */
export async function ensureTemplateDatabase(): Promise<string> {
  const name = `edgeline_tpl_${migrationsDigest()}`;
  await withAdmin(async (admin) => {
    // Several test workers may arrive at once; one builds the template, the others wait.
    await admin.query("SELECT pg_advisory_lock(hashtext('edgeline:test-template'))");
    try {
      const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1 AND datistemplate", [
        name,
      ]);
      if (exists.rowCount) return;
      await admin.query(`DROP DATABASE IF EXISTS "${name}"`);
      await admin.query(`CREATE DATABASE "${name}"`);
      await migrate(withDatabase(testServerUrl(), name));
      await admin.query(`ALTER DATABASE "${name}" WITH is_template = true`);
    } finally {
      await admin.query("SELECT pg_advisory_unlock(hashtext('edgeline:test-template'))");
    }
  });
  return name;
}

export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

/** A fresh, migrated database for one test file. `empty: true` skips the template (no tables). */
export async function createTestDatabase(opts: { empty?: boolean } = {}): Promise<TestDatabase> {
  const template = opts.empty ? "template0" : await ensureTemplateDatabase();
  const name = `edgeline_test_${randomBytes(6).toString("hex")}`;
  await withAdmin((admin) => admin.query(`CREATE DATABASE "${name}" WITH TEMPLATE "${template}"`));
  return {
    url: withDatabase(testServerUrl(), name),
    name,
    drop: () =>
      withAdmin((admin) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => {}),
  };
}
