// PipelineRun: one execution (attempt) of one pipeline step, the task history Airflow kept.
// Queries page through them; runPipeline and backfill queue new ones; pipelineRunUpdated streams
// their changes (NOTIFY from whichever process wrote them).
import type { InputFieldMap, InputShapeFromFields } from "@pothos/core";
import { filter, pipe } from "graphql-yoga";
import { builder } from "./builder.ts";
import type { GraphQLContext } from "./context.ts";
import { invalidArgument } from "./errors.ts";
import { checkOrder, runFilter, sportCode } from "./filters.ts";
import { JobRef } from "./job.ts";
import { connectionNames, pagedRows } from "./pagination.ts";
import type { QueuedWork } from "./pipeline-queue.ts";
import type { Prisma } from "./prisma.ts";
import { QueuedWorkRef, queueing } from "./queued-work.ts";
import { dayToDate } from "./scalars.ts";

builder.prismaObject("PipelineRun", {
  description: "One execution (attempt) of one pipeline step.",
  fields: (t) => ({
    id: t.id({ resolve: (r) => r.runId.toString() }),
    dag: t.exposeString("dag"),
    sport: t.exposeString("sport", { nullable: true }),
    step: t.exposeString("step"),
    runDate: t.field({ type: "Date", resolve: (r) => r.runDate }),
    status: t.exposeString("status"),
    attempt: t.exposeInt("attempt"),
    jobKey: t.exposeString("jobKey", { nullable: true }),
    queuedAt: t.field({ type: "DateTime", resolve: (r) => r.queuedAt }),
    startedAt: t.field({ type: "DateTime", nullable: true, resolve: (r) => r.startedAt }),
    finishedAt: t.field({ type: "DateTime", nullable: true, resolve: (r) => r.finishedAt }),
    rowsWritten: t.exposeInt("rowsWritten", { nullable: true }),
    error: t.exposeString("error", { nullable: true }),
    job: t.field({
      type: JobRef,
      nullable: true,
      description: "The graphile-worker job of this run while it is in the queue (null once completed).",
      resolve: async (r, _args, ctx) =>
        r.jobKey ? ((await ctx.loaders.jobByKey.load(r.jobKey)) ?? null) : null,
    }),
  }),
});

function runsWhere(args: Parameters<typeof runFilter>[0]) {
  const f = runFilter(args);
  return {
    ...(f.sport ? { sport: f.sport } : {}),
    ...(f.date ? { runDate: dayToDate(f.date) } : {}),
    ...(f.status ? { status: f.status } : {}),
  } satisfies Prisma.PipelineRunWhereInput;
}

/** A sport the loaded plugins provide; the pipeline cannot run any other. */
function knownSport(ctx: GraphQLContext, given: string): string {
  const sport = sportCode(given);
  if (!ctx.sports.get(sport)) {
    const known = ctx.sports.list().map((s) => s.code);
    throw invalidArgument(
      "sport",
      `no loaded plugin provides "${sport}" (loaded: ${known.join(", ") || "none"})`,
    );
  }
  return sport;
}

builder.queryFields((t) => ({
  pipelineRuns: t.prismaConnection(
    {
      type: "PipelineRun",
      cursor: "runId",
      description: "Step executions, most recently queued first. `date` is the run date (the day processed).",
      args: {
        sport: t.arg.string({ required: false }),
        date: t.arg({ type: "Date", required: false }),
        status: t.arg.string({ required: false }),
      },
      ...pagedRows((ctx) => ctx.prisma.pipelineRun, runsWhere, [{ queuedAt: "desc" }, { runId: "desc" }]),
    },
    ...connectionNames("PipelineRun"),
  ),
}));

type MutationFieldBuilder = Parameters<Parameters<typeof builder.mutationFields>[0]>[0];

/**
 * A mutation that queues a sport's pipeline: its `sport` argument (a loaded plugin's) first, then
 * `args`; `queue` gets the checked sport code. Returns the QueuedWork.
 */
function queuesPipeline<Args extends InputFieldMap>(
  t: MutationFieldBuilder,
  description: string,
  args: Args,
  queue: (sport: string, args: InputShapeFromFields<Args>, ctx: GraphQLContext) => Promise<QueuedWork>,
) {
  return t.field({
    type: QueuedWorkRef,
    description,
    args: { sport: t.arg.string({ required: true }), ...args },
    resolve: queueing((given: object, ctx) => {
      // Pothos cannot work out the spread's shape while Args is generic: Args' input plus `sport`.
      const shape = given as unknown as InputShapeFromFields<Args> & { sport: string };
      return queue(knownSport(ctx, shape.sport), shape, ctx);
    }),
  });
}

builder.mutationFields((t) => ({
  runPipeline: queuesPipeline(
    t,
    "Queues a sport's daily pipeline for one day, or only the named steps of it.",
    { date: t.arg({ type: "Date", required: true }), steps: t.arg.stringList({ required: false }) },
    (sport, args, ctx) => {
      if (args.steps && args.steps.length === 0)
        throw invalidArgument("steps", "must name at least one step");
      return ctx.pipeline.runPipeline({
        sport,
        date: args.date,
        ...(args.steps ? { steps: args.steps } : {}),
      });
    },
  ),
  backfill: queuesPipeline(
    t,
    "Queues a sport's daily pipeline for every day from `from` to `to`, inclusive.",
    { from: t.arg({ type: "Date", required: true }), to: t.arg({ type: "Date", required: true }) },
    (sport, args, ctx) => {
      checkOrder(args.from, args.to);
      return ctx.pipeline.backfill({ sport, from: args.from, to: args.to });
    },
  ),
}));

builder.subscriptionFields((t) => ({
  pipelineRunUpdated: t.prismaField({
    type: "PipelineRun",
    nullable: true,
    description: "Each insert or update of a pipeline run (of one sport, if given). Null if the row is gone.",
    args: { sport: t.arg.string({ required: false }) },
    subscribe: (_root, args, ctx) =>
      pipe(
        ctx.pubsub.subscribe("pipelineRunUpdated"),
        filter((event) => !args.sport || event.sport === sportCode(args.sport)),
      ),
    resolve: (query, event, _args, ctx) =>
      ctx.prisma.pipelineRun.findUnique({
        ...query,
        where: { runId: BigInt((event as { runId: string }).runId) },
      }),
  }),
}));
