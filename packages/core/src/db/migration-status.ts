// Whether a database has every migration of the folder applied (readiness: a process must not
// serve a schema older than its code).
import { existsSync } from "node:fs";
import { readdir } from "node:fs/promises";
import type { SqlReader } from "../repositories/queryable.ts";
import { prismaPaths } from "./paths.ts";

/** The folder's migrations not recorded as finished in `_prisma_migrations`, in order. */
export async function pendingMigrations(
  db: SqlReader,
  migrationsDir = prismaPaths.migrationsDir,
): Promise<string[]> {
  const entries = existsSync(migrationsDir) ? await readdir(migrationsDir, { withFileTypes: true }) : [];
  const names = entries.filter((e) => e.isDirectory()).map((e) => e.name);
  const { rows } = await db.query<{ migration_name: string }>(
    `SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
  );
  const applied = new Set(rows.map((r) => r.migration_name));
  return names.filter((n) => !applied.has(n)).sort();
}
