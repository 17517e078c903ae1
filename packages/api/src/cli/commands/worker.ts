// `edgeline worker`: graphile-worker with the pipeline's tasks and the crontab, until SIGINT or
// SIGTERM; then running jobs finish (or, past the shutdown timeout, go back to the queue).

import { loadConfig } from "@edgeline/core";
import type { Command } from "commander";
import { z } from "zod";
import { startWorker, workerOptionsFrom } from "../../worker/index.ts";
import { openPipelineSession } from "../../worker/session.ts";
import { parseArgs } from "./run.ts";

const workerArgsSchema = z.object({
  concurrency: z.coerce.number().int().min(1).max(64).optional(),
  schedule: z.boolean(),
  jobs: z.boolean(),
});

export const registerWorkerCommand = (program: Command): void => {
  program
    .command("worker")
    .description("run pipeline jobs and the schedule (daily DAG per sport, hourly jobs) until stopped")
    .option("--concurrency <n>", "jobs at once (one sport never runs two)")
    .option("--no-schedule", "run jobs only; another process runs the crontab")
    .option("--no-jobs", "run the crontab only (it queues; other workers run the jobs)")
    .action(async (flags: Record<string, unknown>) => {
      const args = parseArgs(workerArgsSchema, flags);
      const session = await openPipelineSession();
      const metricsPort = loadConfig().operations.workerMetricsPort;
      const worker = await startWorker({
        ...workerOptionsFrom(),
        connectionString: session.url,
        plugins: session.plugins,
        schedule: args.schedule,
        jobs: args.jobs,
        ...(args.concurrency ? { concurrency: args.concurrency } : {}),
        ...(metricsPort === undefined ? {} : { metricsPort }),
        onFatal: () => process.exit(1),
      });
      console.log(
        `worker up (${args.jobs ? "jobs" : "no jobs"}, ${args.schedule ? "schedule" : "no schedule"}); sports: ${session.plugins
          .list()
          .map((p) => p.code)
          .join(", ")}${worker.metricsUrl ? `; metrics at ${worker.metricsUrl}` : ""}`,
      );
      await new Promise<void>((resolve) => {
        const stop = (signal: string) => {
          console.log(`${signal}: finishing running jobs`);
          void worker.stop().then(resolve);
        };
        process.once("SIGINT", stop);
        process.once("SIGTERM", stop);
        void worker.stopped.then(resolve);
      });
      await session.close();
    });
};
