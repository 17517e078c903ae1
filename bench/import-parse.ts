// Parsing speed of the history importers: all 11 SBR NBA workbooks of ../shared/datasets/sbr
// (14,209 games, 28,418 rows), read and parsed into validated games and quotes, no database.
// Prints the best of three rounds: the time to read the workbooks alone (exceljs) and to read and parse them, as rows per
// second. The import goal (issue 17) is the whole NBA archive into an empty database in under 15 s,
// so parsing must take a small part of that. Run alone with `pnpm exec tsx bench/import-parse.ts`.
import { existsSync, readdirSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseSbrWorkbook, workbookTables } from "../packages/importers/src/index.ts";
import { createEntityIndex } from "../packages/sdk/src/index.ts";
import { NBA_TEAMS } from "../packages/sport-nba/src/nba-teams.ts";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const nbaDir = path.resolve(repoRoot, "../shared/datasets/sbr/nba");

export async function main(): Promise<void> {
  if (!existsSync(nbaDir)) {
    console.log(`skipped: ${nbaDir} is absent`);
    return;
  }
  const files = readdirSync(nbaDir)
    .filter((f) => f.endsWith(".xlsx"))
    .sort();
  const bytes = await Promise.all(files.map((f) => readFile(path.join(nbaDir, f))));
  const entities = createEntityIndex(NBA_TEAMS);
  // One warm-up pass so module loading and JIT are not timed.
  await parseSbrWorkbook(bytes[0]!, { sport: "NBA", entities, skipBadRows: true, fileName: files[0]! });

  const read = async () => {
    let rows = 0;
    for (const [i, data] of bytes.entries()) {
      for (const table of await workbookTables(data, files[i]!)) rows += table.rows.length;
    }
    return { rows, games: 0, quotes: 0 };
  };
  const parse = async () => {
    let games = 0;
    let quotes = 0;
    for (const [i, data] of bytes.entries()) {
      const r = await parseSbrWorkbook(data, {
        sport: "NBA",
        entities,
        skipBadRows: true,
        fileName: files[i]!,
      });
      games += r.games.length + r.skipped.games;
      quotes += r.quotes.length;
    }
    return { rows: 0, games, quotes };
  };
  // The machine is shared: alternate the two, three rounds, and keep each one's best time.
  let readMs = Number.POSITIVE_INFINITY;
  let parseMs = Number.POSITIVE_INFINITY;
  let rows = 0;
  let games = 0;
  let quotes = 0;
  for (let round = 0; round < 3; round++) {
    let t0 = performance.now();
    rows = (await read()).rows;
    readMs = Math.min(readMs, performance.now() - t0);
    t0 = performance.now();
    ({ games, quotes } = await parse());
    parseMs = Math.min(parseMs, performance.now() - t0);
  }

  const perSecond = (n: number, ms: number) => Math.round((n / ms) * 1000).toLocaleString("en-US");
  console.log(
    `SBR NBA archive: ${files.length} workbooks, ${rows.toLocaleString("en-US")} rows, ${games.toLocaleString("en-US")} games, ${quotes.toLocaleString("en-US")} quotes`,
  );
  console.log(
    `  read workbooks (exceljs)     ${(readMs / 1000).toFixed(2)} s  ${perSecond(rows, readMs)} rows/s`,
  );
  console.log(
    `  read + parse + validate      ${(parseMs / 1000).toFixed(2)} s  ${perSecond(rows, parseMs)} rows/s  (${perSecond(games, parseMs)} games/s)`,
  );
  console.log(`  parsing's share of the 15 s import goal: ${((parseMs / 15_000) * 100).toFixed(0)}%`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
