// The graphile-worker task of a DAG step: core's one runner (executeRun) with the step's
// bookkeeping, which also queues the next step of the run's chain in the step's transaction.
import {
  executeRun,
  type PipelineDeps,
  STEP_DEFINITIONS,
  type StepDefinition,
  type StepName,
  stepsAfter,
} from "@edgeline/core";
import type { JobHelpers, Task } from "graphile-worker";
import { addStepJob, stepPayloadSchema, stepRunKey } from "./queue.ts";

export function stepTask(
  deps: PipelineDeps,
  steps: Readonly<Record<StepName, StepDefinition>> = STEP_DEFINITIONS,
): Task {
  return async (rawPayload, helpers: JobHelpers) => {
    const payload = stepPayloadSchema.parse(rawPayload);
    const { job } = helpers;
    const key = stepRunKey(payload);
    const step = steps[payload.step];
    const stepDeps = { ...deps, signal: helpers.abortSignal };
    const written = await executeRun(
      deps.pool,
      {
        key,
        attempt: job.attempts,
        maxAttempts: job.max_attempts,
        signal: helpers.abortSignal,
        async onSuccess(client) {
          const next = stepsAfter(payload.chain, payload.step)[0];
          if (next) {
            await addStepJob(
              client,
              { ...payload, step: next },
              { maxAttempts: job.max_attempts, priority: job.priority },
            );
          }
        },
      },
      () => step.prepare(stepDeps, { sport: payload.sport, date: payload.date }),
    );
    helpers.logger.info(`${key.jobKey}: ${written} rows`);
  };
}
