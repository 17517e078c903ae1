// What the steps need from the outside world. Everything is passed in, so a test can point the
// plugins at the fake upstream (through the registry's contexts) and fix the clock.

import type { Broker, RiskLimits } from "@edgeline/sdk";
import type { Decimal } from "decimal.js";
import type pg from "pg";
import { BrokerRouter } from "../brokers/broker-routing.ts";
import type { PluginRegistry } from "../plugins/registry.ts";
import { gamesByIds } from "../repositories/games.ts";
import { DEFAULT_RISK_LIMITS } from "../risk/risk-limits.ts";
import type { StakingLimits } from "../staking/index.ts";

export interface PipelineDeps {
  pool: pg.Pool;
  /** Sports, odds sources and venues, each with its context (base URLs, config, logger). */
  plugins: PluginRegistry;
  /** The paper broker: simulates every venue (and grades paper and manual bets). */
  broker: Broker;
  /** Live trading: the router to each venue's broker. @defaultValue every venue on paper through `broker` */
  router?: BrokerRouter;
  /** Checked before every order. @defaultValue DEFAULT_RISK_LIMITS */
  riskLimits?: RiskLimits;
  /**
   * Notional bankroll stakes are sized against. Fixed (not the live balance) so that rerunning a
   * day sizes every stake as the first run did.
   */
  bankroll: Decimal;
  stakingLimits: StakingLimits;
  now: () => Date;
  /** Aborted on shutdown: long fetches should stop early. */
  signal?: AbortSignal;
}

/** The router of the deps: the one given, else every venue on paper through `deps.broker`. */
export function routerOf(deps: PipelineDeps): BrokerRouter {
  return deps.router ?? new BrokerRouter(deps.plugins, deps.broker, (ids) => gamesByIds(deps.pool, ids));
}

export function riskLimitsOfDeps(deps: PipelineDeps): RiskLimits {
  return deps.riskLimits ?? DEFAULT_RISK_LIMITS;
}
