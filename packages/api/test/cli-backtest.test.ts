// `edgeline backtest` and `edgeline models` as the user runs them (a subprocess of the CLI) on a
// real PostgreSQL holding shared history written through core's repositories: the EPL 2023-24
// football-data season and ten NFL seasons of 538's file. The printed JSON is the report the same
// job gives in process; each run and its curve are stored; the curve CSV is written; the goals model
// bets Asian handicaps and totals with quarter lines settled in halves; a tuned preset
// is saved, reported only after its training span, and used by the registry when a sport is mapped
// to it; a bad strategy file is refused naming the field.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import {
  type BacktestReport,
  createPgPool,
  loadPlugins,
  type ModelsReport,
  parseStrategy,
  runBacktestJob,
} from "@edgeline/core";
import { createTestDatabase, type TestDatabase } from "@edgeline/core/testing";
import { parseFiveThirtyEightFile, parseFootballDataFile } from "@edgeline/importers";
import { createEntityIndex } from "@edgeline/sdk";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeImported } from "./imported-history.ts";
import { runCli } from "./run-cli.ts";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const eplFile = path.resolve(repoRoot, "../shared/datasets/football-data/E0-2023-24.csv");
const nflFile = path.resolve(repoRoot, "../shared/datasets/fivethirtyeight-nfl-elo-game/nfl_games.csv");
const present = existsSync(eplFile) && existsSync(nflFile);
if (!present) console.warn(`[skip] shared history not found: ${eplFile}, ${nflFile}`);

const tmp = mkdtempSync(path.join(tmpdir(), "edgeline-cli-backtest-"));
let db: TestDatabase;
let pool: pg.Pool;

function cli(args: string[], env: Record<string, string> = {}) {
  return runCli(args, { DATABASE_URL: db.url, EDGELINE_DATA_DIR: tmp, ...env });
}

const STRATEGY = {
  name: "epl-opening",
  parameters: {
    prices: { at: "opening" },
    markets: ["moneyline", "spread", "total"],
    bookmakers: ["pinnacle", "bet365", "william-hill"],
    consensusBookmakers: ["pinnacle"],
    blend: { weight: "fitted", minGames: 50, defaultWeight: 0 },
    thresholds: { minEdge: 0.02, maxEdge: 0.25, minOdds: 1.3, maxOdds: 6, maxPerDay: 6 },
  },
};

beforeAll(async () => {
  db = await createTestDatabase();
  pool = createPgPool({ connectionString: db.url, poolSize: 2 });
  if (!present) return;
  const plugins = await loadPlugins({ cwd: repoRoot, env: {} });
  const epl = await parseFootballDataFile(eplFile, {
    sport: "EPL",
    entities: createEntityIndex(plugins.sport("EPL").plugin.entities),
  });
  await writeImported(pool, epl);
  const nfl = await parseFiveThirtyEightFile(nflFile, {
    sport: "NFL",
    entities: createEntityIndex(plugins.sport("NFL").plugin.entities),
    seasons: { from: 2005, to: 2014 },
  });
  await writeImported(pool, nfl);
}, 120_000);

afterAll(async () => {
  await pool?.end();
  await db?.drop();
});

