// What the mutations need from the pipeline: queue work, and say which graphile-worker jobs and
// pipeline_runs rows it created so the client can follow their progress. The server wires in the
// worker's queueing API (server/pipeline-queue-adapter.ts); tests may wire anything that queues.
export interface QueuedWork {
  /**
   * pipeline_runs.run_id of the rows written at queue time, as decimal strings. Each row's job_key
   * is its graphile-worker job's key, which is how the jobs are found.
   */
  runIds: string[];
}

export interface PipelineQueue {
  /** The daily DAG of a sport for one day, or only the given steps of it. */
  runPipeline(input: { sport: string; date: string; steps?: string[] }): Promise<QueuedWork>;
  /** The DAG for every day from `from` to `to`, inclusive. */
  backfill(input: { sport: string; from: string; to: string }): Promise<QueuedWork>;
  /** Bet status sync from every broker (the hourly job, now). */
  syncBets(): Promise<QueuedWork>;
  /** A portfolio snapshot (the hourly job, now). */
  snapshotPortfolio(): Promise<QueuedWork>;
}
