// The `elo replay` and `odds devig` commands, run as the user runs them: a subprocess of the CLI.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const nflDir = path.resolve(repoRoot, "../shared/datasets/fivethirtyeight-nfl-elo-game");
const nflGames = path.join(nflDir, "nfl_games.csv");
const nflInitial = path.join(nflDir, "initial_elos.csv");
const tmp = mkdtempSync(path.join(tmpdir(), "edgeline-cli-elo-"));

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, ["--import", "tsx", "packages/api/src/cli/main.ts", ...args], {
    cwd: repoRoot,
    encoding: "utf8",
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function readRows(file: string): Record<string, string>[] {
  return parse(readFileSync(file, "utf8"), { columns: true }) as Record<string, string>[];
}

function write(name: string, text: string): string {
  const file = path.join(tmp, name);
  writeFileSync(file, text);
  return file;
}

if (!existsSync(nflGames)) console.warn(`[skip] dataset not found: ${nflGames}`);
describe.skipIf(!existsSync(nflGames) || !existsSync(nflInitial))("elo replay on 538's nfl_games.csv", () => {
  it("reproduces elo_prob1 of all 16,810 games within 1e-5 and prints the scores", () => {
    const out = path.join(tmp, "nfl.csv");
    const r = cli(
      "elo",
      "replay",
      "--sport",
      "NFL",
      "--preset",
      "fivethirtyeight-nfl",
      "--input",
      nflGames,
      "--initial",
      nflInitial,
      "--output",
      out,
    );
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    // 538's own probabilities score Brier 0.2117 / log loss 0.6109 over 1920–2020 (notes §1.7).
    expect(r.stdout).toMatch(
      /Brier 0\.2117 {2}log loss 0\.6109 {2}accuracy 66\.55% {2}\(n=16494, 316 ties excluded\)/,
    );
    const rows = readRows(out);
    expect(rows).toHaveLength(16_810);
    expect(Object.keys(rows[0]!)).toEqual([
      ...["date", "season", "neutral", "playoff", "team1", "team2", "elo1", "elo2", "elo_prob1"],
      ...["score1", "score2", "result1", "elo1_pre", "elo2_pre", "prob1"],
    ]);
    let max = 0;
    for (const row of rows) max = Math.max(max, Math.abs(Number(row.prob1) - Number(row.elo_prob1)));
    expect(max).toBeLessThan(1e-5);
  });
});

describe("elo replay on a plain-layout file", () => {
  it("writes pre-game ratings and 3-way probabilities for a sport with draws", () => {
    const input = write(
      "plain.csv",
      "date,season,home,away,home_score,away_score,neutral,playoff\n" +
        "2023-08-12,2024,ARS,NFO,2,1,0,0\n" +
        "2023-08-13,2024,NFO,ARS,,,1,0\n",
    );
    const out = path.join(tmp, "plain.out.csv");
    const r = cli("elo", "replay", "--sport", "EPL", "--input", input, "--output", out);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/default-epl: rated 2 games \(1 played\)/);
    const rows = readRows(out);
    expect(Object.keys(rows[0]!)).toEqual([
      ...["date", "season", "home", "away", "home_score", "away_score", "neutral", "playoff"],
      ...["elo1_pre", "elo2_pre", "prob1", "prob_draw"],
    ]);
    // Even ratings, 100 points of home advantage, draw rate 0.30 at even strength.
    const e = 1 / (10 ** (-100 / 400) + 1);
    const draw = 0.3 * 4 * e * (1 - e);
    expect(Number(rows[0]!.prob1)).toBeCloseTo(e - draw / 2, 12);
    expect(Number(rows[0]!.prob_draw)).toBeCloseTo(draw, 12);
    // ARS won 2–1 as expected favourite: K 20 × (1 − E) points move, zero-sum; the second game is neutral.
    const shift = 20 * (1 - e);
    expect(Number(rows[1]!.elo2_pre)).toBeCloseTo(1500 + shift, 9);
    expect(Number(rows[1]!.elo1_pre)).toBeCloseTo(1500 - shift, 9);
    const neutralE = 1 / (10 ** ((2 * shift) / 400) + 1); // NFO home, 2·shift points worse
    const neutralDraw = 0.3 * 4 * neutralE * (1 - neutralE);
    expect(Number(rows[1]!.prob1)).toBeCloseTo(neutralE - neutralDraw / 2, 12);
  });

  it("rejects rows out of date order, naming the line", () => {
    const input = write(
      "ooo.csv",
      "date,season,home,away,home_score,away_score\n2023-08-19,2024,ARS,NFO,2,1\n2023-08-12,2024,BOU,WHU,1,1\n",
    );
    const r = cli("elo", "replay", "--sport", "EPL", "--input", input, "--output", path.join(tmp, "x.csv"));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("ooo.csv line 3: date 2023-08-12 is before the previous row's 2023-08-19");
  });

  it("rejects unknown columns in the plain layout, naming them", () => {
    const input = write(
      "unk.csv",
      "date,season,home,away,home_score,away_score,venue\n2023-08-12,2024,ARS,NFO,2,1,x\n",
    );
    const r = cli("elo", "replay", "--sport", "EPL", "--input", input, "--output", path.join(tmp, "y.csv"));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("unk.csv: unknown column(s) venue");
  });

  it("rejects a bad score and an unknown sport with clear messages", () => {
    const input = write(
      "bad.csv",
      "date,season,home,away,home_score,away_score\n2023-08-12,2024,ARS,NFO,two,1\n",
    );
    const bad = cli("elo", "replay", "--sport", "EPL", "--input", input, "--output", path.join(tmp, "z.csv"));
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("bad.csv line 2: home_score must be a whole number");
    const sport = cli(
      "elo",
      "replay",
      "--sport",
      "XFL",
      "--input",
      input,
      "--output",
      path.join(tmp, "z.csv"),
    );
    expect(sport.stderr).toContain('unknown sport "XFL"');
  });
});

describe("odds devig", () => {
  it("prints Shin's fair probabilities and z (penaltyblog's vector)", () => {
    const r = cli("odds", "devig", "--method", "shin", "2.7", "2.3", "4.4");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/z = 0\.01623644/);
    expect(r.stdout).toContain("1  2.7  0.359343919592");
    expect(r.stdout).toContain("2  2.3  0.423243848183");
    expect(r.stdout).toContain("3  4.4  0.217412232225");
  });
  it("rejects an under-round book and an unknown method", () => {
    expect(cli("odds", "devig", "3", "3").stderr).toContain("under-round");
    expect(cli("odds", "devig", "--method", "magic", "2", "2").stderr).toContain("--method must be one of");
  });
});
