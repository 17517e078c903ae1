// Regulation scores through `edgeline import` into unified_games and back out of the backtest
// loader: an SBR workbook the test writes (a game decided in regulation, one in overtime, one in a
// shootout, which the archive cannot tell apart: the winner's final is its periods plus one either
// way), a re-import, a revised period, a source without periods; the NHL schedule's own (its
// gameOutcome) through the recorded payload; and a real NHL workbook in place.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  defaultStrategy,
  GoalsTimeline,
  gamesByIds,
  loadBacktestHistory,
  runBacktestJob,
  type Strategy,
  threeWayProbabilities,
  updateGameResults,
  upsertGames,
} from "@edgeline/core";
import type { GameRecord } from "@edgeline/sdk";
import nhlPlugin from "@edgeline/sport-nhl";
import {
  fakeRoutesOf,
  hasRecordedFixture,
  hasShared,
  recordedUpstreamFor,
  sharedPath,
} from "@edgeline/testkit";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { accepted, type ImportTest, startImportTest } from "./import-helpers.ts";

const dir = mkdtempSync(path.join(tmpdir(), "edgeline-regulation-"));

/** An NHL workbook of the 2016-17 revision (`Puck Line`, `Open OU`, `Close OU` merged over their price). */
async function nhlWorkbook(name: string, rows: (string | number)[][]): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Sheet1");
  sheet.addRow(["Date", "Rot", "VH", "Team", "1st", "2nd", "3rd", "Final", "Open", "Close"]);
  sheet.getRow(1).getCell(11).value = "Puck Line";
  sheet.getRow(1).getCell(13).value = "Open OU";
  sheet.getRow(1).getCell(15).value = "Close OU";
  sheet.mergeCells("K1:L1");
  sheet.mergeCells("M1:N1");
  sheet.mergeCells("O1:P1");
  for (const row of rows) sheet.addRow(row);
  const file = path.join(dir, name);
  await workbook.xlsx.writeFile(file);
  return file;
}

const prices = (side: "V" | "H") =>
  side === "V" ? [120, 125, 1.5, -240, 5.5, -110, 5.5, 105] : [-140, -145, -1.5, 200, 5.5, -110, 5.5, -125];
const ROWS: (string | number)[][] = [
  // Regulation: Toronto 1-1-1 at Ottawa 2-0-2, 3-4.
  [1012, 1, "V", "Toronto", 1, 1, 1, 3, ...prices("V")],
  [1012, 2, "H", "Ottawa", 2, 0, 2, 4, ...prices("H")],
  // Overtime: Tampa 1-0-1 at Boston 0-1-1, 2-2 after regulation, Boston wins 3-2.
  [1013, 3, "V", "Tampa", 1, 0, 1, 2, ...prices("V")],
  [1013, 4, "H", "Boston", 0, 1, 1, 3, ...prices("H")],
  // Shootout: Phoenix 0-1-0 at Dallas 1-0-0, 1-1 after regulation, Phoenix wins 2-1.
  [1014, 5, "V", "Phoenix", 0, 1, 0, 2, ...prices("V")],
  [1014, 6, "H", "Dallas", 1, 0, 0, 1, ...prices("H")],
];

let t: ImportTest;
beforeAll(async () => {
  t = await startImportTest();
});
afterAll(() => t?.close());
const scores = async (gameIds: string[]) =>
  (
    await t.pool.query(
      `SELECT game_id, home_score, away_score, home_regulation_score, away_regulation_score
         FROM unified_games WHERE game_id = ANY($1) ORDER BY game_id`,
      [gameIds],
    )
  ).rows.map((r) => [
    r.game_id,
    r.away_score,
    r.home_score,
    r.away_regulation_score,
    r.home_regulation_score,
  ]);

const IDS = ["NHL_20161012_TOR_OTT", "NHL_20161013_TBL_BOS", "NHL_20161014_ARI_DAL"];

