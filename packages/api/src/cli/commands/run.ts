// `edgeline run <SPORT> [--date YYYY-MM-DD] [--steps a,b]`: queues the sport's DAG (or the named
// steps) for a day, waits, prints each step's outcome; exits 1 when a step failed. A worker runs
// in this process unless --no-worker (then a running `pnpm start`/`edgeline worker` does the work).
import { runDateSchema, stepListSchema } from "@edgeline/core";
import type { Command } from "commander";
import { z } from "zod";
import { queueDag, type RunOutcome, type StepOutcome, waitForRun } from "../../worker/index.ts";
import { openPipelineSession, startCommandWorker } from "../../worker/session.ts";
import { zodIssuesText } from "../errors.ts";
import { CliExit } from "../exit.ts";

export const runArgsSchema = z.object({
  sport: z.string().regex(/^[A-Za-z0-9]{2,12}$/, "a sport code such as NHL"),
  date: runDateSchema,
  steps: stepListSchema.optional(),
  maxAttempts: z.coerce.number().int().min(1).max(25).default(3),
  /** Seconds to wait for the run; the run itself goes on in the queue after that. */
  timeout: z.coerce.number().positive().max(86_400).optional(),
  worker: z.boolean(),
});

/**
 * Parses with zod and turns the first issue into a one-line CLI error naming the option
 * (`name` for a schema of one value, whose issues have no path).
 */
export function parseArgs<T>(schema: z.ZodType<T>, input: unknown, name?: string): T {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const first = new z.ZodError([parsed.error.issues[0]!]);
  console.error(`error: ${zodIssuesText(first, name)}`);
  throw new CliExit(2);
}

export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

function describe(s: StepOutcome): string {
  if (s.status === "not run") return `${s.step.padEnd(15)} not run`;
  const r = s.run;
  const secs =
    r.startedAt && r.finishedAt
      ? ` in ${((r.finishedAt.getTime() - r.startedAt.getTime()) / 1000).toFixed(2)}s`
      : "";
  const detail =
    s.status === "succeeded"
      ? `${r.rowsWritten ?? 0} rows${secs}`
      : s.status === "failed"
        ? `after ${r.attempt} attempt(s): ${r.error ?? ""}`
        : `(attempt ${r.attempt})`;
  return `${s.step.padEnd(15)} ${s.status.padEnd(9)} ${detail}`;
}

export function printOutcome(o: RunOutcome): void {
  for (const s of o.steps) console.log(`  ${describe(s)}`);
}

export const registerRunCommand = (program: Command): void => {
  program
    .command("run")
    .description("run the daily DAG (or some steps) for a sport and day, and wait for it")
    .argument("<sport>", "sport code, e.g. NHL")
    .option("--date <day>", "day to run, YYYY-MM-DD (default: today, UTC)")
    .option("--steps <list>", "comma-separated steps to run (in DAG order)")
    .option("--max-attempts <n>", "attempts per step", "3")
    .option("--timeout <seconds>", "stop waiting after this long (exit 1; the run goes on in the queue)")
    .option("--no-worker", "only queue and wait; a separate worker runs the jobs")
    .action(
      async (
        sport: string,
        flags: { date?: string; steps?: string; maxAttempts: string; timeout?: string; worker: boolean },
      ) => {
        const args = parseArgs(runArgsSchema, { sport, date: flags.date ?? todayUtc(), ...flags });
        const session = await openPipelineSession();
        const worker = args.worker ? await startCommandWorker(session) : undefined;
        try {
          const queued = await queueDag(
            { sport: args.sport, date: args.date, ...(args.steps ? { steps: args.steps } : {}) },
            { pool: session.pool, plugins: session.plugins, maxAttempts: args.maxAttempts },
          );
          console.log(`${queued.sport} ${queued.date}: ${queued.steps.join(" -> ")}`);
          const outcome = await waitForRun(
            session.pool,
            {
              sport: queued.sport,
              date: queued.date,
              steps: queued.steps,
              fromRunId: queued.runs[0]!.runId,
            },
            args.timeout ? { timeoutMs: args.timeout * 1000 } : {},
          );
          printOutcome(outcome);
          if (!outcome.done)
            console.error(`error: --timeout: not done after ${args.timeout}s; the run goes on in the queue`);
          if (!outcome.ok) throw new CliExit(1);
        } finally {
          await worker?.stop();
          await session.close();
        }
      },
    );
};
