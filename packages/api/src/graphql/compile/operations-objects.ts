// The compiler's view of the operational types: PortfolioSnapshot, Portfolio, PortfolioState,
// PipelineRun and Job (graphile-worker's jobs view), as portfolio.ts, pipeline-run.ts and job.ts
// resolve them.
import type { PortfolioWindow } from "../filters.ts";
import { BET_TOTALS_SQL } from "../portfolio-totals.ts";
import { type ConnectionSpec, compileConnection } from "./connection.ts";
import {
  type CompileContext,
  column,
  dateTime,
  decimal,
  defineFields,
  idText,
  objectSpec,
  rowObject,
  rowSpec,
  sameNamed,
} from "./object.ts";

export const PortfolioSnapshotSpec = rowSpec("PortfolioSnapshot", "portfolio_snapshots", {
  column: "snapshot_id",
  tag: "N",
  type: "int",
});
export const PortfolioSpec = objectSpec<PortfolioWindow>("Portfolio");
const PortfolioStateSpec = objectSpec("PortfolioState");
export const PipelineRunSpec = rowSpec("PipelineRun", "pipeline_runs", {
  column: "run_id",
  tag: "I",
  type: "bigint",
});
export const JobSpec = objectSpec("Job");

defineFields(PortfolioSnapshotSpec, {
  id: idText("snapshot_id"),
  ...sameNamed(decimal, "totalValue cashBalance investedAmount unrealizedPnl realizedPnl"),
  snapshotTime: dateTime("snapshot_time"),
});

/** Snapshots taken in [from, to). */
export function snapshotConditions(w: PortfolioWindow, a: string, cx: CompileContext): string[] {
  return [
    ...(w.from ? [`${a}.snapshot_time >= ${cx.st.param(w.from.toISOString(), "timestamptz")}`] : []),
    ...(w.to ? [`${a}.snapshot_time < ${cx.st.param(w.to.toISOString(), "timestamptz")}`] : []),
  ];
}

defineFields(PortfolioSpec, {
  snapshots: (w, field, cx) => {
    const connection: ConnectionSpec = {
      node: PortfolioSnapshotSpec,
      order: [
        { column: "snapshot_time", desc: false, nullable: false },
        { column: "snapshot_id", desc: false, nullable: false },
      ],
      where: (a, c) => snapshotConditions(w, a, c),
    };
    return compileConnection(connection, field, cx);
  },
  current: (_w, field, cx) => rowObject(PortfolioStateSpec, field, cx, (s) => `(${BET_TOTALS_SQL}) ${s}`),
});

defineFields(PortfolioStateSpec, {
  ...sameNamed(
    column,
    "openBets openStake openPotentialPayout settledBets realizedPnl averageClv averageClvConsensus clvBets",
  ),
  latestSnapshot: (_s, field, cx) =>
    rowObject(
      PortfolioSnapshotSpec,
      field,
      cx,
      (a) =>
        `${PortfolioSnapshotSpec.table} ${a} ORDER BY ${a}.snapshot_time DESC, ${a}.snapshot_id DESC LIMIT 1`,
    ),
});

defineFields(PipelineRunSpec, {
  id: idText("run_id"),
  ...sameNamed(column, "dag sport step runDate status attempt jobKey rowsWritten error"),
  ...sameNamed(dateTime, "queuedAt startedAt finishedAt"),
  job: (t, field, cx) => {
    // The loader maps jobs by key, the last (highest id) winning; an empty key loads nothing.
    const node = rowObject(
      JobSpec,
      field,
      cx,
      (j) => `graphile_worker.jobs ${j} WHERE ${j}.key = ${t}.job_key ORDER BY ${j}.id DESC LIMIT 1`,
    );
    return node && { sql: `CASE WHEN ${t}.job_key <> '' THEN ${node.sql} END`, finish: node.finish };
  },
});

defineFields(JobSpec, {
  id: idText("id"),
  ...sameNamed(column, "taskIdentifier queueName key attempts maxAttempts lastError"),
  ...sameNamed(dateTime, "runAt lockedAt createdAt updatedAt"),
  // job.ts's jobState, in SQL.
  state: (j) => ({
    sql: `CASE WHEN ${j}.attempts >= ${j}.max_attempts AND ${j}.locked_at IS NULL THEN 'FAILED'
               WHEN ${j}.locked_at IS NOT NULL THEN 'RUNNING'
               WHEN ${j}.attempts > 0 THEN 'RETRY_SCHEDULED' ELSE 'QUEUED' END`,
  }),
});