/** A stored game as a source without periods (a schedule) would send it: a Final record, no regulation score. */
async function scheduleRecordOf(gameId: string): Promise<GameRecord> {
  const stored = (await gamesByIds(t.pool, [gameId])).get(gameId)!;
  return {
    gameId: stored.gameId,
    sport: stored.sport,
    gameDate: stored.gameDate,
    season: stored.season,
    status: "Final",
    homeTeamId: stored.homeTeamId!,
    homeTeamName: stored.homeTeamName!,
    awayTeamId: stored.awayTeamId!,
    awayTeamName: stored.awayTeamName!,
    homeScore: stored.homeScore,
    awayScore: stored.awayScore,
    commenceTime: stored.commenceTime!,
    venue: stored.venue,
    neutralSite: stored.neutralSite,
    playoff: stored.playoff,
  };
}

describe("regulation scores of an SBR workbook", () => {
  it("stores the sums of the periods beside the finals; the loader reads them back", async () => {
    const file = await nhlWorkbook("nhl odds 2016-17.xlsx", ROWS);
    expect(accepted(await t.run({ kind: "sbr", sport: "NHL", paths: [file] })).games.inserted).toBe(3);
    // [game, away final, home final, away regulation, home regulation]
    expect(await scores(IDS)).toEqual([
      ["NHL_20161012_TOR_OTT", 3, 4, 3, 4],
      ["NHL_20161013_TBL_BOS", 2, 3, 2, 2],
      ["NHL_20161014_ARI_DAL", 2, 1, 1, 1],
    ]);
    const history = await loadBacktestHistory(t.pool, t.plugins.sport("NHL").plugin, {
      to: "2100-01-01",
      markets: ["moneyline"],
    });
    expect(history.games.map((g) => [g.gameId, g.regulation])).toEqual([
      ["NHL_20161012_TOR_OTT", { home: 4, away: 3 }],
      ["NHL_20161013_TBL_BOS", { home: 2, away: 2 }],
      ["NHL_20161014_ARI_DAL", { home: 1, away: 1 }],
    ]);
  });

  it("a re-import writes nothing; a revised period updates the regulation score and counts the cell", async () => {
    const file = await nhlWorkbook("nhl odds 2016-17.xlsx", ROWS);
    expect(accepted(await t.run({ kind: "sbr", sport: "NHL", paths: [file] })).rowsWritten).toBe(0);
    // The revision: Boston's third goal came in the 3rd period, not in overtime (final unchanged).
    const revised = ROWS.map((r) =>
      r[3] === "Boston" ? [1013, 4, "H", "Boston", 0, 1, 2, 3, ...prices("H")] : r,
    );
    const totals = accepted(
      await t.run({ kind: "sbr", sport: "NHL", paths: [await nhlWorkbook("revised 2016-17.xlsx", revised)] }),
    );
    expect(totals.games).toMatchObject({ inserted: 0, updated: 1, unchanged: 2, cells: 1 });
    expect(await scores(["NHL_20161013_TBL_BOS"])).toEqual([["NHL_20161013_TBL_BOS", 2, 3, 2, 3]]);
  });

  it("a schedule's record of the game (no periods) keeps the stored regulation score", async () => {
    const record = await scheduleRecordOf("NHL_20161013_TBL_BOS");
    expect(await upsertGames(t.pool, [record])).toBe(0);
    expect(await upsertGames(t.pool, [{ ...record, venue: "TD Garden" }])).toBe(1);
    expect(await scores(["NHL_20161013_TBL_BOS"])).toEqual([["NHL_20161013_TBL_BOS", 2, 3, 2, 3]]);
  });

  it("load_bets_db's results write the regulation score; a corrected final without one clears the stale one", async () => {
    const record = await scheduleRecordOf("NHL_20161014_ARI_DAL");
    expect([record.awayScore, record.homeScore]).toEqual([2, 1]);
    // The same final without a regulation score changes nothing.
    expect(await updateGameResults(t.pool, [record])).toBe(0);
    // A final corrected to 1-3 by a source that cannot say how it ended: 1-1 no longer fits it.
    expect(await updateGameResults(t.pool, [{ ...record, awayScore: 3 }])).toBe(1);
    expect(await scores(["NHL_20161014_ARI_DAL"])).toEqual([["NHL_20161014_ARI_DAL", 3, 1, null, null]]);
    // A final that says it (the NHL schedule's gameOutcome) writes it, and a rerun writes nothing.
    const decided = { ...record, awayScore: 3, regulationScore: { home: 1, away: 3 } };
    expect(await updateGameResults(t.pool, [decided])).toBe(1);
    expect(await updateGameResults(t.pool, [decided])).toBe(0);
    expect(await scores(["NHL_20161014_ARI_DAL"])).toEqual([["NHL_20161014_ARI_DAL", 3, 1, 3, 1]]);
    // upsertGames follows the same rule: the final restored without one clears it again.
    expect(await upsertGames(t.pool, [record])).toBe(1);
    expect(await scores(["NHL_20161014_ARI_DAL"])).toEqual([["NHL_20161014_ARI_DAL", 2, 1, null, null]]);
  });

  it("a source without periods stores none", async () => {
    const file = path.join(dir, "E0.csv");
    writeFileSync(
      file,
      "Div,Date,Time,HomeTeam,AwayTeam,FTHG,FTAG,FTR,PSCH,PSCD,PSCA\r\nE0,16/12/2023,15:00,Man City,Crystal Palace,2,2,D,1.2,8,15\r\n",
    );
    accepted(await t.run({ kind: "football-data", sport: "EPL", paths: [file] }));
    const { rows } = await t.pool.query(
      "SELECT home_score, home_regulation_score, away_regulation_score FROM unified_games WHERE sport = 'EPL'",
    );
    expect(rows).toEqual([{ home_score: 2, home_regulation_score: null, away_regulation_score: null }]);
  });
});

