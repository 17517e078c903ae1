// What a CLI command of the pipeline needs: the database (DATABASE_URL or the embedded one),
// migrated; a pool; the plugin registry. One place, so run/backfill/worker/jobs agree.
import { loadConfig, loadPlugins, migrate, type PluginRegistry } from "@edgeline/core";
import type pg from "pg";
import { resolveDatabase } from "../runtime/database.ts";
import { pipelinePool } from "./deps.ts";
import { workerOptionsFrom } from "./options.ts";
import { startWorker, type WorkerHandle } from "./runner.ts";
import { ensureWorkerSchema } from "./worker-schema.ts";

export interface PipelineSession {
  url: string;
  pool: pg.Pool;
  plugins: PluginRegistry;
  close(): Promise<void>;
}

export async function openPipelineSession(opts: { plugins?: boolean } = {}): Promise<PipelineSession> {
  const config = loadConfig();
  const db = await resolveDatabase(config);
  try {
    await migrate(db.url);
    const plugins = opts.plugins === false ? undefined : await loadPlugins();
    const pool = pipelinePool(db.url, config);
    await ensureWorkerSchema(pool);
    return {
      url: db.url,
      pool,
      plugins: plugins ?? (undefined as unknown as PluginRegistry),
      async close() {
        await pool.end();
        await db.release();
      },
    };
  } catch (error) {
    await db.release();
    throw error;
  }
}

/**
 * A worker inside a CLI command (`run`, `backfill`) so that one command does the whole job; it
 * runs no schedule and polls often, since the command waits on its jobs.
 */
export function startCommandWorker(session: PipelineSession): Promise<WorkerHandle> {
  return startWorker({
    ...workerOptionsFrom(),
    connectionString: session.url,
    plugins: session.plugins,
    schedule: false,
    pollIntervalMs: 200,
  });
}
