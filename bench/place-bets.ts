// place_bets with every per-order check (kill switch read, price check, risk limits) on a real
// PostgreSQL: 200 recommendations on 100 games placed on paper in one step, then the same on a
// live in-memory exchange (all at Kalshi's price), and a rerun that finds nothing to place. Prints
// the step's time and the time per order. Run alone with `pnpm exec tsx bench/place-bets.ts`.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Decimal } from "decimal.js";
import { createPgPool } from "../packages/core/src/db/clients.ts";
import { runStep, STEP_DEFINITIONS } from "../packages/core/src/pipeline/index.ts";
import { createTestDatabase } from "../packages/core/src/testing/index.ts";
import {
  DAY,
  depsFor,
  game,
  liveRegistry,
  QUOTED,
  quote,
  RecordingBroker,
  rec,
  reset,
  SPORT,
  writeRecs,
} from "../packages/core/test/live-execution-fixture.ts";

const GAMES = 100;

export async function main(): Promise<void> {
  const db = await createTestDatabase();
  const pool = createPgPool({ connectionString: db.url, poolSize: 4 });
  const plugins = liveRegistry();
  const ids = Array.from({ length: GAMES }, (_, i) => `B${String(i).padStart(3, "0")}`);
  const roomy = {
    maxStakePerBet: new Decimal(1e6),
    maxStakePerDay: new Decimal(1e6),
    maxStakePerGame: new Decimal(1e6),
    maxOpenExposure: new Decimal(1e6),
    dailyLossLimit: new Decimal(1e6),
    maxOpenPositions: 1e6,
  };
  const setUp = async (book: string) => {
    await reset(
      pool,
      ids.map((id) => game(id)),
      ids.flatMap((id) => [
        quote(id, book, "home", "2.5000", QUOTED),
        quote(id, book, "away", "2.5000", QUOTED),
      ]),
    );
    await writeRecs(
      pool,
      ids.flatMap((id) => [
        rec(id, "home", book, "2.5000", "4.10", { contracts: 10 }),
        rec(id, "away", book, "2.5000", "4.10", { contracts: 10 }),
      ]),
    );
  };
  const timed = async (label: string, deps: ReturnType<typeof depsFor>, orders: number) => {
    const t0 = performance.now();
    const written = await runStep(deps, STEP_DEFINITIONS.place_bets, { sport: SPORT, date: DAY });
    const ms = performance.now() - t0;
    console.log(
      `  ${label.padEnd(44)} ${ms.toFixed(0).padStart(6)} ms  ${written} rows written${orders ? `, ${(ms / orders).toFixed(2)} ms per order` : ""}`,
    );
  };
  try {
    console.log(`place_bets, ${GAMES * 2} recommendations on ${GAMES} games, every check before each order:`);
    await setUp("DraftKings");
    await timed("on paper (manual venue)", depsFor(pool, plugins, { risk: roomy }), GAMES * 2);
    await timed("rerun (nothing left to place)", depsFor(pool, plugins, { risk: roomy }), 0);
    await setUp("Kalshi");
    const exchange = new RecordingBroker();
    await timed(
      "live, in-memory exchange (Kalshi prices)",
      depsFor(pool, plugins, { risk: roomy, live: exchange }),
      GAMES * 2,
    );
    console.log(`  orders the exchange received: ${exchange.orders.length}`);
  } finally {
    await pool.end();
    await db.drop();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
