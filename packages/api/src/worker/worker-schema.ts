// graphile-worker keeps its tables in the `graphile_worker` schema of the same database; its
// migrations run once per pool before anything queues a job.
import { runMigrations } from "graphile-worker";
import type pg from "pg";

const migrated = new WeakMap<pg.Pool, Promise<void>>();

export function ensureWorkerSchema(pool: pg.Pool): Promise<void> {
  let done = migrated.get(pool);
  if (!done) {
    done = runMigrations({ pgPool: pool, logger: quietLogger }).catch((error) => {
      migrated.delete(pool);
      throw error;
    });
    migrated.set(pool, done);
  }
  return done;
}

import { Logger } from "graphile-worker";

/** graphile-worker's logger, sending only warnings and errors on. */
export const quietLogger = new Logger(() => (level, message) => {
  if (level === "error" || level === "warning") console.error(`[worker] ${level}: ${message}`);
});
