// pipeline_runs: one row per execution (attempt) of a step, the task history Airflow kept.
// Life of a row: queued -> running -> succeeded | failed. A failed attempt that will be retried
// is followed by a new queued row for the next attempt, written in the same transaction, so the
// newest row of a step always tells whether it is still in flight.
import type { Queryable } from "./queryable.ts";

export type RunStatus = "queued" | "running" | "succeeded" | "failed";

export interface PipelineRun {
  runId: string;
  dag: string;
  sport: string | null;
  step: string;
  runDate: string;
  status: RunStatus;
  attempt: number;
  jobKey: string | null;
  queuedAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  rowsWritten: number | null;
  error: string | null;
}

export interface RunKey {
  dag: string;
  sport: string | null;
  step: string;
  runDate: string;
  jobKey: string;
}

const COLUMNS = `run_id::text AS "runId", dag, sport, step, run_date::text AS "runDate", status, attempt,
  job_key AS "jobKey", queued_at AS "queuedAt", started_at AS "startedAt", finished_at AS "finishedAt",
  rows_written AS "rowsWritten", error`;

/**
 * The queued row of a job key, inserted unless one is already waiting: queueing a step twice
 * before it starts collapses into one row, as graphile-worker collapses the job.
 */
export async function queueRun(db: Queryable, key: RunKey, attempt = 1): Promise<PipelineRun> {
  const { rows } = await db.query<PipelineRun>(
    `WITH existing AS (
       SELECT ${COLUMNS} FROM pipeline_runs WHERE job_key = $5 AND status = 'queued' ORDER BY run_id DESC LIMIT 1
     ), inserted AS (
       INSERT INTO pipeline_runs (dag, sport, step, run_date, job_key, status, attempt)
       SELECT $1, $2, $3, $4, $5, 'queued', $6 WHERE NOT EXISTS (SELECT 1 FROM existing)
       RETURNING ${COLUMNS}
     )
     SELECT * FROM existing UNION ALL SELECT * FROM inserted`,
    [key.dag, key.sport, key.step, key.runDate, key.jobKey, attempt],
  );
  return rows[0]!;
}

/**
 * Marks the execution of a job as running: the waiting queued row becomes the running one (or a
 * row is inserted when the job was added without one, e.g. by hand). Returns the row.
 */
export async function startRun(db: Queryable, key: RunKey, attempt: number): Promise<PipelineRun> {
  // A job runs one attempt at a time, so a row of its key still running belongs to an attempt
  // whose outcome was never recorded (the database went away mid-step, the process was stopped):
  // it is closed with the reason before the new attempt starts.
  await failRunningRuns(
    db,
    [key.jobKey],
    "interrupted: this attempt's outcome was never recorded (database connection lost or worker stopped); the job ran again",
  );
  const updated = await db.query<PipelineRun>(
    `UPDATE pipeline_runs SET status = 'running', attempt = $2, started_at = now()
      WHERE run_id = (SELECT run_id FROM pipeline_runs WHERE job_key = $1 AND status = 'queued'
                       ORDER BY run_id DESC LIMIT 1)
      RETURNING ${COLUMNS}`,
    [key.jobKey, attempt],
  );
  if (updated.rows[0]) return updated.rows[0];
  const { rows } = await db.query<PipelineRun>(
    `INSERT INTO pipeline_runs (dag, sport, step, run_date, job_key, status, attempt, started_at)
     VALUES ($1, $2, $3, $4, $5, 'running', $6, now()) RETURNING ${COLUMNS}`,
    [key.dag, key.sport, key.step, key.runDate, key.jobKey, attempt],
  );
  return rows[0]!;
}

export async function succeedRun(db: Queryable, runId: string, rowsWritten: number): Promise<void> {
  await db.query(
    `UPDATE pipeline_runs SET status = 'succeeded', finished_at = now(), rows_written = $2, error = NULL
      WHERE run_id = $1`,
    [runId, rowsWritten],
  );
}

export async function failRun(db: Queryable, runId: string, error: string): Promise<void> {
  await db.query(
    `UPDATE pipeline_runs SET status = 'failed', finished_at = now(), rows_written = 0, error = $2
      WHERE run_id = $1`,
    [runId, error],
  );
}

/**
 * Fails the running rows of jobs whose worker died (their locks were just released): the
 * execution is over and wrote nothing, since its transaction was rolled back. Returns the rows.
 */
export async function failRunningRuns(
  db: Queryable,
  jobKeys: readonly string[],
  error: string,
): Promise<PipelineRun[]> {
  if (jobKeys.length === 0) return [];
  const { rows } = await db.query<PipelineRun>(
    `UPDATE pipeline_runs SET status = 'failed', finished_at = now(), rows_written = 0, error = $2
      WHERE status = 'running' AND job_key = ANY($1::varchar[]) RETURNING ${COLUMNS}`,
    [jobKeys, error],
  );
  return rows;
}

/** Every row of one dag, sport and day with run_id ≥ `fromRunId`, oldest first. */
export async function runsFor(
  db: Queryable,
  filter: { dag: string; sport: string | null; runDate: string; fromRunId?: string },
): Promise<PipelineRun[]> {
  const { rows } = await db.query<PipelineRun>(
    `SELECT ${COLUMNS} FROM pipeline_runs
      WHERE dag = $1 AND sport IS NOT DISTINCT FROM $2 AND run_date = $3 AND run_id >= $4::bigint
      ORDER BY run_id`,
    [filter.dag, filter.sport, filter.runDate, filter.fromRunId ?? "0"],
  );
  return rows;
}

/** The newest rows, for `jobs` and the API. */
export async function recentRuns(db: Queryable, limit = 50): Promise<PipelineRun[]> {
  const { rows } = await db.query<PipelineRun>(
    `SELECT ${COLUMNS} FROM pipeline_runs ORDER BY run_id DESC LIMIT $1`,
    [limit],
  );
  return rows;
}
