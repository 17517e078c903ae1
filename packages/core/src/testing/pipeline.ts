// The pipeline dependencies of a test that brings its own sport: the sport alone in a registry,
// paper trading over the test's games (each priced with the sport's moneyline ways), a 1,000
// bankroll, the default staking limits and a fixed clock.
import type { SportPlugin } from "@edgeline/sdk";
import { Decimal } from "decimal.js";
import type pg from "pg";
import { PaperBroker } from "../brokers/index.ts";
import type { PipelineDeps } from "../pipeline/index.ts";
import { createPluginRegistry } from "../plugins/index.ts";
import { gamesByIds } from "../repositories/index.ts";
import { DEFAULT_STAKING_LIMITS } from "../staking/index.ts";

export function testPipelineDeps(
  pool: pg.Pool,
  plugin: SportPlugin,
  now: () => Date,
  module = "test",
): PipelineDeps {
  const plugins = createPluginRegistry([{ plugin, module }]);
  return {
    pool,
    plugins,
    broker: new PaperBroker(
      (ids) => gamesByIds(pool, ids),
      (sport) => plugins.get(sport)?.markets.find((m) => m.type === "moneyline")?.ways,
    ),
    bankroll: new Decimal(1000),
    stakingLimits: DEFAULT_STAKING_LIMITS,
    now,
  };
}
