// `startWorker`: graphile-worker running Edgeline's tasks and (optionally) its crontab, with
// liveness locks and the stuck-job sweep. The caller owns signals: `pnpm start` and
// `edgeline worker` call `stop()` on SIGTERM, which stops taking jobs, lets running ones finish
// for `shutdownTimeoutMs`, then releases what is left (graphile-worker fails them back to the
// queue, so they run again; their pipeline_runs rows say so).

import { EventEmitter } from "node:events";
import {
  ConfigError,
  createPgPool,
  DAG_STEPS,
  HOURLY_JOBS,
  loadConfig,
  NOTIFY_DELIVER_TASK,
  type PipelineDeps,
  type PluginRegistry,
  processMetrics,
  registerDatabaseGauges,
  routerOf,
  STEP_DEFINITIONS,
  type StepDefinition,
  type StepName,
  waitForDatabaseOnConnect,
} from "@edgeline/core";
import { type Runner, run, type TaskList, type WorkerEvents } from "graphile-worker";
import type pg from "pg";
import { type MetricsServer, startMetricsServer } from "../server/metrics-endpoint.ts";
import { parsedCronItems } from "./crontab.ts";
import { dailyDagTask } from "./daily-task.ts";
import { createPipelineDeps, pipelinePool } from "./deps.ts";
import { hourlyTask } from "./hourly-task.ts";
import { type Liveness, openLiveness } from "./liveness.ts";
import { dailySummaryTask, type NotifyTaskOptions, notifyDeliverTask } from "./notify-task.ts";
import { parseWorkerOptions, type WorkerOptionsInput } from "./options.ts";
import { type ReleasedJob, startRecovery } from "./recovery.ts";
import { stepTask } from "./step-task.ts";
import { DAILY_DAG_TASK, DAILY_SUMMARY_TASK } from "./task-names.ts";
import { ensureWorkerSchema, edgelineWorkerLogger as log, workerLogger } from "./worker-schema.ts";

export interface StartWorkerOptions extends WorkerOptionsInput {
  connectionString: string;
  plugins: PluginRegistry;
  /** Replace parts of the pipeline's dependencies (tests: clock, sources, broker). */
  deps?: Partial<PipelineDeps>;
  /** Replace step definitions (tests: a step that pauses mid-write to be killed there). */
  steps?: Partial<Record<StepName, StepDefinition>>;
  /** Called when graphile-worker stops by itself (it could not record a job's outcome). */
  onFatal?: (error: Error) => void;
  onRecovered?: (jobs: ReleasedJob[]) => void;
  /** Serve /metrics on this port (0: any free port). @defaultValue none (`edgeline worker` passes EDGELINE_WORKER_METRICS_PORT) */
  metricsPort?: number;
  /** @defaultValue "0.0.0.0" */
  metricsHost?: string;
  /** Notification delivery (tests: sinks, fetch). @defaultValue the configured sinks */
  notify?: NotifyTaskOptions;
}

export interface WorkerHandle {
  runner: Runner;
  pool: pg.Pool;
  /** Stops taking jobs, waits for running ones (bounded), releases the rest; idempotent. */
  stop(): Promise<void>;
  /** Resolves when the worker has stopped, for whatever reason. */
  stopped: Promise<void>;
  /** The metrics port's URL, when one was asked for. */
  metricsUrl?: string;
}

export function taskList(
  deps: PipelineDeps,
  maxAttempts: number,
  jobs: boolean,
  steps: Partial<Record<StepName, StepDefinition>> = {},
  notify: NotifyTaskOptions = {},
): TaskList {
  const tasks: TaskList = { [DAILY_DAG_TASK]: dailyDagTask(deps, maxAttempts) };
  if (!jobs) return tasks;
  tasks[NOTIFY_DELIVER_TASK] = notifyDeliverTask(deps.pool, notify);
  tasks[DAILY_SUMMARY_TASK] = dailySummaryTask(deps.pool);
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
  // A lost database is waited out, not fatal: the liveness connection reopens and re-takes its
  // locks, graphile-worker's pool reconnects on its next query, and this process's recovery
  // sweep pauses meanwhile (without our locks it would take our own jobs for a dead worker's).
  let liveness: Liveness | undefined = await openLiveness(opts.connectionString, {
    onLost: (error) => log.warn({ error: error.message }, "database connection lost; worker waits for it"),
    onRestored: () => log.info("database connection back; worker liveness restored"),
  });

  // locked_by is the worker pool's id (random per pool): register its liveness as the pool is
  // created. The sweep's grace period covers the moment before the registration lands.
  const events: WorkerEvents = new EventEmitter();
  events.on("pool:create", ({ workerPool }) => {
    void liveness
      ?.register(workerPool.id)
      .catch((error: Error) => log.error({ error: error.message }, "worker liveness lock not taken"));
  });
  events.on("pool:release", ({ workerPool }) => {
    void liveness?.unregister(workerPool.id).catch(() => {});
  });
  // graphile-worker's own pool, built here so that it has the error listeners of every Edgeline
  // pool for the whole of its life (graphile-worker removes its own on release), and so that its
  // connects wait out a database restart: graphile-worker stops its whole worker pool when it
  // cannot record a job's outcome (0.17's batch retry rethrows on the first failure).
  const stopSignal = new AbortController();
  let lastWaitLog = 0;
  const workerPgPool = waitForDatabaseOnConnect(
    createPgPool({
      connectionString: opts.connectionString,
      poolSize: config.database.poolSize,
      statementTimeoutMs: config.database.statementTimeoutMs,
      applicationName: "edgeline-graphile-worker",
    }),
    {
      signal: stopSignal.signal,
      onWait: (error) => {
        if (Date.now() - lastWaitLog < 10_000) return;
        lastWaitLog = Date.now();
        log.warn({ error: String(error) }, "database unavailable; the worker's queue waits for it");
      },
    },
  );
  const runner = await run({
    pgPool: workerPgPool,
    taskList: taskList(deps, options.maxAttempts, options.jobs, opts.steps, opts.notify),
    parsedCronItems: options.schedule ? parsedCronItems(opts.plugins, options) : [],
    concurrency: options.concurrency,
    pollInterval: options.pollIntervalMs,
    noHandleSignals: true,
    logger: workerLogger,
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
    paused: () => !liveness?.alive,
  });

  // Each worker process is its own scrape target: its step, upstream and delivery counters, and
  // the database gauges every process reports alike.
  let metrics: MetricsServer | undefined;
  if (opts.metricsPort !== undefined) {
    registerDatabaseGauges(processMetrics(), pool);
    metrics = await startMetricsServer({
      port: opts.metricsPort,
      token: config.operations.metricsToken,
      registry: processMetrics().registry,
      ...(opts.metricsHost ? { host: opts.metricsHost } : {}),
    });
  }

  const handle: WorkerHandle = {
    runner,
    pool,
    ...(metrics ? { metricsUrl: metrics.url } : {}),
    stopped: runner.promise.then(
      () => {},
      (error: Error) => {
        // graphile-worker gave up by itself (not our stop()): the caller decides what follows.
        if (!stopping) opts.onFatal?.(error);
      },
    ),
    stop() {
      stopping ??= (async () => {
        stopSignal.abort();
        await metrics?.close();
        await recovery.stop();
        await runner.stop().catch(() => {});
        await liveness?.close();
        liveness = undefined;
        await Promise.all([pool.end(), workerPgPool.end()]);
      })();
      return stopping;
    },
  };
  return handle;
}
