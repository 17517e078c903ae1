import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type KnownGame, SourceError } from "@edgeline/sdk";
import { describe, expect, it } from "vitest";
import { parseSbrCsv } from "./sbr-layout.ts";
import { importSbrCsv, importSbrFile, type SbrSportMapping } from "./sbr-odds.ts";

/**
 * A small file in the archive's NBA layout ("nba odds 2018-19.xlsx" saved as CSV), written by the
 * test since no SBR recording exists. Favourite's row carries the spread, the other the total.
 * Game 3 is a pick'em, game 4 is played on a neutral site, game 5 names a team we do not know.
 */
const NBA_CSV = `Date,Rot,VH,Team,1st,2nd,3rd,4th,Final,Open,Close,ML,2H
1016,501,V,Philadelphia,21,21,24,21,87,208.5,211,170,105
1016,502,H,Boston,21,26,30,28,105,5,4.5,-200,2.5
1016,503,V,OklahomaCity,23,24,32,21,100,220,222,550,110
1016,504,H,GoldenState,31,26,26,25,108,11.5,12,-800,6
1017,505,V,Denver,30,25,24,28,107,pk,pk,-105,1
1017,506,H,LAClippers,22,28,24,24,98,216,217.5,-115,108
117,507,N,Washington,30,20,25,25,100,222,223,130,111
117,508,N,NewYork,28,30,29,14,101,3,3.5,-150,1.5
1018,509,V,Seattle,20,20,20,20,80,200,201,300,100
1018,510,H,Boston,25,25,25,25,100,7,7.5,-400,3.5
`;

/** NHL layout: Open/Close are moneylines; each line column is followed by its price. */
const NHL_CSV = `Date,Rot,VH,Team,1st,2nd,3rd,Final,Open,Close,PuckLine,,OpenOU,,CloseOU,
1003,1,V,Montreal,0,1,0,1,145,150,1.5,-200,5.5,-110,5.5,-105
1003,2,H,Toronto,1,1,1,3,-165,-170,-1.5,170,5.5,-110,5.5,-115
`;

const ids: Record<string, string> = {
  Philadelphia: "PHI",
  Boston: "BOS",
  OklahomaCity: "OKC",
  GoldenState: "GSW",
  Denver: "DEN",
  LAClippers: "LAC",
  Washington: "WAS",
  NewYork: "NYK",
  Montreal: "MTL",
  Toronto: "TOR",
};
const mapping: SbrSportMapping = { teamIdFromName: (name) => ids[name] };
const game = (gameId: string, gameDate: string, awayTeamId: string, homeTeamId: string): KnownGame => ({
  gameId,
  gameDate,
  commenceTime: null,
  homeTeamId,
  awayTeamId,
});
const nbaGames = [
  game("G1", "2018-10-16", "PHI", "BOS"),
  game("G2", "2018-10-16", "OKC", "GSW"),
  game("G3", "2018-10-17", "DEN", "LAC"),
  // London game: the schedule lists New York as the visitor, SBR writes N/N with Washington first.
  game("G4", "2019-01-17", "NYK", "WAS"),
];
const season = { startYear: 2018 };

