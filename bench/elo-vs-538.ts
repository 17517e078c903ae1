// Edgeline's Elo replay beside FiveThirtyEight's own Python `Forecast.forecast` on the same
// 16,810 NFL games, in one run: 538's forecast.py (../shared/reference, run unmodified with
// python3 from a scratch folder whose data/ links to ../shared/datasets) is timed in-process by
// a small driver, so Python's start-up and CSV parsing are not counted; Edgeline's fast replay is
// timed on compiled games (what a tuner replays per parameter set) and from the parsed games
// (validation and indexing included), beside the replay that builds elo_ratings history rows. Both sides' probabilities are compared too.
// Run alone with `pnpm exec tsx bench/elo-vs-538.ts`.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import {
  compileEloGames,
  type EloGame,
  fastReplayElo,
  fivethirtyeightNfl,
  replayElo,
} from "../packages/core/src/elo/index.ts";
import { readSimpleCsv } from "./elo.ts";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dataDir = path.resolve(repoRoot, "../shared/datasets/fivethirtyeight-nfl-elo-game");
const referenceDir = path.resolve(repoRoot, "../shared/reference/fivethirtyeight-nfl-elo-game");

const DRIVER = `
import json, statistics, sys, time
sys.dont_write_bytecode = True  # the reference folder is read-only
sys.path.insert(0, sys.argv[1])
from util import Util
from forecast import Forecast
runs = int(sys.argv[2])
games = Util.read_games("data/nfl_games.csv")
Forecast.forecast(games)  # warm-up, as the Node side gets one
times = []
for _ in range(runs):
    start = time.perf_counter()
    Forecast.forecast(games)
    times.append(time.perf_counter() - start)
print(json.dumps({"games": len(games), "median_ms": statistics.median(times) * 1000,
                  "my_prob1": [g["my_prob1"] for g in games]}))
`;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function time(runs: number, f: () => void): number {
  f(); // warm-up (JIT)
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    f();
    times.push(performance.now() - start);
  }
  return median(times);
}

export interface EloVs538Result {
  games: number;
  pythonMs: number;
  fastMs: number;
  compiledMs: number;
  historyMs: number;
  ratio: number;
}

export function main(runs = 15): EloVs538Result | null {
  const gamesFile = path.join(dataDir, "nfl_games.csv");
  const initialFile = path.join(dataDir, "initial_elos.csv");
  const forecastPy = path.join(referenceDir, "forecast.py");
  for (const f of [gamesFile, initialFile, forecastPy]) {
    if (!existsSync(f)) {
      console.log(`elo-vs-538 bench skipped: ${f} not found`);
      return null;
    }
  }
  const scratch = mkdtempSync(path.join(tmpdir(), "edgeline-538-"));
  try {
    symlinkSync(dataDir, path.join(scratch, "data"));
    writeFileSync(path.join(scratch, "driver.py"), DRIVER);
    const py = spawnSync("python3", ["driver.py", referenceDir, String(runs)], {
      cwd: scratch,
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    });
    if (py.error || py.status !== 0) {
      console.log(`elo-vs-538 bench skipped: python3 failed: ${py.error?.message ?? py.stderr}`);
      return null;
    }
    const python = JSON.parse(py.stdout) as { games: number; median_ms: number; my_prob1: number[] };

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
    const initialRatings = Object.fromEntries(
      readSimpleCsv(initialFile).map((r) => [r.team!, Number(r.elo)]),
    );
    const fastMs = time(runs, () => fastReplayElo(fivethirtyeightNfl, games, { initialRatings }));
    const compiled = compileEloGames(games);
    const compiledMs = time(runs, () => fastReplayElo(fivethirtyeightNfl, compiled, { initialRatings }));
    const historyMs = time(Math.min(runs, 5), () => replayElo(fivethirtyeightNfl, games, { initialRatings }));

    const ours = fastReplayElo(fivethirtyeightNfl, games, { initialRatings }).home;
    let maxDiff = 0;
    python.my_prob1.forEach((p, i) => {
      maxDiff = Math.max(maxDiff, Math.abs(p - ours[i]!));
    });
    // A tuner or backtest compiles a data set once and replays it per parameter set: the goal is
    // measured on that replay; the one-off validation and indexing is printed beside it.
    const ratio = python.median_ms / compiledMs;
    const f = (ms: number) => `${ms.toFixed(2)} ms`;
    console.log(
      `NFL Elo replay, ${games.length} games (538 nfl_games.csv), medians of ${runs} runs in one process each:`,
    );
    console.log(`  538 forecast.py Forecast.forecast (python3):        ${f(python.median_ms)}`);
    console.log(
      `  Edgeline fastReplayElo on compiled games:          ${f(compiledMs)}  → ${ratio.toFixed(1)}x faster`,
    );
    console.log(
      `  Edgeline fastReplayElo incl. validating/indexing:  ${f(fastMs)}  → ${(python.median_ms / fastMs).toFixed(1)}x faster`,
    );
    console.log(`  Edgeline replayElo (builds elo_ratings rows):      ${f(historyMs)}`);
    console.log(`  max |p(Edgeline) − my_prob1(538)| over all games:  ${maxDiff.toExponential(2)}`);
    console.log(`  goal ≥ 5x on the replay a tuner repeats: ${ratio >= 5 ? "met" : "NOT met"}`);
    return { games: games.length, pythonMs: python.median_ms, fastMs, compiledMs, historyMs, ratio };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
