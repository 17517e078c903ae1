// The production PipelineDeps: the plugin registry (sports, odds sources and venues with their
// contexts), the paper broker, the router to each venue's broker (live only with
// EDGELINE_LIVE_TRADING=1), the risk limits of the configuration, a notional bankroll.
import {
  createBrokerRouter,
  createPgPool,
  DEFAULT_STAKING_LIMITS,
  gamesByIds,
  loadConfig,
  PaperBroker,
  type PipelineDeps,
  type PluginRegistry,
  riskLimitsOf,
} from "@edgeline/core";
import { Decimal } from "decimal.js";
import type pg from "pg";

/** A pool for the pipeline's set-based SQL (DATE columns as YYYY-MM-DD strings), sized by EDGELINE_DB_POOL_SIZE. */
export function pipelinePool(connectionString: string, config = loadConfig()): pg.Pool {
  return createPgPool({
    connectionString,
    poolSize: config.database.poolSize,
    statementTimeoutMs: config.database.statementTimeoutMs,
    applicationName: "edgeline-worker",
  });
}

export function createPipelineDeps(
  pool: pg.Pool,
  plugins: PluginRegistry,
  overrides: Partial<PipelineDeps> = {},
  env: Record<string, string | undefined> = process.env,
): PipelineDeps {
  // Settlement grades a tie by the sport's moneyline: void where it is 2-way, a loss where 3-way;
  // payouts follow the rules of the venue whose price a bet was struck at.
  const games = (ids: readonly string[]) => gamesByIds(pool, ids);
  const broker =
    overrides.broker ??
    new PaperBroker(
      games,
      (sport) => plugins.get(sport)?.markets.find((m) => m.type === "moneyline")?.ways,
      undefined,
      (bookmaker) => plugins.rulesFor(bookmaker),
    );
  const config = loadConfig(env);
  return {
    pool,
    plugins,
    broker,
    router: createBrokerRouter(plugins, broker, games, { live: config.trading.live }),
    riskLimits: riskLimitsOf(config.trading.risk),
    bankroll: new Decimal(config.bankroll),
    stakingLimits: DEFAULT_STAKING_LIMITS,
    now: () => new Date(),
    ...overrides,
  };
}
