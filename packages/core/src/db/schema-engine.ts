// Prisma's schema engine compiled to WebAssembly: migrations without the native binary that the
// Prisma CLI would download (shared/notes/prisma-offline.md). Node 20 cannot `import` a .wasm
// file, so the module is instantiated by hand.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type { SchemaEngine, SchemaFilter } from "@prisma/schema-engine-wasm";
import * as bg from "@prisma/schema-engine-wasm/schema_engine_bg";
import { createPgPool } from "./clients.ts";
import { prismaPaths } from "./paths.ts";

export type { SchemaEngine };

let wasmReady: Promise<void> | undefined;

/** Node's WebAssembly global; its types live in lib.dom, which this Node-only project leaves out. */
interface WasmApi {
  instantiate(
    bytes: Uint8Array,
    imports: object,
  ): Promise<{ instance: { exports: Record<string, unknown> } }>;
}
const wasmApi = () => (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

function initWasm(): Promise<void> {
  wasmReady ??= (async () => {
    const require = createRequire(import.meta.url);
    // The package exports no path for the .wasm file; it sits beside the entry module.
    const wasmPath = join(dirname(require.resolve("@prisma/schema-engine-wasm")), "schema_engine_bg.wasm");
    const bytes = await readFile(wasmPath);
    const { instance } = await wasmApi().instantiate(bytes, { "./schema_engine_bg.js": bg });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
  })();
  return wasmReady;
}

export interface SchemaEngineOptions {
  connectionString: string;
  schemaPath: string;
  schemaText: string;
  /** Receives the engine's JSON log lines; silent by default. */
  onLog?: (line: string) => void;
}

/**
 * The pg adapter runs a migration script by splitting it at every `;`, which breaks function
 * bodies and string literals. PostgreSQL's simple query protocol runs a whole multi-statement
 * script in one round trip, as Prisma's native engine does, so scripts go to it unsplit.
 */
class WholeScriptPg extends PrismaPg {
  override async connect() {
    const adapter = await super.connect();
    const driver = adapter.underlyingDriver();
    adapter.executeScript = async (script: string) => {
      try {
        await driver.query(script);
      } catch (error) {
        (adapter as unknown as { onError(e: unknown): never }).onError(error);
      }
    };
    return adapter;
  }
}

export interface OpenSchemaEngine {
  engine: SchemaEngine;
  /** Frees the engine and closes its connections (a template database must have none left). */
  close(): Promise<void>;
}

/**
 * Opens a schema engine bound to one database. Of its commands, `applyMigrations`,
 * `markMigrationApplied`, `diagnoseMigrationHistory` and `diff` between schema files work here;
 * introspecting a live database through the pg adapter fails on PostgreSQL's internal "char"
 * type, and shadow databases are not supported, which is why `db check`, adoption and
 * `db migration` read the catalog themselves (catalog.ts).
 */
export async function openSchemaEngine(opts: SchemaEngineOptions): Promise<OpenSchemaEngine> {
  await initWasm();
  // An external pool, so that its connections can be closed: freeing the engine does not.
  const pool = createPgPool({
    connectionString: opts.connectionString,
    poolSize: 2,
    statementTimeoutMs: 0, // a migration may take long
    applicationName: "edgeline-schema-engine",
  });
  const adapter = bindMigrationAwareSqlAdapterFactory(new WholeScriptPg(pool));
  const engine = (await bg.SchemaEngine.new(
    { datamodels: [[opts.schemaPath, opts.schemaText]] },
    (line: string) => opts.onLog?.(line),
    adapter,
  )) as SchemaEngine;
  return {
    engine,
    close: async () => {
      engine.free();
      await pool.end();
    },
  };
}

export const noFilter: SchemaFilter = { externalTables: [], externalEnums: [] };

/** Runs `fn` with an engine bound to the database and the Prisma schema, then closes it. */
export async function withSchemaEngine<T>(
  connectionString: string,
  fn: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  const schemaText = await readFile(prismaPaths.schema, "utf8");
  const { engine, close } = await openSchemaEngine({
    connectionString,
    schemaPath: prismaPaths.schema,
    schemaText,
  });
  try {
    return await fn(engine);
  } finally {
    await close();
  }
}
