// What the `edgeline import` tests share: a database of their own, the repository's plugins, and
// an import run at a fixed clock whose outcome must be accepted.
import path from "node:path";
import { loadPlugins, type PluginRegistry } from "@edgeline/core";
import { createTestDatabase, type TestDatabase } from "@edgeline/core/testing";
import type pg from "pg";
import { type ImportOutcome, type ImportRequest, importHistory } from "../src/imports/import-history.ts";
import { importTotals } from "../src/imports/import-summary.ts";
import { testPool } from "./pipeline-helpers.ts";

export interface ImportTest {
  db: TestDatabase;
  pool: pg.Pool;
  plugins: PluginRegistry;
  /** `edgeline import` of `request`, as of 2024-06-01. */
  run(request: Omit<ImportRequest, "paths"> & { paths: string[] }): Promise<ImportOutcome>;
  close(): Promise<void>;
}

export async function startImportTest(): Promise<ImportTest> {
  const db = await createTestDatabase();
  const pool = testPool(db.url);
  const plugins = await loadPlugins({ env: {}, cwd: path.join(import.meta.dirname, "../../..") });
  return {
    db,
    pool,
    plugins,
    run: (request) => importHistory(pool, plugins, request, {}, () => new Date("2024-06-01T00:00:00Z")),
    async close() {
      await pool.end();
      await db.drop();
    },
  };
}

/** The totals of an accepted import; a refused one fails the test with its messages. */
export function accepted(outcome: ImportOutcome) {
  if (!outcome.ok) throw new Error(outcome.refused.map((r) => r.message).join("\n"));
  return importTotals(outcome.files);
}
