// `startWorker`: graphile-worker running Edgeline's tasks and (optionally) its crontab, with
// liveness locks and the stuck-job sweep. The caller owns signals: `pnpm start` and
// `edgeline worker` call `stop()` on SIGTERM, which stops taking jobs, lets running ones finish
// for `shutdownTimeoutMs`, then releases what is left (graphile-worker fails them back to the
// queue, so they run again; their pipeline_runs rows say so).

import { EventEmitter } from "node:events";
import {
  ConfigError,
  DAG_STEPS,
  HOURLY_JOBS,
  loadConfig,
  type PipelineDeps,
  type PluginRegistry,
  routerOf,
  STEP_DEFINITIONS,
  type StepDefinition,
  type StepName,
} from "@edgeline/core";
import { type Runner, run, type TaskList, type WorkerEvents } from "graphile-worker";
import type pg from "pg";
import { parsedCronItems } from "./crontab.ts";
import { dailyDagTask } from "./daily-task.ts";
import { createPipelineDeps, pipelinePool } from "./deps.ts";
import { hourlyTask } from "./hourly-task.ts";
import { type Liveness, openLiveness } from "./liveness.ts";
import { parseWorkerOptions, type WorkerOptionsInput } from "./options.ts";
import { type ReleasedJob, startRecovery } from "./recovery.ts";
import { stepTask } from "./step-task.ts";
import { DAILY_DAG_TASK } from "./task-names.ts";
import { ensureWorkerSchema, edgelineWorkerLogger as log, workerLogger } from "./worker-schema.ts";

export interface StartWorkerOptions extends WorkerOptionsInput {
  connectionString: string;
  plugins: PluginRegistry;
  /** Replace parts of the pipeline's dependencies (tests: clock, sources, broker). */
  deps?: Partial<PipelineDeps>;
  /** Replace step definitions (tests: a step that pauses mid-write to be killed there). */
  steps?: Partial<Record<StepName, StepDefinition>>;
  /** Called when the worker cannot go on (its liveness connection is lost). */
  onFatal?: (error: Error) => void;
  onRecovered?: (jobs: ReleasedJob[]) => void;
}

export interface WorkerHandle {
  runner: Runner;
  pool: pg.Pool;
  /** Stops taking jobs, waits for running ones (bounded), releases the rest; idempotent. */
  stop(): Promise<void>;
  /** Resolves when the worker has stopped, for whatever reason. */
  stopped: Promise<void>;
}

export function taskList(
  deps: PipelineDeps,
  maxAttempts: number,
  jobs: boolean,
  steps: Partial<Record<StepName, StepDefinition>> = {},
): TaskList {
  const tasks: TaskList = { [DAILY_DAG_TASK]: dailyDagTask(deps, maxAttempts) };
  if (!jobs) return tasks;
  const definitions = { ...STEP_DEFINITIONS, ...steps };
  for (const name of DAG_STEPS) tasks[name] = stepTask(deps, definitions);
  for (const name of HOURLY_JOBS) tasks[name] = hourlyTask(deps, name);
  return tasks;
}

export async function startWorker(opts: StartWorkerOptions): Promise<WorkerHandle> {
  const options = parseWorkerOptions(opts);
  const config = loadConfig();
  // graphile-worker holds a connection per running job plus its own; the pipeline pool is separate.
  if (config.database.poolSize < options.concurrency + 1) {
    throw new ConfigError(
      `Invalid configuration:\n  EDGELINE_DB_POOL_SIZE: ${config.database.poolSize} connections cannot serve ${options.concurrency} concurrent jobs (EDGELINE_WORKER_CONCURRENCY); need at least ${options.concurrency + 1}`,
    );
  }
  const pool = pipelinePool(opts.connectionString, config);
  const deps = createPipelineDeps(pool, opts.plugins, opts.deps);
  // Said plainly at every start: whether orders leave Edgeline, and to which venue and environment.
  if (options.jobs) log.info(routerOf(deps).describe());
  await ensureWorkerSchema(pool);

  let stopping: Promise<void> | undefined;
  let liveness: Liveness | undefined;
  const fatal = (error: Error) => {
    // Without liveness our locks look dead to every other worker: stop before they take over.
    log.error({ error: error.message }, "worker liveness lost; stopping");
    opts.onFatal?.(error);
    void handle.stop();
  };
  liveness = await openLiveness(opts.connectionString, fatal);

  // locked_by is the worker pool's id (random per pool): register its liveness as the pool is
  // created. The sweep's grace period covers the moment before the registration lands.
  const events: WorkerEvents = new EventEmitter();
  events.on("pool:create", ({ workerPool }) => {
    void liveness?.register(workerPool.id).catch(fatal);
  });
  events.on("pool:release", ({ workerPool }) => {
    void liveness?.unregister(workerPool.id).catch(() => {});
  });
  const runner = await run({
    connectionString: opts.connectionString,
    taskList: taskList(deps, options.maxAttempts, options.jobs, opts.steps),
    parsedCronItems: options.schedule ? parsedCronItems(opts.plugins, options) : [],
    concurrency: options.concurrency,
    pollInterval: options.pollIntervalMs,
    noHandleSignals: true,
    logger: workerLogger,
    maxPoolSize: config.database.poolSize,
    gracefulShutdownAbortTimeout: options.shutdownTimeoutMs,
    events,
    // Without batching, graphile-worker records a finished job without awaiting it, so a process
    // that stops right after a job can leave it locked; a batcher is flushed on shutdown.
    preset: { worker: { completeJobBatchDelay: 0, failJobBatchDelay: 0 } },
  });

  const recovery = startRecovery(pool, {
    intervalMs: options.recoveryIntervalMs,
    graceMs: options.recoveryGraceMs,
    onRelease: (jobs) => {
      log.warn({ jobs: jobs.map((j) => j.key ?? j.id) }, `released ${jobs.length} job(s) of stopped workers`);
      opts.onRecovered?.(jobs);
    },
    onError: (e) => log.error({ error: String(e) }, "stuck-job recovery failed"),
  });

  const handle: WorkerHandle = {
    runner,
    pool,
    stopped: runner.promise.then(
      () => {},
      () => {},
    ),
    stop() {
      stopping ??= (async () => {
        await recovery.stop();
        await runner.stop().catch(() => {});
        await liveness?.close();
        liveness = undefined;
        await pool.end();
      })();
      return stopping;
    },
  };
  return handle;
}
