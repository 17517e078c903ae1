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
} from "./object.ts";

const spec = <S>(typeName: string): ObjectSpec<S> => ({ typeName, fields: {} });

export const PortfolioSnapshotSpec = spec<string>("PortfolioSnapshot");
export const PortfolioSpec = spec<PortfolioWindow>("Portfolio");
const PortfolioStateSpec = spec<string>("PortfolioState");
export const PipelineRunSpec = spec<string>("PipelineRun");
export const JobSpec = spec<string>("Job");

Object.assign(PortfolioSnapshotSpec.fields, {
  id: idText("snapshot_id"),
  snapshotTime: dateTime("snapshot_time"),
  totalValue: decimal("total_value"),
  cashBalance: decimal("cash_balance"),
  investedAmount: decimal("invested_amount"),
  unrealizedPnl: decimal("unrealized_pnl"),
  realizedPnl: decimal("realized_pnl"),
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
  openBets: column("open_bets"),
  openStake: column("open_stake"),
  openPotentialPayout: column("open_potential_payout"),
  settledBets: column("settled_bets"),
  realizedPnl: column("realized_pnl"),
  averageClv: column("average_clv"),
  averageClvConsensus: column("average_clv_consensus"),
  clvBets: column("clv_bets"),
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
  dag: column("dag"),
  sport: column("sport"),
  step: column("step"),
  runDate: column("run_date"),
  status: column("status"),
  attempt: column("attempt"),
  jobKey: column("job_key"),
  queuedAt: dateTime("queued_at"),
  startedAt: dateTime("started_at"),
  finishedAt: dateTime("finished_at"),
  rowsWritten: column("rows_written"),
  error: column("error"),
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
  taskIdentifier: column("task_identifier"),
  queueName: column("queue_name"),
  key: column("key"),
  // job.ts's jobState, in SQL.
  state: (j) => ({
    sql: `CASE WHEN ${j}.attempts >= ${j}.max_attempts AND ${j}.locked_at IS NULL THEN 'FAILED'
               WHEN ${j}.locked_at IS NOT NULL THEN 'RUNNING'
               WHEN ${j}.attempts > 0 THEN 'RETRY_SCHEDULED' ELSE 'QUEUED' END`,
  }),
  attempts: column("attempts"),
  maxAttempts: column("max_attempts"),
  lastError: column("last_error"),
  runAt: dateTime("run_at"),
  lockedAt: dateTime("locked_at"),
  createdAt: dateTime("created_at"),
  updatedAt: dateTime("updated_at"),
} satisfies Record<string, FieldCompiler<string>>);
