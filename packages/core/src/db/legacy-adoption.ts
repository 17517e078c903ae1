// Adoption of a database created by the original system's schema manager (`CREATE TABLE IF NOT
// EXISTS`, plain `timestamp` columns holding UTC, unnamed indexes). Instead of failing on existing
// tables, `migrate` applies only the difference between the live tables and the Prisma schema, in
// one transaction, then records every migration as applied (a baseline).
import type { MigrationList } from "@prisma/schema-engine-wasm";
import pg from "pg";
import type { SchemaEngine } from "./schema-engine.ts";
import { prismaPaths } from "./paths.ts";
import { readFile } from "node:fs/promises";

/** The six tables of the original system. */
export const seedTables = [
  "unified_games",
  "game_odds",
  "placed_bets",
  "portfolio_snapshots",
  "elo_ratings",
  "bet_recommendations",
] as const;

async function withClient<T>(connectionString: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString, options: "-c TimeZone=UTC" });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function publicTables(client: pg.Client): Promise<string[]> {
  const res = await client.query<{ name: string }>(
    "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'",
  );
  return res.rows.map((r) => r.name);
}

/** True when seed tables exist but Prisma's migration history does not. */
export async function isLegacyDatabase(connectionString: string): Promise<boolean> {
  return withClient(connectionString, async (client) => {
    const tables = new Set(await publicTables(client));
    return !tables.has("_prisma_migrations") && seedTables.some((t) => tables.has(t));
  });
}

/** Statements that would lose data are never part of an adoption. */
const destructive = /\bDROP\s+(TABLE|COLUMN)\b/i;

export async function adoptLegacyDatabase(
  engine: SchemaEngine,
  connectionString: string,
  migrationsList: MigrationList,
): Promise<{ baselined: string[]; statementsApplied: number }> {
  const schemaText = await readFile(prismaPaths.schema, "utf8");
  return withClient(connectionString, async (client) => {
    // Tables the schema does not own (another application's, say) are left out of the diff.
    const owned = new Set(Array.from(schemaText.matchAll(/@@map\("([^"]+)"\)/g), (m) => m[1]));
    const externalTables = (await publicTables(client)).filter((t) => !owned.has(t));
    const diff = await engine.diff({
      from: { tag: "url", url: connectionString },
      to: { tag: "schemaDatamodel", files: [{ path: prismaPaths.schema, content: schemaText }] },
      script: true,
      exitCode: null,
      filters: { externalTables, externalEnums: [] },
    });
    const script = (diff.stdout ?? "").replace(/^-- This is an empty migration\.\s*$/m, "").trim();
    if (destructive.test(script)) {
      throw new Error(
        `adopting this database would drop data; refusing. The statements were:\n${script}\n` +
          "Move the extra columns or tables aside, then run `edgeline db migrate` again.",
      );
    }
    await client.query("BEGIN");
    try {
      await client.query("SELECT pg_advisory_xact_lock(hashtext('edgeline:migrate'))");
      // The legacy `timestamp` columns hold UTC; the session zone is UTC, so converting them to
      // timestamptz keeps every instant.
      if (script) await client.query(script);
      await client.query("COMMIT");
    } catch (err) {
      await client.query("ROLLBACK");
      throw err;
    }
    const baselined: string[] = [];
    for (const dir of migrationsList.migrationDirectories) {
      await engine.markMigrationApplied({ migrationName: dir.path, migrationsList });
      baselined.push(dir.path);
    }
    return { baselined, statementsApplied: script ? script.split(/;\s*$/m).filter((s) => s.trim()).length : 0 };
  });
}
