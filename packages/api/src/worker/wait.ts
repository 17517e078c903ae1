// Waiting for a queued run: polls pipeline_runs until the run's last step succeeded or a step
// failed for good. Because a retry's queued row is written with the failure, the newest row of a
// step tells its state: queued/running = in flight, succeeded = done, failed = no retry left.
import { DAG_NAME, type PipelineRun, runsFor, type StepName } from "@edgeline/core";
import type pg from "pg";

export type StepOutcome =
  | { step: StepName; status: "succeeded"; run: PipelineRun; attempts: PipelineRun[] }
  | { step: StepName; status: "failed"; run: PipelineRun; attempts: PipelineRun[] }
  | { step: StepName; status: "queued" | "running"; run: PipelineRun; attempts: PipelineRun[] }
  | { step: StepName; status: "not run" };

export interface RunOutcome {
  done: boolean;
  ok: boolean;
  steps: StepOutcome[];
}

/** The state of a run from its rows (run_id ≥ fromRunId). */
export async function runOutcome(
  pool: pg.Pool,
  run: { sport: string; date: string; steps: readonly StepName[]; fromRunId: string; dag?: string },
): Promise<RunOutcome> {
  const rows = await runsFor(pool, {
    dag: run.dag ?? DAG_NAME,
    sport: run.sport,
    runDate: run.date,
    fromRunId: run.fromRunId,
  });
  const steps: StepOutcome[] = run.steps.map((step) => {
    const attempts = rows.filter((r) => r.step === step);
    const last = attempts[attempts.length - 1];
    if (!last) return { step, status: "not run" };
    return { step, status: last.status, run: last, attempts };
  });
  const failed = steps.some((s) => s.status === "failed");
  const allSucceeded = steps.every((s) => s.status === "succeeded");
  const inFlight = steps.some((s) => s.status === "queued" || s.status === "running");
  return { done: allSucceeded || (failed && !inFlight), ok: allSucceeded, steps };
}

/** Polls until the run is done (or `timeoutMs` passes: then returns it as it stands). */
export async function waitForRun(
  pool: pg.Pool,
  run: { sport: string; date: string; steps: readonly StepName[]; fromRunId: string; dag?: string },
  opts: { pollMs?: number; timeoutMs?: number; onUpdate?: (o: RunOutcome) => void } = {},
): Promise<RunOutcome> {
  const deadline = Date.now() + (opts.timeoutMs ?? Number.POSITIVE_INFINITY);
  for (;;) {
    const outcome = await runOutcome(pool, run);
    opts.onUpdate?.(outcome);
    if (outcome.done || Date.now() >= deadline) return outcome;
    await new Promise((r) => setTimeout(r, opts.pollMs ?? 250));
  }
}
