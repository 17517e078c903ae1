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
  type FieldCompiler,
  idText,
  type ObjectSpec,
  rowObject,
  sameNamed,
} from "./object.ts";

const spec = <S>(typeName: string): ObjectSpec<S> => ({ typeName, fields: {} });

export const PortfolioSnapshotSpec = spec<string>("PortfolioSnapshot");
export const PortfolioSpec = spec<PortfolioWindow>("Portfolio");
const PortfolioStateSpec = spec<string>("PortfolioState");
export const PipelineRunSpec = spec<string>("PipelineRun");
export const JobSpec = spec<string>("Job");

Object.assign(PortfolioSnapshotSpec.fields, {
  id: idText("snapshot_id"),
  ...sameNamed(decimal, "totalValue cashBalance investedAmount unrealizedPnl realizedPnl"),
  snapshotTime: dateTime("snapshot_time"),
} satisfies Record<string, FieldCompiler<string>>);

/** Snapshots taken in [from, to). */
export function snapshotConditions(w: PortfolioWindow, a: string, cx: CompileContext): string[] {
  return [
    ...(w.from ? [`${a}.snapshot_time >= ${cx.st.param(w.from.toISOString(), "timestamptz")}`] : []),
    ...(w.to ? [`${a}.snapshot_time < ${cx.st.param(w.to.toISOString(), "timestamptz")}`] : []),
  ];
}

Object.assign(PortfolioSpec.fields, {
  snapshots: (w, field, cx) => {
    const connection: ConnectionSpec = {
      table: "portfolio_snapshots",
      node: PortfolioSnapshotSpec,
      key: { column: "snapshot_id", tag: "N", type: "int" },
      order: [
        { column: "snapshot_time", desc: false, nullable: false },
        { column: "snapshot_id", desc: false, nullable: false },
      ],
      where: (a, c) => snapshotConditions(w, a, c),
    };
    return compileConnection(connection, field, cx);
  },
  current: (_w, field, cx) => rowObject(PortfolioStateSpec, field, cx, (s) => `(${BET_TOTALS_SQL}) ${s}`),
} satisfies Record<string, FieldCompiler<PortfolioWindow>>);

Object.assign(PortfolioStateSpec.fields, {
  ...sameNamed(
    column,
    "openBets openStake openPotentialPayout settledBets realizedPnl averageClv averageClvConsensus clvBets",
  ),
  latestSnapshot: (_s, field, cx) =>
    rowObject(
      PortfolioSnapshotSpec,
      field,
      cx,
      (a) => `portfolio_snapshots ${a} ORDER BY ${a}.snapshot_time DESC, ${a}.snapshot_id DESC LIMIT 1`,
    ),
} satisfies Record<string, FieldCompiler<string>>);

Object.assign(PipelineRunSpec.fields, {
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
} satisfies Record<string, FieldCompiler<string>>);

Object.assign(JobSpec.fields, {
  id: idText("id"),
  ...sameNamed(column, "taskIdentifier queueName key attempts maxAttempts lastError"),
  ...sameNamed(dateTime, "runAt lockedAt createdAt updatedAt"),
  // job.ts's jobState, in SQL.
  state: (j) => ({
    sql: `CASE WHEN ${j}.attempts >= ${j}.max_attempts AND ${j}.locked_at IS NULL THEN 'FAILED'
               WHEN ${j}.locked_at IS NOT NULL THEN 'RUNNING'
               WHEN ${j}.attempts > 0 THEN 'RETRY_SCHEDULED' ELSE 'QUEUED' END`,
  }),
} satisfies Record<string, FieldCompiler<string>>);
