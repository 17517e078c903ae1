import { mkdtempSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createEntityIndex } from "@edgeline/sdk";
import { NBA_TEAMS } from "@edgeline/sport-nba";
import { NHL_TEAMS } from "@edgeline/sport-nhl";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { formatProblem, ImportError, parseSbrFile } from "../src/index.ts";

/** Small archive files the tests write themselves, in the real layouts. */
const dir = mkdtempSync(path.join(tmpdir(), "edgeline-sbr-"));
const nhl = createEntityIndex(NHL_TEAMS);
const nba = createEntityIndex(NBA_TEAMS);

/** An NHL workbook of the 2016-17 revision: `Puck Line`, `Open OU`, `Close OU` merged over their price. */
async function nhlWorkbook(name: string, rows: (string | number | null)[][]): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Sheet1");
  sheet.addRow([
    "Date",
    "Rot",
    "VH",
    "Team",
    "1st",
    "2nd",
    "3rd",
    "Final",
    "Open",
    "Close",
    "Puck Line",
    null,
    "Open OU",
    null,
    "Close OU",
    null,
  ]);
  sheet.mergeCells("K1:L1");
  sheet.mergeCells("M1:N1");
  sheet.mergeCells("O1:P1");
  for (const row of rows) sheet.addRow(row);
  workbook.addWorksheet("Sheet2");
  const file = path.join(dir, name);
  await workbook.xlsx.writeFile(file);
  return file;
}

const NHL_ROWS: (string | number | null)[][] = [
  [1012, 1, "V", "Toronto", 2, 2, 0, 4, 114, 121, 1.5, -245, 5.5, -110, 5.5, 105],
  [1012, 2, "H", "Ottawa", 2, 1, 1, 5, -134, -141, -1.5, 205, 5.5, -110, 5.5, -125],
  // Home row first: sides come from VH.
  [1231, 4, "H", "Boston", 1, 1, 1, 3, -150, "a100", -1.5, 180, 6, -105, 6, -115],
  [1231, 3, "V", "Tampa", 0, 1, 1, 2, 130, 135, 1.5, -220, 6, -115, 6, -105],
  // Neutral site, NL on the opening line; the season passes into January.
  [101, 5, "N", "Phoenix", 1, 0, 0, 1, "NL", 120, 1.5, -250, 5.5, -110, 5.5, -110],
  [101, 6, "N", "SeattleKraken", 0, 2, 1, 3, "NL", -140, -1.5, 210, 5.5, -110, 5.5, -110],
];

const caught = (p: Promise<unknown>) => p.then(() => undefined).catch((e: unknown) => e as ImportError);

describe("SBR workbooks written by the test", () => {
  it("refuses a file with a bad cell, naming file, sheet, row, column, cell and value", async () => {
    const file = await nhlWorkbook("nhl odds 2016-17.xlsx", NHL_ROWS);
    const error = await caught(
      parseSbrFile(file, { sport: "NHL", entities: nhl, fileName: "nhl odds 2016-17.xlsx" }),
    );
    expect(error).toBeInstanceOf(ImportError);
    expect(error!.problems.map(formatProblem)).toEqual([
      'nhl odds 2016-17.xlsx [Sheet1], row 4, column Close (J4), value "a100": expected American odds or "NL", got "a100"',
    ]);
  });

  it("with skipBadRows drops only the bad price group, and reads sides from VH, neutral sites and the wrap", async () => {
    const file = await nhlWorkbook("nhl odds 2016-17.xlsx", NHL_ROWS);
    const r = await parseSbrFile(file, { sport: "NHL", entities: nhl, skipBadRows: true });
    expect(r.skipped).toEqual({ games: 0, priceGroups: 1 });
    expect(r.games.map((g) => [g.game.gameId, g.neutral, g.game.homeScore, g.game.awayScore])).toEqual([
      ["NHL_20161012_TOR_OTT", false, 5, 4],
      ["NHL_20161231_TBL_BOS", false, 3, 2],
      ["NHL_20170101_ARI_SEA", true, 3, 1],
    ]);
    const markets = (id: string) =>
      r.quotes.filter((q) => q.gameId === id).map((q) => `${q.phase} ${q.market}`);
    // Boston's closing moneyline cell was bad: that pair is gone, its other prices stay.
    expect(markets("NHL_20161231_TBL_BOS")).toEqual([
      "opening moneyline",
      "opening moneyline",
      "closing spread",
      "closing spread",
      "opening total",
      "opening total",
      "closing total",
      "closing total",
    ]);
    const tb = r.quotes.filter((q) => q.gameId === "NHL_20161231_TBL_BOS" && q.market === "spread");
    expect(tb.map((q) => [q.outcome, q.line?.toString(), q.price?.toString()])).toEqual([
      ["away_team_win", "1.5", "1.4545"],
      ["home_team_win", "-1.5", "2.8"],
    ]);
    // NL: no opening moneyline for the neutral game.
    expect(markets("NHL_20170101_ARI_SEA")).not.toContain("opening moneyline");
  });

  it("refuses unknown team names, listing each with every row it occurs in, even when skipping bad rows", async () => {
    const rows = NHL_ROWS.map((r) =>
      r.map((c) => (c === "Ottawa" ? "Ottawwa" : c === "Boston" ? "Bostn" : c)),
    );
    rows.push([102, 7, "V", "Ottawwa", 1, 1, 1, 3, 100, 105, 1.5, -200, 6, -110, 6, -110]);
    rows.push([102, 8, "H", "Toronto", 1, 0, 1, 2, -120, -125, -1.5, 170, 6, -110, 6, -110]);
    const file = await nhlWorkbook("nhl odds 2016-17.xlsx", rows);
    const error = await caught(
      parseSbrFile(file, {
        sport: "NHL",
        entities: nhl,
        skipBadRows: true,
        fileName: "x.xlsx",
        season: "2016-17",
      }),
    );
    expect(error).toBeInstanceOf(ImportError);
    expect(error!.message.split("\n")[0]).toBe('x.xlsx: unknown team names: "Ottawwa", "Bostn"');
    expect(error!.problems.map((p) => p.message.split(";")[0])).toEqual([
      'unknown team name "Ottawwa" (rows 3, 8)',
      'unknown team name "Bostn" (rows 4)',
    ]);
  });

  it("refuses a file whose season can't be known, and takes it from the season option", async () => {
    const file = await nhlWorkbook("nhl odds.xlsx", NHL_ROWS.slice(0, 2));
    const error = await caught(parseSbrFile(file, { sport: "NHL", entities: nhl }));
    expect(error?.message).toMatch(
      /refused: the file name does not say the season \(YYYY-YY\) and no season option was given/,
    );
    const r = await parseSbrFile(file, { sport: "NHL", entities: nhl, season: "2016-17" });
    expect(r.games[0]!.game.gameDate).toBe("2016-10-12");
    const wrong = await caught(parseSbrFile(file, { sport: "NHL", entities: nhl, season: "2016" }));
    expect(wrong).toBeUndefined(); // a one-year season is a valid label: October 2016
  });

  it("refuses a sheet without the archive's labels, and a price column without its label's neighbour", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Sheet1").addRows([
      ["Date", "Rot", "Team", "Final"],
      [1012, 1, "Toronto", 4],
    ]);
    const file = path.join(dir, "nhl odds 2016-17 other.xlsx");
    await workbook.xlsx.writeFile(file);
    const error = await caught(parseSbrFile(file, { sport: "NHL", entities: nhl }));
    expect(error?.message).toMatch(/not an SBR archive sheet: no vh, open, close column in the header/);
  });
});

