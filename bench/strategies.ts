// The bundled strategies side by side on the same games: football-data's EPL 2023-24
// (../shared/datasets/football-data/E0-2023-24.csv) imported into a scratch database exactly as
// `edgeline import` writes it, then `runBacktestJob` (what `edgeline backtest` runs) with every
// strategy at the opening prices. Prints each strategy's bets, turnover, yield with its bootstrap
// interval, maximum drawdown and CLV against Pinnacle's de-vigged close, and the anchor:
// the market maximum beating Pinnacle's de-vigged opening price by 2% (flat stakes).
// Run alone with `pnpm exec tsx bench/strategies.ts`.
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { writeImported } from "../packages/api/test/imported-history.ts";
import {
  createPgPool,
  formatComparison,
  loadPlugins,
  parseStrategy,
  runBacktestJob,
} from "../packages/core/src/index.ts";
import { createTestDatabase } from "../packages/core/src/testing/index.ts";
import { parseFootballDataFile } from "../packages/importers/src/index.ts";
import { createEntityIndex } from "../packages/sdk/src/index.ts";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const eplFile = path.resolve(repoRoot, "../shared/datasets/football-data/E0-2023-24.csv");

/** The books of the file a bettor could use (market max and average are no venue). */
/** As `edgeline import` names them (the importer's display names). */
const BOOKS = ["Pinnacle", "Bet365", "Bwin", "Interwetten", "William Hill", "VC Bet"];

/** Every strategy the bench compares, as strategy files would say it. */
export const EPL_STRATEGIES = [
  {
    name: "model-edge",
    strategy: "model-edge",
    parameters: {
      betting: "goals",
      bookmakers: BOOKS,
      blend: { weight: "fitted", minGames: 50, defaultWeight: 0 },
    },
  },
  {
    name: "model-edge (raw goals model)",
    strategy: "model-edge",
    parameters: { betting: "goals", bookmakers: BOOKS, blend: { weight: 1 } },
  },
  {
    name: "anchor: market max vs Pinnacle +2%",
    strategy: "sharp-reference",
    parameters: { bookmakers: ["Market maximum"], threshold: 0.02, stake: { kind: "flat", amount: "10" } },
  },
  {
    name: "sharp-reference (books, flat)",
    strategy: "sharp-reference",
    parameters: { bookmakers: BOOKS, threshold: 0.02, stake: { kind: "flat", amount: "10" } },
  },
  {
    name: "sharp-reference (books, Kelly)",
    strategy: "sharp-reference",
    parameters: { bookmakers: BOOKS, threshold: 0.02 },
  },
  {
    name: "consensus (Kaunitz, flat)",
    strategy: "consensus",
    parameters: { bookmakers: BOOKS, stake: { kind: "flat", amount: "10" } },
  },
  {
    // Kaunitz et al.'s own setting: the average over many books against the best of them (the file's columns).
    name: "consensus (Kaunitz, market avg vs max)",
    strategy: "consensus",
    parameters: {
      bookmakers: ["Market maximum"],
      books: ["Market average"],
      minBooks: 1,
      stake: { kind: "flat", amount: "10" },
    },
  },
  {
    name: "consensus (de-vigged, flat)",
    strategy: "consensus",
    parameters: {
      bookmakers: BOOKS,
      method: "devigged",
      minEdge: 0.02,
      stake: { kind: "flat", amount: "10" },
    },
  },
  { name: "arbitrage", strategy: "arbitrage", parameters: { bookmakers: BOOKS, setStake: "100" } },
] as const;

export async function main(): Promise<void> {
  if (!existsSync(eplFile)) {
    console.log(`strategies bench skipped: ${eplFile} not found`);
    return;
  }
  const db = await createTestDatabase();
  const pool = createPgPool({ connectionString: db.url, poolSize: 4 });
  try {
    const registry = await loadPlugins({ cwd: repoRoot });
    const epl = registry.sport("EPL");
    const season = await parseFootballDataFile(eplFile, {
      sport: "EPL",
      entities: createEntityIndex(epl.plugin.entities),
    });
    await writeImported(pool, season);
    const strategies = EPL_STRATEGIES.map((s) =>
      parseStrategy(
        { ...s, parameters: { prices: { at: "opening" }, markets: ["moneyline"], ...s.parameters } },
        "bench",
        registry.strategyCatalog(),
      ),
    );
    const t0 = performance.now();
    const job = await runBacktestJob(pool, registry, {
      sport: "EPL",
      from: "2023-08-01",
      to: "2024-06-30",
      strategies,
      store: false,
    });
    const ms = performance.now() - t0;
    console.log(
      `EPL 2023-24 (football-data E0, ${season.games.length} games, ${season.quotes.length} quotes), 1X2 at the opening prices; ` +
        `${strategies.length} strategies in ${(ms / 1000).toFixed(2)} s`,
    );
    console.log(formatComparison(job.reports.map((r) => r.report)));
    const anchor = job.reports.find((r) => r.report.strategy.name.startsWith("anchor"))!.report;
    const [lo, hi] = anchor.betting.yieldInterval ?? [Number.NaN, Number.NaN];
    console.log(
      `  anchor (issue: 238 bets, avg CLV +4.3%, 61% beat the close, yield -30% ±24%): ${anchor.betting.bets} bets, ` +
        `avg CLV ${(100 * anchor.sharpClv.average!).toFixed(1)}%, ${(100 * anchor.sharpClv.positiveShare!).toFixed(0)}% beat the close, ` +
        `yield ${(100 * anchor.betting.yield!).toFixed(1)}% (interval ${(100 * lo).toFixed(1)}% to ${(100 * hi).toFixed(1)}%, ±${((100 * (hi - lo)) / 2).toFixed(0)}%)`,
    );
    const arb = job.reports.at(-1)!.run.bets;
    const sets = new Set(arb.map((b) => b.group));
    console.log(`  arbitrage: ${sets.size} sets (${arb.length} legs) across the six books' opening prices`);
  } finally {
    await pool.end();
    await db.drop();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
