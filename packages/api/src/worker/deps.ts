// The production PipelineDeps: the plugin registry, sources configured from the environment,
// the paper broker, a notional bankroll.
import {
  createPgPool,
  createPluginContext,
  DEFAULT_STAKING_LIMITS,
  defaultOddsSources,
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
  // Settlement grades a tie by the sport's moneyline: void where it is 2-way, a loss where 3-way.
  const broker = new PaperBroker(
    (ids) => gamesByIds(pool, ids),
    (sport) => plugins.get(sport)?.markets.find((m) => m.type === "moneyline")?.ways,
  );
  return {
    pool,
    plugins,
    pluginContext: createPluginContext({ env }),
    oddsSources: defaultOddsSources(env),
    broker,
    bankroll: new Decimal(loadEnv(env).EDGELINE_BANKROLL),
    stakingLimits: DEFAULT_STAKING_LIMITS,
    now: () => new Date(),
    ...overrides,
  };
}
