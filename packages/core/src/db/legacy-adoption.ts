// Adoption of a database created by the original system's schema manager (`CREATE TABLE IF NOT
// EXISTS`, plain `timestamp` columns holding UTC, indexes named by PostgreSQL). Instead of failing
// on the existing tables, `migrate` repairs only what differs from the Prisma schema, in one
// transaction, never dropping a table or a column, then records every migration as applied (a
// baseline), so later migrations and `prisma migrate deploy` start from a known state.
import type { MigrationList } from "@prisma/schema-engine-wasm";
import type pg from "pg";
import { type Catalog, type CatalogTable, readCatalog, sameColumns } from "./catalog.ts";
import { createPgClient } from "./clients.ts";
import { catalogOfScripts } from "./expected-schema.ts";
import { compareCatalogs, type Difference } from "./schema-diff.ts";
import type { SchemaEngine } from "./schema-engine.ts";

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
  const client = createPgClient({ connectionString, options: "-c TimeZone=UTC" });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** True when seed tables exist but Prisma's migration history does not. */
export async function isLegacyDatabase(connectionString: string): Promise<boolean> {
  return withClient(connectionString, async (client) => {
    const res = await client.query<{ name: string }>(
      "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema()",
    );
    const tables = new Set(res.rows.map((r) => r.name));
    return !tables.has("_prisma_migrations") && seedTables.some((t) => tables.has(t));
  });
}

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;
const list = (cols: string[]) => cols.map(q).join(", ");

/** One statement per difference; tables are created whole from the schema's own CREATE script. */
export function repairStatements(
  diffs: Difference[],
  expected: Catalog,
  live: Catalog,
  createSql: string,
): string[] {
  const out: string[] = [];
  const blocks = createSql.split(/\n\s*\n(?=-- )/);
  for (const d of diffs) {
    const exp = expected.get(d.table) as CatalogTable;
    const got = live.get(d.table);
    const column = d.object.startsWith("column ") ? d.object.slice(7) : "";
    const expCol = exp.columns.find((c) => c.name === column);
    switch (d.kind) {
      case "missing_table": {
        const block = blocks.find((b) => b.includes(`CREATE TABLE ${q(d.table)} (`));
        if (block) out.push(block.replace(/^-- .*\n/, ""));
        break;
      }
      case "missing_column":
        out.push(
          `ALTER TABLE ${q(d.table)} ADD COLUMN ${q(column)} ${expCol!.type}` +
            (expCol!.default ? ` DEFAULT ${expCol!.default}` : "") +
            (expCol!.notNull ? " NOT NULL" : ""),
        );
        break;
      case "column_type":
        // Legacy `timestamp` values are UTC and the session zone is UTC, so each instant is kept.
        out.push(
          `ALTER TABLE ${q(d.table)} ALTER COLUMN ${q(column)} TYPE ${expCol!.type} USING ${q(column)}::${expCol!.type}`,
        );
        break;
      case "column_nullability":
        out.push(
          `ALTER TABLE ${q(d.table)} ALTER COLUMN ${q(column)} ${expCol!.notNull ? "SET" : "DROP"} NOT NULL`,
        );
        break;
      case "column_default":
        if (expCol!.default === "nextval(sequence)") break; // a SERIAL's sequence is kept as it is
        out.push(
          `ALTER TABLE ${q(d.table)} ALTER COLUMN ${q(column)} ${expCol!.default ? `SET DEFAULT ${expCol!.default}` : "DROP DEFAULT"}`,
        );
        break;
      case "index_name":
      case "missing_index": {
        const want = exp.indexes.find(
          (i) => d.object.endsWith(`(${i.columns.join(", ")})`) && d.expected.includes(`"${i.name}"`),
        )!;
        const found =
          d.kind === "index_name" ? got?.indexes.find((i) => `"${i.name}"` === d.found) : undefined;
        if (found) out.push(`ALTER INDEX ${q(found.name)} RENAME TO ${q(want.name)}`);
        else if (want.primary)
          out.push(
            `ALTER TABLE ${q(d.table)} ADD CONSTRAINT ${q(want.name)} PRIMARY KEY (${list(want.columns)})`,
          );
        else
          out.push(
            `CREATE ${want.unique ? "UNIQUE " : ""}INDEX ${q(want.name)} ON ${q(d.table)} (${list(want.columns)})`,
          );
        break;
      }
      case "unexpected_index": {
        // Only an index that repeats the columns of a schema index is removed: it is redundant.
        const found = got?.indexes.find((i) => `"${i.name}"` === d.found);
        if (found && exp.indexes.some((i) => sameColumns(i.columns, found.columns))) {
          out.push(
            found.unique
              ? `ALTER TABLE ${q(d.table)} DROP CONSTRAINT IF EXISTS ${q(found.name)}; DROP INDEX IF EXISTS ${q(found.name)}`
              : `DROP INDEX ${q(found.name)}`,
          );
        }
        break;
      }
      case "missing_foreign_key":
      case "foreign_key_name": {
        const want = exp.foreignKeys.find((f) =>
          d.object.startsWith(`foreign key (${f.columns.join(", ")}) -> ${f.refTable}`),
        )!;
        const found = got?.foreignKeys.find((f) => `"${f.name}"` === d.found);
        if (found)
          out.push(`ALTER TABLE ${q(d.table)} RENAME CONSTRAINT ${q(found.name)} TO ${q(want.name)}`);
        else
          out.push(
            `ALTER TABLE ${q(d.table)} ADD CONSTRAINT ${q(want.name)} FOREIGN KEY (${list(want.columns)}) ` +
              `REFERENCES ${q(want.refTable)} (${list(want.refColumns)}) ON DELETE NO ACTION ON UPDATE NO ACTION`,
          );
        break;
      }
      case "unexpected_column":
      case "seed_requirement":
        break; // never drop data; `db check` keeps reporting an extra column
    }
  }
  return out;
}

