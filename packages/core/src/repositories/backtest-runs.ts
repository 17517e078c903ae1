// backtest_runs and backtest_curve_points: each backtest as run (its strategy, headline figures and
// whole report) and its equity curve, written in one transaction.
import type pg from "pg";
import { type Queryable, withTransaction } from "./queryable.ts";

export interface BacktestRunInput {
  sport: string;
  strategy: string;
  from: string;
  to: string;
  /** The strategy with every default filled in. */
  parameters: unknown;
  model: string;
  startingBankroll: string;
  endingBankroll: string;
  bets: number;
  turnover: string;
  profit: string;
  yield: number | null;
  roi: number;
  maxDrawdown: number;
  report: unknown;
  curve: ReadonlyArray<{ day: string; bankroll: string; staked: string; profit: string; bets: number }>;
}

/** A ratio as DECIMAL(10,6) takes it (a yield of −100% is −1.000000). */
const ratio = (x: number) => x.toFixed(6);

/** Stores a run and its curve; returns the run's id. */
export async function insertBacktestRun(db: pg.Pool | pg.PoolClient, run: BacktestRunInput): Promise<string> {
  if (!("release" in db)) return withTransaction(db, (client) => insertBacktestRun(client, run));
  const { rows } = await db.query<{ run_id: string }>(
    `INSERT INTO backtest_runs (sport, strategy, from_date, to_date, parameters, model, starting_bankroll,
       ending_bankroll, bets, turnover, profit, yield, roi, max_drawdown, report)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
     RETURNING run_id::text`,
    [
      run.sport,
      run.strategy,
      run.from,
      run.to,
      JSON.stringify(run.parameters),
      run.model,
      run.startingBankroll,
      run.endingBankroll,
      run.bets,
      run.turnover,
      run.profit,
      run.yield === null ? null : ratio(run.yield),
      ratio(run.roi),
      ratio(run.maxDrawdown),
      JSON.stringify(run.report),
    ],
  );
  const id = rows[0]!.run_id;
  if (run.curve.length > 0) {
    await db.query(
      `INSERT INTO backtest_curve_points (run_id, day, bankroll, staked, profit, bets)
       SELECT $1, * FROM unnest($2::date[], $3::numeric[], $4::numeric[], $5::numeric[], $6::int[])`,
      [
        id,
        run.curve.map((p) => p.day),
        run.curve.map((p) => p.bankroll),
        run.curve.map((p) => p.staked),
        run.curve.map((p) => p.profit),
        run.curve.map((p) => p.bets),
      ],
    );
  }
  return id;
}

export interface StoredBacktestRun {
  runId: string;
  sport: string;
  strategy: string;
  from: string;
  to: string;
  bets: number;
  profit: string;
  yield: string | null;
  createdAt: Date;
}

/** Runs of a sport (or all), newest first. */
export async function listBacktestRuns(db: Queryable, sport?: string): Promise<StoredBacktestRun[]> {
  const { rows } = await db.query(
    `SELECT run_id::text, sport, strategy, from_date::text, to_date::text, bets, profit::text, yield::text, created_at
       FROM backtest_runs WHERE $1::varchar IS NULL OR sport = $1 ORDER BY created_at DESC, run_id DESC`,
    [sport ?? null],
  );
  return rows.map((r) => ({
    runId: r.run_id,
    sport: r.sport,
    strategy: r.strategy,
    from: r.from_date,
    to: r.to_date,
    bets: r.bets,
    profit: r.profit,
    yield: r.yield,
    createdAt: r.created_at,
  }));
}