describe.skipIf(!hasRecordedFixture("nhl", "schedule-2025-10-07.json"))(
  "regulation scores of the NHL schedule (recorded 2025-10-07, fake upstream)",
  () => {
    const fake = recordedUpstreamFor({ beforeAll, afterAll, beforeEach }, fakeRoutesOf([nhlPlugin]));

    it("stores a shootout's tie beside its final, a regulation win's final twice; a rerun writes nothing", async () => {
      const games = await nhlPlugin.fetchGames(
        { from: "2025-10-07", to: "2025-10-08" },
        fake.context([nhlPlugin]),
      );
      expect(await upsertGames(t.pool, games)).toBe(games.length);
      const ids = ["NHL_20251007_CHI_FLA", "NHL_20251008_CGY_EDM", "NHL_20251008_LAK_VGK"];
      // [game, away final, home final, away regulation, home regulation]
      expect(await scores(ids)).toEqual([
        ["NHL_20251007_CHI_FLA", 2, 3, 2, 3],
        // gameOutcome.lastPeriodType "SO": tied after regulation, the away side won the shootout.
        ["NHL_20251008_CGY_EDM", 4, 3, 3, 3],
        ["NHL_20251008_LAK_VGK", 6, 5, 5, 5],
      ]);
      const { rows } = await t.pool.query(
        `SELECT count(*) FILTER (WHERE status = 'Final')::int AS finals,
                count(*) FILTER (WHERE home_regulation_score IS NOT NULL)::int AS with_regulation,
                count(*) FILTER (WHERE status <> 'Final' AND home_regulation_score IS NOT NULL)::int AS unplayed
           FROM unified_games WHERE game_id LIKE 'NHL_2025100%'`,
      );
      expect(rows[0]).toEqual({ finals: 7, with_regulation: 7, unplayed: 0 });
      expect(await upsertGames(t.pool, games)).toBe(0);
    });
  },
);

const NHL_2016 = sharedPath("datasets", "sbr", "nhl", "nhl odds 2016-17 (1).xlsx");

/** One strategy's backtest of the NHL from 1 December 2016 to `to`, not stored. */
const nhlBacktest = (strategy: Strategy, to: string) =>
  runBacktestJob(t.pool, t.plugins, {
    sport: "NHL",
    from: "2016-12-01",
    to,
    strategies: [strategy],
    store: false,
  });

