// `edgeline import` into a database, end to end (read, parse, validate, write in one transaction per
// file, through core's writeHistory): all 11 SBR NBA workbooks of ../shared/datasets/sbr into an
// empty database (issue 17's goal: under 15 s), then a second import of the same files (writes
// nothing), the EPL 2023-24 football-data season and FiveThirtyEight's NFL games 1970-2020. Prints
// seconds and rows per second. Run alone with `pnpm exec tsx bench/import-db.ts`.
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type ImportRequest, importHistory } from "../packages/api/src/imports/import-history.ts";
import { importTotals } from "../packages/api/src/imports/import-summary.ts";
import { pipelinePool } from "../packages/api/src/worker/deps.ts";
import { loadPlugins } from "../packages/core/src/plugins/index.ts";
import { createTestDatabase } from "../packages/core/src/testing/index.ts";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const datasets = path.resolve(repoRoot, "../shared/datasets");

const n = (x: number) => Math.round(x).toLocaleString("en-US");

export async function main(): Promise<void> {
  const nba = path.join(datasets, "sbr/nba");
  if (!existsSync(nba)) {
    console.log(`skipped: ${nba} is absent`);
    return;
  }
  const db = await createTestDatabase();
  const pool = pipelinePool(db.url);
  const plugins = await loadPlugins({ env: {}, cwd: repoRoot });
  const timed = async (label: string, request: ImportRequest) => {
    const t0 = performance.now();
    const outcome = await importHistory(pool, plugins, request);
    const seconds = (performance.now() - t0) / 1000;
    if (!outcome.ok) throw new Error(outcome.refused.map((r) => r.message).join("\n"));
    const t = importTotals(outcome.files);
    // Rows read: the games and quotes of the files (each game is two rows of an SBR sheet).
    const rows = t.games.read + t.quotes.read + t.forecasts.read;
    console.log(
      `  ${label.padEnd(34)} ${seconds.toFixed(2).padStart(6)} s  ${n(t.files)} files, ${n(t.games.read)} games, ${n(t.quotes.read)} quotes, ${n(t.forecasts.read)} forecasts: ${n(rows / seconds)} records/s; wrote ${n(t.rowsWritten)} rows`,
    );
    return { seconds, games: t.games.read };
  };
  try {
    console.log("edgeline import into an empty database (one transaction per file):");
    const sbr: ImportRequest = { kind: "sbr", sport: "NBA", paths: [nba], skipBadRows: true };
    const first = await timed("SBR NBA 2007-18 (11 workbooks)", sbr);
    console.log(
      `    ${n((first.games * 2) / first.seconds)} sheet rows/s; the goal is under 15 s: ${first.seconds < 15 ? "met" : "NOT met"}`,
    );
    await timed("SBR NBA again (writes nothing)", sbr);
    const epl = path.join(datasets, "football-data/E0-2023-24.csv");
    if (existsSync(epl))
      await timed("football-data EPL 2023-24", { kind: "football-data", sport: "EPL", paths: [epl] });
    const nfl = path.join(datasets, "fivethirtyeight-nfl-elo-game/nfl_games.csv");
    if (existsSync(nfl))
      await timed("FiveThirtyEight NFL 1970-2020", {
        kind: "fivethirtyeight",
        sport: "NFL",
        paths: [nfl],
        seasons: { from: 1970, to: 2020 },
      });
  } finally {
    await pool.end();
    await db.drop();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
