// What the steps need from the outside world. Everything is passed in, so a test can point the
// sources at the fake upstream and fix the clock.
import type { Decimal } from "decimal.js";
import type pg from "pg";
import type { Broker } from "../brokers/broker.ts";
import type { PluginContext, PluginRegistry, SportPlugin } from "../plugins/index.ts";
import type { KnownGame } from "../sources/game-matching.ts";
import type { OddsFetchResult } from "../sources/odds-fetch-result.ts";
import type { StakingLimits } from "../staking/index.ts";

/** One source of odds for a sport's known games of a day (Kalshi, The Odds API, ...). */
export interface OddsSource {
  name: string;
  /** Whether the source covers this sport (the plugin has its mapping, the source is configured). */
  covers(plugin: SportPlugin, ctx: PluginContext): boolean;
  /** `observedAt` is when the prices are read (last_update; pre-game is decided against it). */
  fetch(
    plugin: SportPlugin,
    games: readonly KnownGame[],
    day: string,
    ctx: PluginContext,
    observedAt: Date,
  ): Promise<OddsFetchResult>;
}

export interface PipelineDeps {
  pool: pg.Pool;
  plugins: PluginRegistry;
  pluginContext: PluginContext;
  oddsSources: readonly OddsSource[];
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