/** Order matters: tables first, then columns, renames before creates, foreign keys last. */
const order: Difference["kind"][] = [
  "missing_table",
  "missing_column",
  "column_type",
  "column_nullability",
  "column_default",
  "unexpected_index",
  "index_name",
  "missing_index",
  "foreign_key_name",
  "missing_foreign_key",
];

/**
 * Brings the legacy tables to the state of the first migration (the seed tables as Edgeline
 * defines them) and records that migration as applied. Later migrations, including any
 * hand-written SQL in them (triggers, functions), then apply as usual.
 */
export async function adoptLegacyDatabase(
  engine: SchemaEngine,
  connectionString: string,
  migrationsList: MigrationList,
): Promise<{ baselined: string[]; statementsApplied: number }> {
  const baseline = migrationsList.migrationDirectories[0];
  if (baseline?.migrationFile.content.tag !== "ok") {
    throw new Error("cannot adopt a database: the migrations folder has no readable first migration");
  }
  const createSql = baseline.migrationFile.content.value;
  const expected = await catalogOfScripts(connectionString, [createSql]);
  const statements = await withClient(connectionString, async (client) => {
    await client.query("BEGIN");
    try {
      await client.query("SELECT pg_advisory_xact_lock(hashtext('edgeline:migrate'))");
      // Two passes: missing tables first, then everything else, so that the new tables' indexes
      // and foreign keys are repaired like any other.
      const sql: string[] = [];
      for (const pass of ["tables", "rest"] as const) {
        const live = await readCatalog(client, "public");
        const diffs = compareCatalogs(expected, live)
          .filter((d) => (pass === "tables") === (d.kind === "missing_table"))
          .sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind));
        const statements = repairStatements(diffs, expected, live, createSql);
        for (const s of statements) await client.query(s);
        sql.push(...statements);
      }
      await client.query("COMMIT");
      return sql;
    } catch (err) {
      await client.query("ROLLBACK");
      throw err;
    }
  });
  await engine.markMigrationApplied({ migrationName: baseline.path, migrationsList });
  return { baselined: [baseline.path], statementsApplied: statements.length };
}
