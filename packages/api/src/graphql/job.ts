// Job: a graphile-worker job that a mutation queued. graphile-worker deletes a job once it has
// completed, so a job that no longer loads has finished; its pipeline_runs rows keep the outcome.
import { builder } from "./builder.ts";
import { invalidArgument } from "./errors.ts";
import type { JobRow } from "./loaders.ts";
import { MAX_PAGE_SIZE } from "./pagination.ts";

const JobState = builder.enumType("JobState", {
  values: {
    QUEUED: { description: "Waiting for a worker (or for its run_at)." },
    RUNNING: { description: "Locked by a worker." },
    RETRY_SCHEDULED: { description: "Failed at least once; will be retried." },
    FAILED: { description: "Out of attempts: will not run again by itself." },
  } as const,
});

function jobState(job: JobRow): "QUEUED" | "RUNNING" | "RETRY_SCHEDULED" | "FAILED" {
  if (job.attempts >= job.max_attempts && !job.locked_at) return "FAILED";
  if (job.locked_at) return "RUNNING";
  return job.attempts > 0 ? "RETRY_SCHEDULED" : "QUEUED";
}

export const JobRef = builder.objectRef<JobRow>("Job").implement({
  description: "A graphile-worker job still in the queue (running, waiting, retrying or failed).",
  fields: (t) => ({
    id: t.exposeID("id"),
    taskIdentifier: t.exposeString("task_identifier"),
    queueName: t.exposeString("queue_name", { nullable: true }),
    key: t.exposeString("key", { nullable: true }),
    state: t.field({ type: JobState, resolve: jobState }),
    attempts: t.exposeInt("attempts"),
    maxAttempts: t.exposeInt("max_attempts"),
    lastError: t.exposeString("last_error", { nullable: true }),
    runAt: t.field({ type: "DateTime", resolve: (j) => j.run_at }),
    lockedAt: t.field({ type: "DateTime", nullable: true, resolve: (j) => j.locked_at }),
    createdAt: t.field({ type: "DateTime", resolve: (j) => j.created_at }),
    updatedAt: t.field({ type: "DateTime", resolve: (j) => j.updated_at }),
  }),
});

/** Ids as graphile-worker's bigint ids, rejecting anything else before it reaches SQL. */
export function jobIds(argument: string, ids: readonly (string | number)[]): string[] {
  if (ids.length > MAX_PAGE_SIZE) throw invalidArgument(argument, `at most ${MAX_PAGE_SIZE} ids`);
  return ids.map((id) => {
    const s = String(id);
    if (!/^[1-9]\d{0,18}$/.test(s)) throw invalidArgument(argument, `"${s}" is not a job id`);
    return s;
  });
}

builder.queryFields((t) => ({
  job: t.field({
    type: JobRef,
    nullable: true,
    description: "A queued job by id; null once it has completed (graphile-worker deletes completed jobs).",
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, args, ctx) => {
      const [id] = jobIds("id", [args.id]);
      return (await ctx.loaders.job.load(id!)) ?? null;
    },
  }),
  jobs: t.field({
    type: [JobRef],
    nullable: { list: false, items: true },
    description: `Jobs by id, in the order asked (null for completed ones); at most ${MAX_PAGE_SIZE} ids.`,
    args: { ids: t.arg.idList({ required: true }) },
    resolve: (_root, args, ctx) =>
      Promise.all(jobIds("ids", args.ids).map(async (id) => (await ctx.loaders.job.load(id)) ?? null)),
  }),
}));
