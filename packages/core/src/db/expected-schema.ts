// What the database should look like, built from SQL in a throw-away schema: the Prisma schema's
// full CREATE script (from the schema engine's diff against an empty database), or the
// migrations folder replayed in order. Everything runs in a transaction that is rolled back.
import { readFile } from "node:fs/promises";
import { type Catalog, readCatalog } from "./catalog.ts";
import { createPgClient } from "./clients.ts";
import { loadMigrationsList } from "./migrations-folder.ts";
import { prismaPaths } from "./paths.ts";
import { noFilter, withSchemaEngine } from "./schema-engine.ts";

/** The SQL that creates the Prisma schema from nothing. */
export async function schemaCreateSql(connectionString: string, schemaText?: string): Promise<string> {
  const content = schemaText ?? (await readFile(prismaPaths.schema, "utf8"));
  return withSchemaEngine(connectionString, async (engine) => {
    const out = await engine.diff({
      from: { tag: "empty" },
      to: { tag: "schemaDatamodel", files: [{ path: prismaPaths.schema, content }] },
      script: true,
      exitCode: null,
      filters: noFilter,
    });
    return stripCreateSchema(out.stdout ?? "");
  });
}

/** The engine prefixes `CREATE SCHEMA "public"`; tables must land in the current search_path. */
export function stripCreateSchema(sql: string): string {
  return sql.replace(/-- CreateSchema\s*\nCREATE SCHEMA IF NOT EXISTS "public";\s*/g, "").trim();
}

/** Every migration's SQL, in order. */
export async function migrationScripts(migrationsDir = prismaPaths.migrationsDir): Promise<string[]> {
  const list = await loadMigrationsList(migrationsDir);
  return list.migrationDirectories.map((d) => {
    if (d.migrationFile.content.tag === "error") throw new Error(d.migrationFile.content.value);
    return d.migrationFile.content.value;
  });
}

/** Runs the scripts in a scratch schema of the given database and reads the resulting catalog. */
export async function catalogOfScripts(connectionString: string, scripts: string[]): Promise<Catalog> {
  const client = createPgClient({ connectionString, options: "-c TimeZone=UTC" });
  await client.connect();
  const scratch = `edgeline_expected_${process.pid}_${Date.now()}`;
  try {
    await client.query("BEGIN");
    await client.query(`CREATE SCHEMA "${scratch}"`);
    await client.query(`SET LOCAL search_path TO "${scratch}"`);
    for (const sql of scripts) await client.query(sql);
    return await readCatalog(client, scratch);
  } finally {
    await client.query("ROLLBACK").catch(() => {});
    await client.end();
  }
}