describe.skipIf(!present)("edgeline backtest", () => {
  it("prints the in-process report as JSON, stores the run and its curve, writes the curve CSV", async () => {
    const file = path.join(tmp, "epl.json");
    writeFileSync(file, JSON.stringify(STRATEGY));
    const curve = path.join(tmp, "curve.csv");
    const args = [
      "backtest",
      "--sport",
      "EPL",
      "--from",
      "2023-08-01",
      "--to",
      "2024-06-30",
      "--strategy",
      file,
    ];
    const r = await cli([...args, "--json", "--curve", curve]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { reports: Array<BacktestReport & { runId: string }> };
    expect(out.reports).toHaveLength(1);
    const printed = out.reports[0]!;
    // The same job in process gives the same report.
    const plugins = await loadPlugins({ cwd: repoRoot, env: {} });
    const job = await runBacktestJob(pool, plugins, {
      sport: "EPL",
      from: "2023-08-01",
      to: "2024-06-30",
      strategies: [parseStrategy(STRATEGY, "epl.json")],
      store: false,
    });
    const { runId, ...report } = printed;
    expect(report).toEqual(JSON.parse(JSON.stringify(job.reports[0]!.report)));
    expect(report.betting.bets).toBeGreaterThan(0);
    expect(report.forecasts.sameGames!.market.games).toBeGreaterThan(300);
    // Stored: the headline figures and every curve point; the CSV has the same points.
    const [row] = (
      await pool.query(
        "SELECT strategy, bets, profit::text, ending_bankroll::text FROM backtest_runs WHERE run_id = $1",
        [runId],
      )
    ).rows;
    expect(row).toEqual({
      strategy: "epl-opening",
      bets: report.betting.bets,
      profit: report.betting.profit,
      ending_bankroll: report.betting.endingBankroll,
    });
    const points = (
      await pool.query(
        "SELECT day::text, bankroll::text, profit::text FROM backtest_curve_points WHERE run_id = $1 ORDER BY day",
        [runId],
      )
    ).rows;
    const lines = readFileSync(curve, "utf8").trim().split("\n");
    expect(lines[0]).toBe("strategy,day,bankroll,staked,profit,bets");
    expect(lines.slice(1).map((l) => l.split(",").slice(1, 3))).toEqual(
      points.map((p) => [p.day, p.bankroll]),
    );
    expect(points.at(-1)!.bankroll).toBe(report.betting.endingBankroll);
    const settled = points.reduce((s, p) => s + Number(p.profit), 0);
    expect(settled.toFixed(2)).toBe(report.betting.profit);

    // The goals model alone prices Asian handicaps and totals too: quarter lines settle in halves.
    const raw = await runBacktestJob(pool, plugins, {
      sport: "EPL",
      from: "2023-08-01",
      to: "2024-06-30",
      strategies: [
        parseStrategy(
          { ...STRATEGY, name: "raw", parameters: { ...STRATEGY.parameters, blend: { weight: 1 } } },
          "raw",
        ),
      ],
      store: false,
    });
    const bets = raw.reports[0]!.run.bets;
    const lineBets = bets.filter((b) => b.market !== "moneyline");
    expect(lineBets.some((b) => b.market === "spread")).toBe(true);
    expect(lineBets.some((b) => b.market === "total")).toBe(true);
    const halves = lineBets.filter((b) => b.status === "half-won" || b.status === "half-lost");
    expect(halves.length).toBeGreaterThan(0);
    for (const b of halves) {
      expect(Math.abs(b.line! * 4) % 2).toBe(1); // quarter lines only
      const half = b.status === "half-lost" ? b.stake.neg().div(2) : b.stake.times(b.price.minus(1)).div(2);
      expect(b.result.toFixed(2)).toBe(half.toDecimalPlaces(2, 4).toFixed(2));
    }

    // The table names every figure's definition and the baselines.
    const table = await cli([...args, "--no-store"]);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain("always home (1u)");
    expect(table.stdout).toContain("yield: profit / turnover");
    expect(table.stdout).toContain("against the de-vigged closing consensus");
  }, 120_000);

  it("tunes on the training span, reports only after it, saves a preset the registry uses", async () => {
    const r = await cli([
      "backtest",
      "--sport",
      "NFL",
      "--from",
      "2005-08-01",
      "--to",
      "2015-02-28",
      "--tune",
      "--train-to",
      "2011-02-28",
      "--preset",
      "nfl-test",
      "--json",
    ]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as {
      reports: Array<BacktestReport & { runId: string }>;
      tuned: { eloPoints: unknown[]; file: string };
    };
    expect(out.reports.map((x) => [x.strategy.name, x.from, x.to])).toEqual([
      ["default", "2011-03-01", "2015-02-28"],
      ["default (tuned)", "2011-03-01", "2015-02-28"],
    ]);
    expect(out.tuned.eloPoints).toHaveLength(100);
    const file = path.join(tmp, "presets", "nfl-test.json");
    expect(out.tuned.file).toBe(file);
    const preset = JSON.parse(readFileSync(file, "utf8"));
    expect(preset).toMatchObject({
      name: "nfl-test",
      sport: "NFL",
      tunedOn: { from: "2005-08-01", trainTo: "2011-02-28" },
    });
    expect(preset.reportedOn.backtestRunId).toBe(out.reports[1]!.runId);
    const plugins = await loadPlugins({
      cwd: repoRoot,
      env: { EDGELINE_DATA_DIR: tmp, EDGELINE_MODEL_PRESETS: "NFL=nfl-test" },
    });
    expect(plugins.sport("NFL")).toMatchObject({
      preset: "nfl-test",
      elo: preset.elo,
      thresholds: preset.thresholds,
    });
    expect(
      (await loadPlugins({ cwd: repoRoot, env: { EDGELINE_DATA_DIR: tmp } })).sport("NFL").preset,
    ).toBeUndefined();
    await expect(
      loadPlugins({ cwd: repoRoot, env: { EDGELINE_DATA_DIR: tmp, EDGELINE_MODEL_PRESETS: "NFL=missing" } }),
    ).rejects.toThrow(/maps NFL to "missing", which is not a saved preset; saved: nfl-test/);
  }, 120_000);

  it("compares strategies named or in files on the same games, side by side, with CLV against Pinnacle's close", async () => {
    const file = path.join(tmp, "anchor.json");
    writeFileSync(
      file,
      JSON.stringify({
        name: "anchor",
        strategy: "sharp-reference",
        parameters: {
          prices: { at: "opening" },
          markets: ["moneyline"],
          bookmakers: ["Market maximum"],
          threshold: 0.02,
          stake: { kind: "flat", amount: "10" },
        },
      }),
    );
    const args = ["backtest", "--sport", "EPL", "--from", "2023-08-01", "--to", "2024-06-30", "--no-store"];
    const r = await cli([...args, "--strategy", file, "--strategy", "consensus", "--json"]);
    expect(r.stderr).toBe("");
    const out = JSON.parse(r.stdout) as { reports: BacktestReport[] };
    expect(out.reports.map((x) => [x.strategy.name, x.strategy.strategy])).toEqual([
      ["anchor", "sharp-reference"],
      ["consensus", "consensus"],
    ]);
    // The anchor: the market maximum beating Pinnacle's de-vigged opening price by 2%.
    const anchor = out.reports[0]!;
    expect(anchor.betting.bets).toBe(238);
    expect(anchor.sharpClv.average).toBeCloseTo(0.043, 3);
    expect(anchor.sharpClv.positiveShare).toBeCloseTo(0.61, 2);
    expect(anchor.betting.yield).toBeCloseTo(-0.3, 2);
    const text = await cli([...args, "--strategy", file, "--strategy", "consensus"]);
    expect(text.stdout).toMatch(
      /Strategies side by side[^\n]*\n.*CLV vs sharp\s+beat it\n\s+anchor \(sharp-reference\)\s+238 /,
    );
  }, 120_000);

  it("refuses a bad strategy file and bad options, naming what is wrong", async () => {
    const file = path.join(tmp, "bad.json");
    writeFileSync(file, JSON.stringify({ name: "bad", parameters: { prices: { at: "lead" } } }));
    const bad = await cli([
      "backtest",
      "--sport",
      "EPL",
      "--from",
      "2023-08-01",
      "--to",
      "2024-06-30",
      "--strategy",
      file,
    ]);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain(`${file}: parameters.prices.minutes`);
    const order = await cli(["backtest", "--sport", "EPL", "--from", "2024-06-30", "--to", "2023-08-01"]);
    expect(order.code).toBe(2);
    expect(order.stderr).toContain("--to: must not be before --from");
    const tune = await cli([
      "backtest",
      "--sport",
      "EPL",
      "--from",
      "2023-08-01",
      "--to",
      "2024-06-30",
      "--tune",
    ]);
    expect(tune.stderr).toContain("--tune needs --train-to");
  }, 60_000);
});

describe.skipIf(!present)("edgeline models", () => {
  it("scores the goals model and Elo beside their blends and Pinnacle's de-vigged close on the same games", async () => {
    const r = await cli([
      "models",
      "--sport",
      "EPL",
      "--from",
      "2023-08-01",
      "--to",
      "2024-06-30",
      "--consensus-books",
      "pinnacle",
      "--json",
    ]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as ModelsReport;
    expect(Object.keys(out.models)).toEqual(["dixon-coles xi 0.0018", "default-epl"]);
    const elo = out.models["default-epl"]!;
    // Elo prices every game; its Brier on the season and the de-vigged Pinnacle close's (issue 10: 0.588, 0.526).
    expect(elo.sameGames!.model.games).toBe(380);
    expect(elo.sameGames!.model.brier).toBeCloseTo(0.5883, 4);
    expect(elo.sameGames!.market.brier).toBeCloseTo(0.5258, 4);
    expect(out.models["dixon-coles xi 0.0018"]!.sameGames!.model.games).toBe(349);
    const text = await cli(["models", "--sport", "EPL", "--from", "2023-08-01", "--to", "2024-06-30"]);
    expect(text.stdout).toContain("Calibration by decile");
  }, 60_000);
});
