// `edgeline jobs`: the job queue for operators. `jobs` lists jobs; `jobs stuck` lists jobs
// locked longer than --older-than with whether their worker is alive; `jobs release` releases
// stuck jobs of dead workers (with --force, also of live ones: only when you know it is hung).
import type { Command } from "commander";
import { z } from "zod";
import { listJobs, lockedJobs, releaseStuckJobs } from "../../worker/index.ts";
import { openPipelineSession } from "../../worker/session.ts";
import { parseArgs } from "./run.ts";

const olderThan = z.coerce
  .number()
  .int()
  .min(0, "in seconds, ≥ 0")
  .max(31_536_000, "at most a year (31536000 s)");

export const registerJobsCommand = (program: Command): void => {
  const jobs = program
    .command("jobs")
    .description("list pipeline jobs; find and release stuck ones")
    .option("--limit <n>", "jobs to list", "100")
    .action(async (flags: { limit: string }) => {
      const limit = parseArgs(z.coerce.number().int().min(1).max(10_000), flags.limit, "--limit");
      const session = await openPipelineSession({ plugins: false });
      try {
        const list = await listJobs(session.pool, limit);
        if (list.length === 0) console.log("no jobs");
        for (const j of list) {
          console.log(
            `${j.id.padStart(6)} ${j.state.padEnd(9)} ${j.task.padEnd(26)} ${j.key ?? ""} attempts ${j.attempts}/${j.maxAttempts}` +
              (j.lockedBy ? ` locked by ${j.lockedBy} since ${j.lockedAt?.toISOString()}` : "") +
              (j.lastError ? ` last error: ${j.lastError}` : ""),
          );
        }
      } finally {
        await session.close();
      }
    });

  jobs
    .command("stuck")
    .description("jobs locked longer than --older-than seconds, and whether their worker is alive")
    .option("--older-than <s>", "lock age in seconds", "60")
    .action(async (flags: { olderThan: string }) => {
      const seconds = parseArgs(olderThan, flags.olderThan, "--older-than");
      const session = await openPipelineSession({ plugins: false });
      try {
        const stuck = await lockedJobs(session.pool, seconds * 1000);
        if (stuck.length === 0) console.log("no stuck jobs");
        for (const j of stuck) {
          console.log(
            `${j.id.padStart(6)} ${j.key ?? j.taskIdentifier} locked by ${j.lockedBy} since ${j.lockedAt.toISOString()} ` +
              (j.lockerAlive ? "(worker alive)" : "(worker gone: `jobs release` frees it)"),
          );
        }
      } finally {
        await session.close();
      }
    });

  jobs
    .command("release")
    .description("release stuck jobs of workers that are gone, so they run again")
    .argument("[ids...]", "only these job ids")
    .option("--older-than <s>", "lock age in seconds", "0")
    .option("--force", "also release jobs of live workers (the step may then run twice; it is idempotent)")
    .action(async (ids: string[], flags: { olderThan: string; force?: boolean }) => {
      const seconds = parseArgs(olderThan, flags.olderThan, "--older-than");
      const jobIds = parseArgs(z.array(z.string().regex(/^\d{1,18}$/, "job ids are numbers")), ids, "ids");
      const session = await openPipelineSession({ plugins: false });
      try {
        const released = await releaseStuckJobs(session.pool, {
          graceMs: seconds * 1000,
          force: flags.force ?? false,
          ...(jobIds.length ? { ids: jobIds } : {}),
        });
        console.log(
          released.length
            ? `released ${released.map((j) => j.key ?? j.id).join(", ")}`
            : "nothing to release",
        );
      } finally {
        await session.close();
      }
    });
};
