// Elo replay speed over FiveThirtyEight's nfl_games.csv (16,810 games): games per second of the
// full replay (ratings, probabilities and elo_ratings history rows). Run alone with
// `pnpm exec tsx bench/elo.ts`, or call main() from bench/index.ts.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type EloGame, fivethirtyeightNfl, replayElo } from "../packages/core/src/elo/index.ts";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dataDir = path.resolve(repoRoot, "../shared/datasets/fivethirtyeight-nfl-elo-game");

/** nfl_games.csv has no quoted fields, so a split is enough (and keeps csv parsing out of the timing). */
export function readSimpleCsv(file: string): Record<string, string>[] {
  const [header, ...lines] = readFileSync(file, "utf8").trim().split(/\r?\n/);
  const columns = header!.split(",");
  return lines.map((line) => Object.fromEntries(line.split(",").map((v, i) => [columns[i]!, v])));
}

export interface EloBenchResult {
  games: number;
  runs: number;
  gamesPerSecond: number;
  medianMs: number;
}

export function main(runs = 10): EloBenchResult | null {
  const gamesFile = path.join(dataDir, "nfl_games.csv");
  const initialFile = path.join(dataDir, "initial_elos.csv");
  if (!existsSync(gamesFile) || !existsSync(initialFile)) {
    console.log(`elo bench skipped: ${gamesFile} not found`);
    return null;
  }
  const games: EloGame[] = readSimpleCsv(gamesFile).map((r) => ({
    date: r.date!,
    season: Number(r.season),
    home: r.team1!,
    away: r.team2!,
    homeScore: Number(r.score1),
    awayScore: Number(r.score2),
    neutral: r.neutral === "1",
    playoff: r.playoff === "1",
  }));
  const initialRatings = Object.fromEntries(readSimpleCsv(initialFile).map((r) => [r.team!, Number(r.elo)]));
  replayElo(fivethirtyeightNfl, games, { initialRatings }); // warm-up (JIT)
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    replayElo(fivethirtyeightNfl, games, { initialRatings });
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const medianMs = times[Math.floor(times.length / 2)]!;
  const result = { games: games.length, runs, medianMs, gamesPerSecond: games.length / (medianMs / 1000) };
  console.log(
    `elo replay (fivethirtyeight-nfl, nfl_games.csv): ${result.games} games, median ${medianMs.toFixed(1)} ms ` +
      `over ${runs} runs → ${Math.round(result.gamesPerSecond).toLocaleString("en-US")} games/s`,
  );
  return result;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
