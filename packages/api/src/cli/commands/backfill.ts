// `edgeline backfill <SPORT> --from <day> --to <day>`: one run per day, queued at once (earlier
// days first on the sport's queue), with a progress bar over the steps (rate and ETA).
import { runDateSchema, stepListSchema } from "@edgeline/core";
import { SingleBar } from "cli-progress";
import type { Command } from "commander";
import { z } from "zod";
import { queueBackfill, runOutcome } from "../../worker/index.ts";
import { openPipelineSession, startCommandWorker } from "../../worker/session.ts";
import { CliExit } from "../exit.ts";
import { parseArgs, printOutcome } from "./run.ts";

const backfillArgsSchema = z.object({
  sport: z.string().regex(/^[A-Za-z0-9]{2,12}$/, "a sport code such as NHL"),
  from: runDateSchema,
  to: runDateSchema,
  steps: stepListSchema.optional(),
  maxAttempts: z.coerce.number().int().min(1).max(25).default(3),
  worker: z.boolean(),
});

export const registerBackfillCommand = (program: Command): void => {
  program
    .command("backfill")
    .description("run the DAG for every day of a range, with a progress bar")
    .argument("<sport>", "sport code, e.g. NHL")
    .requiredOption("--from <day>", "first day, YYYY-MM-DD")
    .requiredOption("--to <day>", "last day, YYYY-MM-DD")
    .option("--steps <list>", "comma-separated steps to run (in DAG order)")
    .option("--max-attempts <n>", "attempts per step", "3")
    .option("--no-worker", "only queue and follow; a separate worker runs the jobs")
    .action(async (sport: string, flags: Record<string, unknown>) => {
      const args = parseArgs(backfillArgsSchema, { sport, ...flags });
      const session = await openPipelineSession();
      const worker = args.worker ? await startCommandWorker(session) : undefined;
      try {
        const queued = await queueBackfill(
          { sport: args.sport, from: args.from, to: args.to, ...(args.steps ? { steps: args.steps } : {}) },
          { pool: session.pool, plugins: session.plugins, maxAttempts: args.maxAttempts },
        );
        const total = queued.days.length * queued.steps.length;
        const bar = new SingleBar({
          format: "{bar} {value}/{total} steps | {days} days done | {rate} steps/s | ETA {eta_formatted}",
          hideCursor: true,
        });
        bar.start(total, 0, { days: 0, rate: "0.0" });
        const started = Date.now();
        const pending = new Map(queued.days.map((d, i) => [d, queued.runs[i]!.runId]));
        const failed: string[] = [];
        let doneSteps = 0;
        let doneDays = 0;
        while (pending.size > 0) {
          let inFlightSteps = 0;
          for (const [date, fromRunId] of pending) {
            const o = await runOutcome(session.pool, {
              sport: queued.sport,
              date,
              steps: queued.steps,
              fromRunId,
            });
            if (o.done) {
              pending.delete(date);
              doneDays++;
              doneSteps += queued.steps.length;
              if (!o.ok) {
                failed.push(date);
                bar.stop();
                console.log(`${date} failed:`);
                printOutcome(o);
                bar.start(total, doneSteps, { days: doneDays });
              }
            } else {
              inFlightSteps += o.steps.filter((s) => s.status === "succeeded").length;
            }
          }
          const value = doneSteps + inFlightSteps;
          bar.update(value, { days: doneDays, rate: (value / ((Date.now() - started) / 1000)).toFixed(1) });
          if (pending.size > 0) await new Promise((r) => setTimeout(r, 300));
        }
        bar.stop();
        console.log(`${queued.days.length - failed.length}/${queued.days.length} days succeeded`);
        if (failed.length > 0) throw new CliExit(1);
      } finally {
        await worker?.stop();
        await session.close();
      }
    });
};