describe("SBR CSV exports", () => {
  const NBA_CSV = [
    "Date,Rot,VH,Team,1st,2nd,3rd,4th,Final,Open,Close,ML,2H",
    "1030,501,V,Portland,26,23,28,20,97,184,189.5,900,95",
    "1030,502,H,SanAntonio,29,30,22,25,106,12.5,13,-1400,5",
    "1031,503,V,NewJersey,25,25,25,25,100,pk,PK,-105,1",
    "1031,504,H,LA Clippers,30,20,25,35,110,200,201,-115,101",
    // A missing row: 505 has no partner, so 507/508 must still pair.
    "1101,505,V,Seattle,20,20,20,20,80,7,7.5,300,3",
    "1101,507,V,Utah,25,25,25,26,101,7,7.5,-300,3",
    "1101,508,H,Denver,25,25,25,25,100,200,201,250,100",
    // Overtime after a tied regulation; a tied final refused.
    "1102,509,V,Boston,25,25,25,25,112,5,5,-200,2",
    "1102,510,H,Miami,20,30,25,25,108,190,191,170,95",
    "1103,511,V,Dallas,25,25,25,25,100,5,5,-200,2",
    "1103,512,H,Houston,25,25,25,25,100,190,191,170,95",
  ].join("\n");

  it("reads the NBA layout: spread on the favourite's row, total on the other, pk as 0, no invented prices", async () => {
    const file = path.join(dir, "nba odds 2007-08.csv");
    await writeFile(file, NBA_CSV);
    const r = await parseSbrFile(file, { sport: "NBA", entities: nba, skipBadRows: true });
    expect(r.games.map((g) => [g.game.gameId, g.extraTime])).toEqual([
      ["NBA_20071030_POR_SAS", false],
      ["NBA_20071031_BKN_LAC", false],
      ["NBA_20071101_UTA_DEN", false],
      ["NBA_20071102_BOS_MIA", true],
    ]);
    const pick = r.quotes.filter((q) => q.gameId === "NBA_20071031_BKN_LAC" && q.phase === "closing");
    expect(
      pick.map((q) => [q.market, q.outcome, q.line?.toString() ?? null, q.price?.toFixed(4) ?? null]),
    ).toEqual([
      ["moneyline", "away_team_win", null, "1.9524"],
      ["moneyline", "home_team_win", null, "1.8696"],
      ["spread", "home_team_win", "0", null],
      ["spread", "away_team_win", "0", null],
      ["total", "over", "201", null],
      ["total", "under", "201", null],
    ]);
    expect(r.skipped.games).toBe(2);
    expect(
      r.problems
        .filter((p) => p.severity === "error")
        .map((p) => `${p.row} ${p.column} ${p.value}: ${p.message}`),
    ).toEqual([
      "6 Rot 505/507: rows 6 and 7 are not one game's pair (rotations must be n and n + 1, n odd); row 6 is dropped",
      "11 Final 100: a final tied at 100-100",
      "12 Final 100: a final tied at 100-100",
    ]);
  });
});
