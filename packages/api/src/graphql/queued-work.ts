// What a queueing mutation returns: the pipeline runs it queued and their jobs, each of which can
// then be followed with `pipelineRuns`, `job`/`jobs` or the `pipelineRunUpdated` subscription.
import { builder } from "./builder.ts";
import type { GraphQLContext } from "./context.ts";
import { JobRef } from "./job.ts";
import { jobRows } from "./loaders.ts";
import type { QueuedWork } from "./pipeline-queue.ts";
import { requireWriteKey } from "./write-access.ts";

/** The resolver of a mutation that queues work: the write key checked before `queue` runs. */
export function queueing<Args>(queue: (args: Args, ctx: GraphQLContext) => Promise<QueuedWork>) {
  return (_root: unknown, args: Args, ctx: GraphQLContext) => {
    requireWriteKey(ctx);
    return queue(args, ctx);
  };
}

export const QueuedWorkRef = builder.objectRef<QueuedWork>("QueuedWork").implement({
  description: "Work a mutation queued.",
  fields: (t) => ({
    pipelineRuns: t.prismaField({
      type: ["PipelineRun"],
      description: "The pipeline_runs rows written when the work was queued (status queued).",
      resolve: (query, w, _args, ctx) =>
        ctx.prisma.pipelineRun.findMany({
          ...query,
          where: { runId: { in: w.runIds.map((id) => BigInt(id)) } },
          orderBy: { runId: "asc" },
        }),
    }),
    jobs: t.field({
      type: [JobRef],
      description: "Their graphile-worker jobs still in the queue (a job leaves it when it completes).",
      resolve: (w, _args, ctx) =>
        jobRows(
          ctx.sql,
          "j.key IN (SELECT r.job_key FROM pipeline_runs r WHERE r.run_id = ANY($1::bigint[]))",
          [w.runIds],
        ),
    }),
  }),
});