describe("SBR archive import (NBA spread/total layout)", () => {
  const result = importSbrCsv(NBA_CSV, mapping, nbaGames, { season, fileName: "nba odds 2018-19.csv" });
  const price = (gameId: string, market: string, outcome: string) => {
    const r = result.records.find(
      (x) => x.gameId === gameId && x.marketName === market && x.outcomeName === outcome,
    );
    return r && [r.price.toFixed(4), r.line?.toString() ?? null];
  };

  it("reads V/H pairs, season dates and the favourite's spread vs the total", () => {
    expect(result.layout).toBe("spread-total");
    const [celtics, warriors, clippers, london] = result.games;
    expect(celtics).toMatchObject({ date: "2018-10-16", neutral: false });
    expect(celtics?.visitor).toMatchObject({ rot: 501, team: "Philadelphia", final: 87 });
    expect(celtics?.openSpread?.toString()).toBe("-5");
    expect(celtics?.closeSpread?.homeLine.toString()).toBe("-4.5");
    expect([celtics?.openTotal?.toString(), celtics?.closeTotal?.points.toString()]).toEqual([
      "208.5",
      "211",
    ]);
    expect(warriors?.closeSpread?.homeLine.toString()).toBe("-12");
    expect(clippers?.closeSpread?.homeLine.toString()).toBe("0"); // pk
    expect(clippers?.closeTotal?.points.toString()).toBe("217.5");
    expect(london).toMatchObject({ date: "2019-01-17", neutral: true });
  });

  it("writes closing moneylines as decimal odds and no invented spread/total prices", () => {
    expect(price("G1", "moneyline", "home_team_win")).toEqual(["1.5000", null]); // -200
    expect(price("G1", "moneyline", "away_team_win")).toEqual(["2.7000", null]); // +170
    expect(price("G2", "moneyline", "home_team_win")).toEqual(["1.1250", null]); // -800
    expect(price("G1", "spread", "home_team_win")).toBeUndefined();
    const g1 = result.records.find((r) => r.gameId === "G1")!;
    expect(g1).toMatchObject({
      oddsId: "sbr:G1:moneyline:home_team_win",
      bookmaker: "SBR",
      lastUpdate: null,
      isPregame: true,
      externalId: "nba odds 2018-19.csv:2018-10-16:501-502",
    });
  });

  it("resolves a neutral-site pair against the known game's home side", () => {
    expect(price("G4", "moneyline", "home_team_win")).toEqual(["2.3000", null]); // Washington +130
    expect(price("G4", "moneyline", "away_team_win")).toEqual(["1.6667", null]); // New York -150
  });

  it("reports the unknown team instead of guessing", () => {
    expect(result.unmatched).toEqual([
      {
        source: "sbr",
        externalId: "nba odds 2018-19.csv:2018-10-18:509-510",
        description: "Seattle @ Boston 2018-10-18",
        reason: "unknown team name: Seattle",
      },
    ]);
  });

  it("writes spread and total rows at an explicitly assumed -110", () => {
    const assumed = importSbrCsv(NBA_CSV, mapping, nbaGames, { season, assumedLinePrice: -110 });
    const rows = assumed.records.filter((r) => r.gameId === "G4" && r.marketName !== "moneyline");
    expect(rows.map((r) => [r.marketName, r.outcomeName, r.line?.toString(), r.price.toFixed(4)])).toEqual([
      // SBR: New York (second row) favoured by 3.5; New York is the away side of G4.
      ["spread", "home_team_win", "3.5", "1.9091"],
      ["spread", "away_team_win", "-3.5", "1.9091"],
      ["total", "over", "223", "1.9091"],
      ["total", "under", "223", "1.9091"],
    ]);
  });

  it("reimports with the same odds_ids (a rerun updates, not duplicates)", () => {
    const again = importSbrCsv(NBA_CSV, mapping, nbaGames, { season, fileName: "nba odds 2018-19.csv" });
    expect(again.records.map((r) => r.oddsId)).toEqual(result.records.map((r) => r.oddsId));
    expect(new Set(result.records.map((r) => r.oddsId)).size).toBe(result.records.length);
  });
});

describe("SBR archive import (NHL moneyline layout)", () => {
  it("reads moneylines from Close and puck line / total prices from the unnamed columns", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "sbr-"));
    const file = path.join(dir, "nhl odds 2019-20.csv");
    writeFileSync(file, NHL_CSV);
    const result = await importSbrFile(file, mapping, [game("N1", "2019-10-03", "MTL", "TOR")], {
      season: { startYear: 2019 },
    });
    expect(result.layout).toBe("moneyline");
    const rows = result.records.map((r) => [
      r.marketName,
      r.outcomeName,
      r.line?.toString() ?? null,
      r.price.toFixed(4),
    ]);
    expect(rows).toEqual([
      ["moneyline", "home_team_win", null, "1.5882"], // -170
      ["moneyline", "away_team_win", null, "2.5000"], // +150
      ["spread", "home_team_win", "-1.5", "2.7000"], // +170
      ["spread", "away_team_win", "1.5", "1.5000"], // -200
      ["total", "over", "5.5", "1.9524"], // -105
      ["total", "under", "5.5", "1.8696"], // -115
    ]);
  });
});

describe("SBR archive validation", () => {
  it("names the file, line and column of a bad cell", () => {
    const bad = NBA_CSV.replace(
      "1016,502,H,Boston,21,26,30,28,105,5,4.5,-200",
      "1016,502,H,Boston,21,26,30,28,105,5,4.5,abc",
    );
    const error = (() => {
      try {
        parseSbrCsv(bad, season, "nba odds 2018-19.csv");
      } catch (e) {
        return e;
      }
    })() as SourceError;
    expect(error).toBeInstanceOf(SourceError);
    expect(error.message).toBe(
      'sbr: READ nba odds 2018-19.csv: line 3.ML: expected a number, "pk" or "NL", got "abc"',
    );
  });

  it("refuses rows that are not V/H pairs", () => {
    const swapped = NBA_CSV.replace("1016,501,V,", "1016,501,H,");
    expect(() => parseSbrCsv(swapped, season)).toThrow("lines 2-3: expected a V row then an H row, got H/H");
  });
});
