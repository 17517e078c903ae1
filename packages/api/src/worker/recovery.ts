// Recovery of jobs locked by a worker that is gone (see liveness.ts). A job is released when it
// is locked, its lock is older than the grace period, it is one of Edgeline's tasks, and no
// session holds its locker's liveness lock. Releasing goes through graphile-worker's public
// interface: its `jobs` view to find them and `force_unlock_workers` to unlock every job and queue
// of the dead worker ids (as its own 4-hour sweep does); a job keeps its attempt count, so a step
// that crashes every time still runs out of attempts. The crashed attempt's pipeline_runs row
// becomes failed (its transaction was rolled back by the server: it wrote nothing), followed by a
// queued row when attempts remain. Sweeps of several workers take turns (an advisory lock), so a
// job another worker has since taken up is never mistaken for the crashed one.
import { failRunningRuns, queueRun, withTransaction } from "@edgeline/core";
import type pg from "pg";
import { LIVENESS_LOCK_CLASS } from "./liveness.ts";
import { TASK_IDENTIFIERS } from "./task-names.ts";

export interface ReleasedJob {
  id: string;
  taskIdentifier: string;
  key: string | null;
  lockedBy: string;
  lockedAt: Date;
  attempts: number;
  maxAttempts: number;
}

/** Liveness test of a job's locker, in SQL. `j` is the jobs row. */
const LOCKER_IS_DEAD = `NOT EXISTS (
  SELECT 1 FROM pg_locks l
   WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 2
     AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
     AND l.classid = ${LIVENESS_LOCK_CLASS}::oid AND l.objid = hashtext(j.locked_by)::oid)`;

/**
 * Jobs of Edgeline's tasks locked for longer than `graceMs`, with whether their locker is alive.
 * Read-only: what `edgeline jobs --stuck` lists.
 */
export async function lockedJobs(
  db: Pick<pg.Pool, "query">,
  graceMs: number,
): Promise<Array<ReleasedJob & { lockerAlive: boolean }>> {
  const { rows } = await db.query(
    `SELECT j.id::text, j.task_identifier, j.key, j.locked_by, j.locked_at, j.attempts, j.max_attempts,
            NOT (${LOCKER_IS_DEAD}) AS locker_alive
       FROM graphile_worker.jobs j
      WHERE j.locked_at IS NOT NULL AND j.locked_at < now() - $1 * interval '1 millisecond'
        AND j.task_identifier = ANY($2::text[])
      ORDER BY j.locked_at`,
    [graceMs, TASK_IDENTIFIERS],
  );
  return rows.map(toReleased).map((j, i) => ({ ...j, lockerAlive: rows[i].locker_alive as boolean }));
}

function toReleased(r: Record<string, unknown>): ReleasedJob {
  return {
    id: r.id as string,
    taskIdentifier: r.task_identifier as string,
    key: r.key as string | null,
    lockedBy: r.locked_by as string,
    lockedAt: r.locked_at as Date,
    attempts: r.attempts as number,
    maxAttempts: r.max_attempts as number,
  };
}

export interface ReleaseOptions {
  /** Only locks at least this old. */
  graceMs: number;
  /** Release even when the locker is alive (an operator's decision; `jobs --release --force`). */
  force?: boolean;
  /** Only these job ids. */
  ids?: readonly string[];
}

/**
 * Releases stuck jobs (by default only those of dead workers) and fixes their pipeline_runs rows.
 * graphile-worker unlocks by worker, so releasing a job releases every job its worker holds.
 */
export async function releaseStuckJobs(pool: pg.Pool, opts: ReleaseOptions): Promise<ReleasedJob[]> {
  return withTransaction(pool, async (client) => {
    await client.query("SELECT pg_advisory_xact_lock(hashtext('edgeline:job-recovery'))");
    const { rows } = await client.query(
      `SELECT j.id::text, j.task_identifier, j.key, j.locked_by, j.locked_at, j.attempts, j.max_attempts
         FROM graphile_worker.jobs j
        WHERE j.locked_at IS NOT NULL AND j.locked_at < now() - $1 * interval '1 millisecond'
          AND j.task_identifier = ANY($2::text[])
          AND ($3::boolean OR ${LOCKER_IS_DEAD})
          AND ($4::bigint[] IS NULL OR j.id = ANY($4::bigint[]))`,
      [opts.graceMs, TASK_IDENTIFIERS, opts.force ?? false, opts.ids ?? null],
    );
    const jobs = rows.map(toReleased);
    if (jobs.length === 0) return [];
    await client.query("SELECT graphile_worker.force_unlock_workers($1::text[])", [
      [...new Set(jobs.map((j) => j.lockedBy))],
    ]);
    // Wake idle workers: the released jobs are runnable now.
    await client.query("SELECT pg_notify('jobs:insert', '{\"r\":0,\"count\":1}')");
    for (const job of jobs) {
      if (!job.key) continue;
      const failed = await failRunningRuns(
        client,
        [job.key],
        `worker ${job.lockedBy} stopped during this attempt (lock released by recovery; nothing was written)`,
      );
      const row = failed[0];
      if (row && job.attempts < job.maxAttempts) {
        await queueRun(
          client,
          { dag: row.dag, sport: row.sport, step: row.step, runDate: row.runDate, jobKey: job.key },
          job.attempts + 1,
        );
      }
    }
    return jobs;
  });
}

/** Sweeps every `intervalMs` until stopped. Errors are logged and the next sweep tries again. */
export function startRecovery(
  pool: pg.Pool,
  opts: {
    intervalMs: number;
    graceMs: number;
    onRelease?: (jobs: ReleasedJob[]) => void;
    onError?: (e: unknown) => void;
    /** Skip sweeps while true (this process's liveness locks are being re-taken). */
    paused?: () => boolean;
  },
): { stop(): Promise<void> } {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  const tick = () => {
    const sweep = opts.paused?.() ? Promise.resolve([]) : releaseStuckJobs(pool, { graceMs: opts.graceMs });
    running = sweep
      .then((jobs) => {
        if (jobs.length > 0) opts.onRelease?.(jobs);
      })
      .catch((e) => opts.onError?.(e))
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, opts.intervalMs);
      });
  };
  tick();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
