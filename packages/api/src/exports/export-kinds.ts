// What each export holds: the columns of its GraphQL type, named as GraphQL names them and
// formatted as GraphQL serialises them (Decimal as fixed strings, DateTime as UTC ISO-8601 with
// milliseconds, Date as YYYY-MM-DD), and the one SQL statement that reads them in order. --from
// and --to bound the column each kind is dated by (inclusive days).
import { z } from "zod";

const iso = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const fixed = (column: string, dp: number) => `(${column})::numeric(20,${dp})::text`;

export const EXPORT_KINDS = ["bets", "recommendations", "portfolio", "backtest"] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

export interface ExportQuery {
  kind: ExportKind;
  /** The backtest run's id (backtest only). */
  id?: string;
  from?: string;
  to?: string;
}

interface KindDefinition {
  /** The GraphQL type whose fields these are. */
  graphqlType: string;
  columns: ReadonlyArray<readonly [name: string, sql: string]>;
  table: string;
  /** The instant or day --from/--to bound. */
  dated: string;
  order: string;
}

const KINDS: Record<ExportKind, KindDefinition> = {
  bets: {
    graphqlType: "PlacedBet",
    table: "placed_bets",
    dated: "placed_time_utc",
    order: "placed_time_utc, bet_id",
    columns: [
      ["id", "bet_id"],
      ["gameId", "game_id"],
      ["marketId", "market_id"],
      ["bookmaker", "bookmaker"],
      ["outcome", "outcome"],
      ["stake", fixed("stake", 2)],
      ["odds", fixed("odds", 4)],
      ["openingOdds", fixed("opening_odds", 4)],
      ["potentialPayout", fixed("potential_payout", 2)],
      ["status", "status"],
      ["result", fixed("result", 2)],
      ["placedAt", iso("placed_time_utc")],
      ["marketTitle", "market_title"],
      ["marketCloseTime", iso("market_close_time_utc")],
      ["createdAt", iso("created_at")],
    ],
  },
  recommendations: {
    graphqlType: "Recommendation",
    table: "bet_recommendations",
    dated: "generated_at",
    order: "generated_at, recommendation_id",
    columns: [
      ["id", "recommendation_id::text"],
      ["sport", "sport"],
      ["gameId", "game_id"],
      ["marketId", "market_id"],
      ["type", "recommendation_type"],
      ["side", "side"],
      ["confidence", fixed("confidence", 4)],
      ["edge", fixed("edge", 4)],
      ["recommendedStake", fixed("recommended_stake", 2)],
      ["expectedValue", fixed("expected_value", 2)],
      ["generatedAt", iso("generated_at")],
      ["expiresAt", iso("expires_at")],
      ["status", "status"],
    ],
  },
  portfolio: {
    graphqlType: "PortfolioSnapshot",
    table: "portfolio_snapshots",
    dated: "snapshot_time",
    order: "snapshot_time, snapshot_id",
    columns: [
      ["id", "snapshot_id::text"],
      ["snapshotTime", iso("snapshot_time")],
      ["totalValue", fixed("total_value", 2)],
      ["cashBalance", fixed("cash_balance", 2)],
      ["investedAmount", fixed("invested_amount", 2)],
      ["unrealizedPnl", fixed("unrealized_pnl", 2)],
      ["realizedPnl", fixed("realized_pnl", 2)],
    ],
  },
  backtest: {
    graphqlType: "BacktestCurvePoint",
    table: "backtest_curve_points",
    dated: "day",
    order: "day",
    columns: [
      ["day", "day::text"],
      ["bankroll", fixed("bankroll", 2)],
      ["staked", fixed("staked", 2)],
      ["profit", fixed("profit", 2)],
      ["bets", "bets"],
    ],
  },
};

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a day, YYYY-MM-DD")
  .refine((d) => !Number.isNaN(Date.parse(d)), "is not a valid day");

export const exportQuerySchema = z
  .object({
    kind: z.enum(EXPORT_KINDS),
    id: z
      .string()
      .regex(/^\d{1,18}$/, "must be a backtest run id")
      .optional(),
    from: day.optional(),
    to: day.optional(),
  })
  .refine((q) => q.kind !== "backtest" || q.id !== undefined, {
    path: ["id"],
    message: "backtest needs a run id",
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ["from"], message: "is after to" });

/** The column names of a kind, as its GraphQL type names its fields. */
export function exportColumns(kind: ExportKind): string[] {
  return KINDS[kind].columns.map(([name]) => name);
}

export function graphqlTypeOf(kind: ExportKind): string {
  return KINDS[kind].graphqlType;
}

/** The statement and values reading an export, rows in order. */
export function exportSql(query: ExportQuery): { text: string; values: unknown[] } {
  const k = KINDS[query.kind];
  const values: unknown[] = [];
  const where: string[] = [];
  if (query.kind === "backtest") {
    values.push(query.id);
    where.push(`run_id = $${values.length}::bigint`);
  }
  if (query.from) {
    values.push(query.from);
    where.push(`${k.dated} >= $${values.length}::date`);
  }
  if (query.to) {
    values.push(query.to);
    where.push(`${k.dated} < $${values.length}::date + 1`);
  }
  const select = k.columns.map(([name, sql]) => `${sql} AS "${name}"`).join(", ");
  return {
    text: `SELECT ${select} FROM ${k.table}${where.length ? ` WHERE ${where.join(" AND ")}` : ""} ORDER BY ${k.order}`,
    values,
  };
}
