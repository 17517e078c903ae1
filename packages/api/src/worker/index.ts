// The worker: graphile-worker running the pipeline, its crontab, liveness and stuck-job recovery;
// and the queueing API the CLI and GraphQL use.
export { cronItems, dailyCronIdentifier, parsedCronItems, scheduledSports } from "./crontab.ts";
export { createPipelineDeps, pipelinePool } from "./deps.ts";
export { type JobSummary, listJobs } from "./jobs.ts";
export {
  parseWorkerOptions,
  type WorkerOptions,
  type WorkerOptionsInput,
  workerOptionsFrom,
} from "./options.ts";
export * from "./queue.ts";
export { lockedJobs, type ReleasedJob, releaseStuckJobs, startRecovery } from "./recovery.ts";
export { type StartWorkerOptions, startWorker, taskList, type WorkerHandle } from "./runner.ts";
export { type RunOutcome, runOutcome, type StepOutcome, waitForRun } from "./wait.ts";
export { ensureWorkerSchema } from "./worker-schema.ts";
