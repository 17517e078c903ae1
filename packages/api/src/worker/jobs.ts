// The job table as an operator sees it: `edgeline jobs` lists jobs with their state, and the
// stuck ones (locked too long) with whether their worker is alive.
import type pg from "pg";

export interface JobSummary {
  id: string;
  task: string;
  key: string | null;
  queue: string | null;
  state: "waiting" | "scheduled" | "running" | "failed";
  attempts: number;
  maxAttempts: number;
  runAt: Date;
  lockedBy: string | null;
  lockedAt: Date | null;
  lastError: string | null;
}

/** Jobs in graphile-worker's table (completed jobs are deleted by it), oldest first. */
export async function listJobs(pool: Pick<pg.Pool, "query">, limit = 100): Promise<JobSummary[]> {
  const { rows } = await pool.query(
    // graphile-worker's public view of its jobs (its private tables are its own business).
    `SELECT j.id::text, j.task_identifier AS task, j.key, j.queue_name AS queue, j.attempts, j.max_attempts,
            j.run_at, j.locked_by, j.locked_at, j.last_error
       FROM graphile_worker.jobs j
      ORDER BY j.id LIMIT $1`,
    [limit],
  );
  return rows.map((r) => ({
    id: r.id,
    task: r.task,
    key: r.key,
    queue: r.queue,
    state:
      r.locked_at !== null
        ? "running"
        : r.attempts >= r.max_attempts
          ? "failed"
          : r.run_at > new Date()
            ? "scheduled"
            : "waiting",
    attempts: r.attempts,
    maxAttempts: r.max_attempts,
    runAt: r.run_at,
    lockedBy: r.locked_by,
    lockedAt: r.locked_at,
    lastError: r.last_error,
  }));
}
