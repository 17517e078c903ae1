// What the steps need from the outside world. Everything is passed in, so a test can point the
// plugins at the fake upstream (through the registry's contexts) and fix the clock.

import type { Broker } from "@edgeline/sdk";
import type { Decimal } from "decimal.js";
import type pg from "pg";
import type { PluginRegistry } from "../plugins/registry.ts";
import type { StakingLimits } from "../staking/index.ts";

export interface PipelineDeps {
  pool: pg.Pool;
  /** Sports, odds sources and venues, each with its context (base URLs, config, logger). */
  plugins: PluginRegistry;
  broker: Broker;
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