describe.skipIf(!hasShared("datasets", "sbr", "README.md"))("a real NHL workbook's regulation scores", () => {
  // A database of its own: the written workbook's games share ids with the real season.
  beforeAll(async () => {
    await t.close();
    t = await startImportTest();
  });

  it("keep Toronto at Ottawa, 12 October 2016, tied 4-4 after regulation and won 5-4 by Ottawa", async () => {
    // The file's two bad cells (a puck line pair, a final) are skipped as `edgeline import` would.
    const totals = accepted(await t.run({ kind: "sbr", sport: "NHL", paths: [NHL_2016], skipBadRows: true }));
    expect(await scores(["NHL_20161012_TOR_OTT"])).toEqual([["NHL_20161012_TOR_OTT", 4, 5, 4, 4]]);
    // Every game past regulation was tied after it and is won by one goal; every other game's
    // regulation score is its final.
    const { rows } = await t.pool.query(
      `SELECT count(*) FILTER (WHERE home_regulation_score = away_regulation_score)::int AS past,
              count(*) FILTER (WHERE home_regulation_score = away_regulation_score
                AND abs(home_score - away_score) = 1
                AND home_score + away_score = home_regulation_score + away_regulation_score + 1)::int AS by_one,
              count(*) FILTER (WHERE home_regulation_score <> away_regulation_score
                AND (home_score, away_score) <> (home_regulation_score, away_regulation_score))::int AS odd,
              count(*)::int AS games
         FROM unified_games WHERE sport = 'NHL' AND season = 2016`,
    );
    expect(rows[0].games).toBe(totals.games.inserted);
    expect(rows[0].games).toBeGreaterThan(1300);
    expect(rows[0].past).toBe(rows[0].by_one);
    expect(rows[0].past).toBeGreaterThan(200);
    expect(rows[0].odd).toBe(0);
  }, 60_000);

  it("backtest a strategy betting the NHL's goals model: fitted on the regulation scores, overtime apart", async () => {
    const job = (betting: "goals" | "elo") =>
      nhlBacktest({ ...defaultStrategy(), name: betting, betting, markets: ["moneyline"] }, "2017-04-09");
    const [goals, elo] = [(await job("goals")).reports[0]!, (await job("elo")).reports[0]!];
    expect(goals.report.model).toBe("dixon-coles xi 0.0018 on regulation, late goals apart");
    const games = goals.report.forecasts.sameGames!.model.games;
    expect(games).toBeGreaterThan(600);
    expect(goals.report.forecasts.sameGames!.model.logLoss).toBeLessThan(0.69);
    // Toronto at Ottawa on 12 October 2016 went to overtime: in the regulation fit a 4-4 tie, not a 5-4 win.
    const f = goals.run.forecaster;
    const ottawa = f.games.find((g) => g.date === "2016-10-12" && g.home === "OTT")!;
    expect(ottawa.regulation).toEqual({ home: 4, away: 4 });
    // Fitted on regulation, the matrices expect the ties that about 23% of games have after 60
    // minutes; the same fit on the finals, where no game is tied, expects far fewer.
    const finals = new GoalsTimeline(
      f.games.map((g) => ({
        date: g.date,
        home: g.home,
        away: g.away,
        homeGoals: g.homeScore,
        awayGoals: g.awayScore,
      })),
      f.model.goals!,
    );
    const week = f.games.flatMap((g, i) => (g.date >= "2017-02-01" && g.date <= "2017-02-07" ? [i] : []));
    const meanTie = (t: GoalsTimeline) =>
      week.reduce((s, i) => s + threeWayProbabilities(t.matrixAt(i, f.games[i]!.date)!).draw, 0) /
      week.length;
    expect(week.length).toBeGreaterThan(20);
    expect(meanTie(f.goals!)).toBeGreaterThan(0.16);
    expect(meanTie(finals)).toBeLessThan(0.13);
    // The Elo run on the same span prices differently: the two are different models.
    expect(elo.report.model).toBe("fivethirtyeight-nhl");
    expect(goals.report.forecasts.sameGames!.model.logLoss).not.toBeCloseTo(
      elo.report.forecasts.sameGames!.model.logLoss,
      4,
    );
  }, 120_000);

  it("a goals strategy that names no markets bets the puck lines and totals its model prices", async () => {
    // The NHL's own model bets Elo, which prices moneylines only; the strategy's choice of the
    // goals model decides what it can bet, as in a strategy file with no "markets".
    const job = (betting: "goals" | "elo") =>
      nhlBacktest({ ...defaultStrategy(), name: betting, betting, blend: { weight: 1 } }, "2016-12-31");
    const marketsBet = async (betting: "goals" | "elo") =>
      [...new Set((await job(betting)).reports[0]!.run.bets.map((b) => b.market))].sort();
    expect(await marketsBet("goals")).toEqual(["moneyline", "spread", "total"]);
    expect(await marketsBet("elo")).toEqual(["moneyline"]);
  }, 120_000);
});
