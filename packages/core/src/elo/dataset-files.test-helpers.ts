// Locates FiveThirtyEight's published files for tests. They live outside the repo (../shared);
// tests that need one skip, saying so, when it is absent.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "csv-parse/sync";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../..");

export const datasets = {
  nflGames: path.resolve(repoRoot, "../shared/datasets/fivethirtyeight-nfl-elo-game/nfl_games.csv"),
  nflInitialElos: path.resolve(repoRoot, "../shared/datasets/fivethirtyeight-nfl-elo-game/initial_elos.csv"),
  nba2021: path.resolve(
    repoRoot,
    "../shared/datasets/fivethirtyeight-elo-season-files/nba_elo_2020-21_regular_season.csv",
  ),
  nhl2023: path.resolve(
    repoRoot,
    "../shared/datasets/fivethirtyeight-elo-season-files/nhl_elo_2022-23_full_season.csv",
  ),
};

export const has = (p: string): boolean => existsSync(p);

export function readCsv(p: string): Record<string, string>[] {
  return parse(readFileSync(p, "utf8"), { columns: true, skip_empty_lines: true }) as Record<
    string,
    string
  >[];
}

/** Announces a skipped dataset test, so a run without ../shared says why it checked less. */
export function noteIfMissing(p: string): void {
  if (!existsSync(p)) console.warn(`[skip] dataset not found: ${p}`);
}
