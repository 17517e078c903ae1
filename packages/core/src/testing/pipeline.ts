// The pipeline dependencies of a test that brings its own sport (and, with startTestPipeline, its
// own database): the sport alone in a registry,
// paper trading over the test's games (each priced with the sport's moneyline ways), a 1,000
// bankroll, the default staking limits and a fixed clock.
import type { SportPlugin } from "@edgeline/sdk";
import { Decimal } from "decimal.js";
import type pg from "pg";
import { PaperBroker } from "../brokers/index.ts";
import { createPgPool } from "../db/clients.ts";
import type { PipelineDeps } from "../pipeline/index.ts";
import { createPluginRegistry } from "../plugins/index.ts";
import { gamesByIds } from "../repositories/index.ts";
import { DEFAULT_STAKING_LIMITS } from "../staking/index.ts";
import { createTestDatabase, type TestDatabase } from "./database.ts";

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

/** A migrated database of its own, a pool on it, and the pipeline dependencies over that pool. */
export interface TestPipeline {
  db: TestDatabase;
  pool: pg.Pool;
  deps: PipelineDeps;
  /** Ends the pool and drops the database. */
  close(): Promise<void>;
}

export async function startTestPipeline(
  plugin: SportPlugin,
  now: () => Date,
  module = "test",
): Promise<TestPipeline> {
  const db = await createTestDatabase();
  const pool = createPgPool({ connectionString: db.url, poolSize: 2 });
  return {
    db,
    pool,
    deps: testPipelineDeps(pool, plugin, now, module),
    async close() {
      await pool.end();
      await db.drop();
    },
  };
}
