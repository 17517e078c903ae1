// graphile-worker keeps its tables in the `graphile_worker` schema of the same database; its
// migrations run once per pool before anything queues a job.
import { runMigrations } from "graphile-worker";
import type pg from "pg";

const migrated = new WeakMap<pg.Pool, Promise<void>>();

export function ensureWorkerSchema(pool: pg.Pool): Promise<void> {
  let done = migrated.get(pool);
  if (!done) {
    done = runMigrations({ pgPool: pool, logger: workerLogger }).catch((error) => {
      migrated.delete(pool);
      throw error;
    });
    migrated.set(pool, done);
  }
  return done;
}

import { createLogger } from "@edgeline/core";
import { Logger } from "graphile-worker";

const processLogger = createLogger("edgeline-worker");

/**
 * graphile-worker's messages on the process logger (EDGELINE_LOG_LEVEL): its info lines (jobs
 * completed, cron ticks) are visible at the default level; debug only when asked.
 */
export const workerLogger = new Logger((scope) => (level, message, meta) => {
  // The scope (worker, task, job ids) says enough on routine lines; meta (whole job rows) only when something went wrong.
  const withMeta = { ...scope, ...(meta && Object.keys(meta).length > 0 ? { meta } : {}) };
  if (level === "error") processLogger.error(withMeta, message);
  else if (level === "warning") processLogger.warn(withMeta, message);
  else if (level === "info") processLogger.info({ ...scope }, message);
  else processLogger.debug(withMeta, message);
});

/** The process logger the worker's own messages (recovery, liveness) go to. */
export const edgelineWorkerLogger = processLogger;
