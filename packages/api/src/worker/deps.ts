// The production PipelineDeps: the plugin registry (sports, odds sources and venues with their
// contexts), the paper broker, a notional bankroll.
import {
  createPgPool,
  DEFAULT_STAKING_LIMITS,
  gamesByIds,
  loadEnv,
  PaperBroker,
  type PipelineDeps,
  type PluginRegistry,
} from "@edgeline/core";
import { Decimal } from "decimal.js";
import type pg from "pg";

/** A pool for the pipeline's set-based SQL (DATE columns as YYYY-MM-DD strings). */
export function pipelinePool(connectionString: string, size = 10): pg.Pool {
  const pool = createPgPool({
    connectionString,
    poolSize: size,
    statementTimeoutMs: loadEnv().EDGELINE_DB_STATEMENT_TIMEOUT_MS,
    applicationName: "edgeline-worker",
  });
  // An idle connection dropped by the server must not crash the process; the next query reconnects.
  pool.on("error", () => {});
  pool.on("connect", (client) => client.on("error", () => {}));
  return pool;
}

export function createPipelineDeps(
  pool: pg.Pool,
  plugins: PluginRegistry,
  overrides: Partial<PipelineDeps> = {},
  env: Record<string, string | undefined> = process.env,
): PipelineDeps {
  // Settlement grades a tie by the sport's moneyline: void where it is 2-way, a loss where 3-way;
  // payouts follow the rules of the venue whose price a bet was struck at.
  const broker = new PaperBroker(
    (ids) => gamesByIds(pool, ids),
    (sport) => plugins.get(sport)?.markets.find((m) => m.type === "moneyline")?.ways,
    undefined,
    (bookmaker) => plugins.rulesFor(bookmaker),
  );
  return {
    pool,
    plugins,
    broker,
    bankroll: new Decimal(loadEnv(env).EDGELINE_BANKROLL),
    stakingLimits: DEFAULT_STAKING_LIMITS,
    now: () => new Date(),
    ...overrides,
  };
}
