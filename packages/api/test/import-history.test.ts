// `edgeline import` on a real PostgreSQL, with the repository's plugins and small files the tests
// write: what lands in unified_games, game_odds, odds_quotes and external_forecasts; a re-import
// writes nothing; a revised file changes only its changed cells; bad rows and unknown teams write
// nothing; a start a schedule stored wins over a file's stand-in start.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { closingQuotes, upsertGames } from "@edgeline/core";
import { hasShared, sharedPath } from "@edgeline/testkit";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accepted, type ImportTest, startImportTest } from "./import-helpers.ts";

const dir = mkdtempSync(path.join(tmpdir(), "edgeline-import-"));
const write = (name: string, lines: string[]) => {
  const file = path.join(dir, name);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${lines.join("\r\n")}\r\n`);
  return file;
};

const FD_HEADER =
  "Div,Date,Time,HomeTeam,AwayTeam,FTHG,FTAG,FTR,HTHG,HTAG,HTR,PSH,PSD,PSA,PSCH,PSCD,PSCA,P>2.5,P<2.5";
const CITY_PALACE = "E0,16/12/2023,15:00,Man City,Crystal Palace,2,2,D,1,0,H,1.15,9.5,19,1.2,8,15,1.4,3";
const FOREST_UNITED =
  "E0,30/12/2023,17:30,Nott'm Forest,Man United,2,1,H,0,0,D,2.9,3.6,2.45,2.8,3.5,2.6,1.8,2.05";

let t: ImportTest;
beforeAll(async () => {
  t = await startImportTest();
});
afterAll(() => t?.close());
const rows = async (sql: string, params: unknown[] = []) => (await t.pool.query(sql, params)).rows;
const count = async (table: string) => Number((await rows(`SELECT count(*) AS n FROM ${table}`))[0].n);

describe("football-data.co.uk into the database", () => {
  const file = write("E0-2023-24.csv", [FD_HEADER, CITY_PALACE, FOREST_UNITED]);

  it("writes games, every quote with its quote time, and each market's current price", async () => {
    const totals = accepted(await t.run({ kind: "football-data", sport: "EPL", paths: [file] }));
    expect(totals.games).toMatchObject({ read: 2, inserted: 2, updated: 0 });
    const games = await rows(
      "SELECT game_id, status, home_score, away_score, commence_time, neutral_site, is_playoff FROM unified_games ORDER BY game_id",
    );
    expect(games.map((g) => [g.game_id, g.home_score, g.away_score, g.commence_time.toISOString()])).toEqual([
      ["EPL_20231216_CRY_MNC", 2, 2, "2023-12-16T15:00:00.000Z"],
      ["EPL_20231230_MAN_NFO", 2, 1, "2023-12-30T17:30:00.000Z"],
    ]);
    expect(games.every((g) => g.status === "Final" && !g.neutral_site && !g.is_playoff)).toBe(true);
    // Pinnacle's opening (Friday 12:00 UK) and closing (the kick-off) prices, as odds_quotes rows.
    const quotes = await rows(
      `SELECT source, bookmaker, market_name, outcome_name, price::text, quoted_at FROM odds_quotes
        WHERE game_id = 'EPL_20231216_CRY_MNC' AND market_name = 'moneyline' ORDER BY quoted_at, outcome_name`,
    );
    expect(quotes.map((q) => [q.outcome_name, q.price, q.quoted_at.toISOString()])).toEqual([
      ["away_team_win", "19.0000", "2023-12-15T12:00:00.000Z"],
      ["draw", "9.5000", "2023-12-15T12:00:00.000Z"],
      ["home_team_win", "1.1500", "2023-12-15T12:00:00.000Z"],
      ["away_team_win", "15.0000", "2023-12-16T15:00:00.000Z"],
      ["draw", "8.0000", "2023-12-16T15:00:00.000Z"],
      ["home_team_win", "1.2000", "2023-12-16T15:00:00.000Z"],
    ]);
    expect(new Set(quotes.map((q) => `${q.source} ${q.bookmaker}`))).toEqual(
      new Set(["football-data Pinnacle"]),
    );
    // game_odds holds the close; the close stamped with the kick-off is the closing line.
    const current = await rows(
      "SELECT outcome_name, price::text FROM game_odds WHERE game_id = 'EPL_20231216_CRY_MNC' AND market_name = 'moneyline' ORDER BY outcome_name",
    );
    expect(current.map((o) => [o.outcome_name, o.price])).toEqual([
      ["away_team_win", "15.0000"],
      ["draw", "8.0000"],
      ["home_team_win", "1.2000"],
    ]);
    const close = await closingQuotes(t.pool, ["EPL_20231216_CRY_MNC"], { markets: ["moneyline"] });
    expect(close.map((q) => q.price?.toFixed(2)).sort()).toEqual(["1.20", "15.00", "8.00"]);
  });

  it("writes nothing on a second import of the same file, and says so", async () => {
    const before = await rows("SELECT loaded_at FROM unified_games ORDER BY game_id");
    const totals = accepted(await t.run({ kind: "football-data", sport: "EPL", paths: [file] }));
    expect(totals.rowsWritten).toBe(0);
    expect(totals.games).toMatchObject({ inserted: 0, updated: 0, unchanged: 2 });
    expect(await rows("SELECT loaded_at FROM unified_games ORDER BY game_id")).toEqual(before);
  });

  it("a revised file updates only its changed cells and counts them", async () => {
    // Forest's score corrected to 3-1 (FTHG and nothing else) and Pinnacle's closing home price revised.
    const revised = write("E0-2023-24-revised.csv", [
      FD_HEADER,
      CITY_PALACE,
      FOREST_UNITED.replace(",2,1,H,", ",3,1,H,").replace(",2.8,3.5,2.6,", ",2.75,3.5,2.6,"),
    ]);
    const quotesBefore = await count("odds_quotes");
    const totals = accepted(await t.run({ kind: "football-data", sport: "EPL", paths: [revised] }));
    expect(totals.games).toMatchObject({ inserted: 0, updated: 1, unchanged: 1, cells: 1 });
    expect(totals.quotes).toMatchObject({ added: 0, revised: 1, cells: 1, currentRows: 1 });
    expect(await count("odds_quotes")).toBe(quotesBefore);
    expect(
      (await rows("SELECT home_score FROM unified_games WHERE game_id = 'EPL_20231230_MAN_NFO'"))[0]
        .home_score,
    ).toBe(3);
  });

  it("refuses a malformed row naming file, row, column and value, writing nothing; skips it on request", async () => {
    const bad = write("E0-bad.csv", [
      FD_HEADER,
      "E0,01/01/2024,20:00,Arsenal,Luton,2,0,H,1,0,H,1.3,abc,9,1.3,5.5,9,1.5,2.6",
      "E0,31/02/2024,15:00,Arsenal,Luton,2,0,H,1,0,H,1.3,5.5,9,1.3,5.5,9,1.5,2.6",
    ]);
    const games = await count("unified_games");
    const quotes = await count("odds_quotes");
    const refused = await t.run({ kind: "football-data", sport: "EPL", paths: [bad] });
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.refused[0]!.problems.map((p) => [p.row, p.column, p.value])).toEqual([
      [2, "PSD", "abc"],
      [3, "Date", "31/02/2024"],
    ]);
    expect([await count("unified_games"), await count("odds_quotes")]).toEqual([games, quotes]);

    const skipped = accepted(
      await t.run({ kind: "football-data", sport: "EPL", paths: [bad], skipBadRows: true }),
    );
    expect(skipped.skipped).toMatchObject({ games: 1, priceGroups: 1, errors: 2 });
    expect(skipped.games.inserted).toBe(1);
  });

  it("refuses every file when one has an unknown team, listing the name with its rows", async () => {
    const good = write("E0-good.csv", [FD_HEADER, "E0,02/01/2024,20:00,Chelsea,Fulham,1,0,H,0,0,D,,,,,,,,"]);
    const unknown = write("E0-unknown.csv", [
      FD_HEADER,
      "E0,03/01/2024,20:00,Man Utd,Fulham,1,0,H,0,0,D,,,,,,,,",
      "E0,04/01/2024,20:00,Fulham,Man Utd,1,0,H,0,0,D,,,,,,,,",
    ]);
    const games = await count("unified_games");
    const outcome = await t.run({
      kind: "football-data",
      sport: "EPL",
      paths: [good, unknown],
      skipBadRows: true,
    });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.refused.map((r) => r.file)).toEqual([unknown]);
    expect(outcome.refused[0]!.problems.map((p) => p.message.split(";")[0])).toEqual([
      'unknown team name "Man Utd" (rows 2, 3)',
    ]);
    expect(await count("unified_games")).toBe(games);
  });
});

describe("FiveThirtyEight into the database", () => {
  it("stores 538's forecasts for comparison and the neutral-site and playoff flags", async () => {
    const file = write("nfl_games.csv", [
      "date,season,neutral,playoff,team1,team2,elo1,elo2,elo_prob1,score1,score2,result1",
      "2021-01-10,2020,0,1,NO,CHI,1680.1,1510.2,0.78,21,9,1",
      "2021-02-07,2020,1,1,TB,KC,1703.30329600465,1741.08727932497,0.4458378304058082,31,9,1",
    ]);
    const totals = accepted(await t.run({ kind: "fivethirtyeight", sport: "NFL", paths: [file] }));
    expect(totals.forecasts).toMatchObject({ read: 2, inserted: 2 });
    const games = await rows(
      "SELECT game_id, neutral_site, is_playoff FROM unified_games WHERE sport = 'NFL' ORDER BY game_id",
    );
    expect(games.map((g) => [g.game_id, g.neutral_site, g.is_playoff])).toEqual([
      ["NFL_20210110_CHI_NO", false, true],
      ["NFL_20210207_KC_TB", true, true],
    ]);
    const forecasts = await rows(
      "SELECT game_id, source, home_win_probability, away_win_probability, home_rating FROM external_forecasts ORDER BY game_id",
    );
    expect(forecasts[1]).toEqual({
      game_id: "NFL_20210207_KC_TB",
      source: "fivethirtyeight-elo",
      home_win_probability: 0.4458378304058082,
      away_win_probability: 1 - 0.4458378304058082,
      home_rating: 1703.30329600465,
    });
    // A revised forecast is one changed row and one cell.
    const revised = write("nfl_games-revised.csv", [
      "date,season,neutral,playoff,team1,team2,elo1,elo2,elo_prob1,score1,score2,result1",
      "2021-01-10,2020,0,1,NO,CHI,1680.1,1510.2,0.78,21,9,1",
      "2021-02-07,2020,1,1,TB,KC,1703.30329600465,1741.5,0.4458378304058082,31,9,1",
    ]);
    const again = accepted(await t.run({ kind: "fivethirtyeight", sport: "NFL", paths: [revised] }));
    expect(again.forecasts).toMatchObject({ inserted: 0, updated: 1, cells: 1 });
    expect(again.games).toMatchObject({ inserted: 0, updated: 0 });
  });

  it("keeps what a schedule stored where the file is silent; the closing line moves with the start", async () => {
    // The schedule knows the real kick-off, season and venue; the plain file has the day only
    // (19:00 Eastern, nominal) and its closing prices are stamped with that stand-in start.
    await upsertGames(t.pool, [
      {
        gameId: "NFL_20201227_ATL_KC",
        sport: "NFL",
        gameDate: "2020-12-27",
        season: 2020,
        status: "Final",
        homeTeamId: "KC",
        homeTeamName: "Kansas City Chiefs",
        awayTeamId: "ATL",
        awayTeamName: "Atlanta Falcons",
        homeScore: 17,
        awayScore: 14,
        commenceTime: new Date("2020-12-27T18:00:00Z"),
        venue: "Arrowhead Stadium",
      },
    ]);
    const file = write("nfl-plain.csv", [
      "date,home,away,home_score,away_score,home_price,away_price",
      "2020-12-27,KC,ATL,17,14,1.2,5.1",
    ]);
    const totals = accepted(await t.run({ kind: "plain", sport: "NFL", paths: [file] }));
    expect(totals.games).toMatchObject({ inserted: 0, updated: 0, unchanged: 1, cells: 0 });
    const [game] = await rows(
      "SELECT commence_time, season, venue FROM unified_games WHERE game_id = 'NFL_20201227_ATL_KC'",
    );
    expect([game.commence_time.toISOString(), game.season, game.venue]).toEqual([
      "2020-12-27T18:00:00.000Z",
      2020,
      "Arrowhead Stadium",
    ]);
    const quotes = await rows("SELECT quoted_at FROM odds_quotes WHERE game_id = 'NFL_20201227_ATL_KC'");
    expect(quotes.map((q) => q.quoted_at.toISOString())).toEqual([
      "2020-12-27T18:00:00.000Z",
      "2020-12-27T18:00:00.000Z",
    ]);
  });
});

describe("the SBR archive into the database", () => {
  it("stores NBA spreads and totals without a price in the history only, never in game_odds", async () => {
    write("sbr/nba odds 2007-08.csv", [
      "Date,Rot,VH,Team,1st,2nd,3rd,4th,Final,Open,Close,ML,2H",
      "1030,501,V,Portland,26,23,28,20,97,184,189.5,900,95",
      "1030,502,H,SanAntonio,29,30,22,25,106,12.5,13,-1400,5",
      "1031,503,N,NewJersey,25,25,25,25,100,pk,PK,-105,1",
      "1031,504,N,LA Clippers,30,20,25,35,110,200,201,-115,101",
    ]);
    // A folder: its .xlsx and .csv files, in name order.
    const totals = accepted(await t.run({ kind: "sbr", sport: "NBA", paths: [path.join(dir, "sbr")] }));
    expect(totals.games.inserted).toBe(2);
    const spread = await rows(
      `SELECT outcome_name, line::text, price, quoted_at FROM odds_quotes
        WHERE game_id = 'NBA_20071030_POR_SAS' AND market_name = 'spread' ORDER BY quoted_at, outcome_name`,
    );
    expect(spread.map((q) => [q.outcome_name, q.line, q.price])).toEqual([
      ["away_team_win", "12.5000", null],
      ["home_team_win", "-12.5000", null],
      ["away_team_win", "13.0000", null],
      ["home_team_win", "-13.0000", null],
    ]);
    expect(
      await rows(
        "SELECT odds_id FROM game_odds WHERE game_id = 'NBA_20071030_POR_SAS' AND market_name <> 'moneyline'",
      ),
    ).toEqual([]);
    const [neutral] = await rows(
      "SELECT neutral_site FROM unified_games WHERE game_id = 'NBA_20071031_BKN_LAC'",
    );
    expect(neutral.neutral_site).toBe(true);
  });
});

const NHL_2018 = sharedPath("datasets", "sbr", "nhl", "nhl odds 2018-19 (1).xlsx");

describe.skipIf(!hasShared("datasets", "sbr", "README.md"))(
  "a real SBR workbook, then a revision of it",
  () => {
    it("re-imports nothing, and a revised copy updates only the cells that changed and counts them", async () => {
      const first = accepted(await t.run({ kind: "sbr", sport: "NHL", paths: [NHL_2018] }));
      expect(first.games).toMatchObject({ read: 1358, inserted: 1358 });
      expect(accepted(await t.run({ kind: "sbr", sport: "NHL", paths: [NHL_2018] })).rowsWritten).toBe(0);
      // The archive's revision, as two downloads of one season differ: Washington's 1st period and
      // final one goal more (rows 5), Montreal's closing moneyline 210 → 215 (J2).
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(NHL_2018);
      const sheet = workbook.worksheets[0]!;
      expect([sheet.getCell("D5").value, sheet.getCell("E5").value, sheet.getCell("H5").value]).toEqual([
        "Washington",
        2,
        7,
      ]);
      sheet.getCell("E5").value = 3;
      sheet.getCell("H5").value = 8;
      sheet.getCell("J2").value = 215;
      const revised = path.join(dir, "nhl odds 2018-19 revised.xlsx");
      await workbook.xlsx.writeFile(revised);
      const quotesBefore = await count("odds_quotes");
      const totals = accepted(await t.run({ kind: "sbr", sport: "NHL", paths: [revised] }));
      // Two cells of the game: its home final and its home regulation score (the 1st period's sum).
      expect(totals.games).toMatchObject({ read: 1358, inserted: 0, updated: 1, unchanged: 1357, cells: 2 });
      expect(totals.quotes).toMatchObject({ added: 0, revised: 1, cells: 1 });
      expect(await count("odds_quotes")).toBe(quotesBefore);
      const [game] = await rows(
        `SELECT home_score, away_score, home_regulation_score, is_playoff FROM unified_games
          WHERE game_id = 'NHL_20181003_BOS_WSH'`,
      );
      expect(game).toEqual({ home_score: 8, away_score: 0, home_regulation_score: 8, is_playoff: false });
      const [close] = await rows(
        `SELECT price::text FROM odds_quotes WHERE game_id = 'NHL_20181003_MTL_TOR' AND market_name = 'moneyline'
        AND outcome_name = 'away_team_win' ORDER BY quoted_at DESC LIMIT 1`,
      );
      expect(close.price).toBe("3.1500");
    }, 60_000);
  },
);
