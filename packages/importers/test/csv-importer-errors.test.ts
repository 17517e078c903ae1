import { createEntityIndex } from "@edgeline/sdk";
import { EPL_TEAMS } from "@edgeline/sport-generic";
import { NHL_TEAMS } from "@edgeline/sport-nhl";
import { describe, expect, it } from "vitest";
import {
  formatProblem,
  type ImportError,
  parseFiveThirtyEightCsv,
  parseFootballDataCsv,
  parsePlainCsv,
} from "../src/index.ts";

const epl = createEntityIndex(EPL_TEAMS);
const nhl = createEntityIndex(NHL_TEAMS);
const thrown = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e as ImportError;
  }
  throw new Error("expected an ImportError");
};

const FD_HEADER =
  "Div,Date,Time,HomeTeam,AwayTeam,FTHG,FTAG,FTR,HTHG,HTAG,HTR,PSH,PSD,PSA,PSCH,PSCD,PSCA,P>2.5,P<2.5,AHh,PAHH,PAHA";
const fd = (...rows: string[]) => [FD_HEADER, ...rows].join("\r\n");

describe("football-data.co.uk files written by the test", () => {
  it("reads a good row: results, Pinnacle 1X2, total and handicap", () => {
    const r = parseFootballDataCsv(
      fd("E0,16/12/2023,15:00,Man City,Crystal Palace,2,2,D,1,0,H,1.15,9.5,19,1.2,8,15,1.4,3,-2.5,1.95,1.95"),
      {
        sport: "EPL",
        entities: epl,
        fileName: "E0.csv",
      },
    );
    expect(r.games[0]!.game).toMatchObject({ gameId: "EPL_20231216_CRY_MNC", homeScore: 2, awayScore: 2 });
    expect(r.games[0]!.game.commenceTime.toISOString()).toBe("2023-12-16T15:00:00.000Z"); // GMT in December
    expect(r.quotes.map((q) => `${q.phase} ${q.market} ${q.outcome} ${q.line ?? "-"} ${q.price}`)).toEqual([
      "opening moneyline home_team_win - 1.15",
      "opening moneyline draw - 9.5",
      "opening moneyline away_team_win - 19",
      "closing moneyline home_team_win - 1.2",
      "closing moneyline draw - 8",
      "closing moneyline away_team_win - 15",
      "opening total over 2.5 1.4",
      "opening total under 2.5 3",
      "opening spread home_team_win -2.5 1.95",
      "opening spread away_team_win 2.5 1.95",
    ]);
  });

  it("refuses bad rows naming line, column and value; skips and counts them on request", () => {
    const text = fd(
      "E0,16/12/2023,15:00,Man City,Crystal Palace,2,2,H,1,0,H,1.15,9.5,19,1.2,8,15,1.4,3,-2.5,1.95,1.95",
      "E0,31/02/2024,15:00,Arsenal,Luton,2,0,H,1,0,H,1.15,9.5,19,1.2,8,15,1.4,3,-2.5,1.95,1.95",
      "E0,17/12/2023,14:00,Arsenal,Brighton,2,0,H,1,0,H,1.15,abc,19,1.2,8,15,1.4,,-2.5,1.95,1.95",
      "E0,18/12/2023,20:00,Chelsea,Fulham,1,0,H,0,0,D,1.5,1.5,1.5,1.2,8,15,1.9,1.9,,1.95,1.95",
    );
    const error = thrown(() =>
      parseFootballDataCsv(text, { sport: "EPL", entities: epl, fileName: "E0.csv" }),
    );
    expect(error.problems.map(formatProblem)).toEqual([
      'E0.csv, row 2, column FTR, value "H": result H contradicts the score 2-2',
      'E0.csv, row 3, column Date, value "31/02/2024": not a calendar day',
      'E0.csv, row 4, column PSD, value "abc": expected decimal odds above 1',
      'E0.csv, row 4, column P>2.5, value "1.4": incomplete market: P<2.5 empty',
      'E0.csv, row 5, column PSH, value "1.5/1.5/1.5": impossible prices: implied probabilities sum to 2.000, outside 0.97-1.25',
      'E0.csv, row 5, column AHh, value "": Asian handicap prices without a valid home line (PAHH)',
    ]);
    const r = parseFootballDataCsv(text, {
      sport: "EPL",
      entities: epl,
      fileName: "E0.csv",
      skipBadRows: true,
    });
    expect(r.skipped).toEqual({ games: 2, priceGroups: 4 });
    expect(r.games.map((g) => g.game.gameId)).toEqual(["EPL_20231217_BHA_ARS", "EPL_20231218_FUL_CHE"]);
    expect(
      new Set(
        r.quotes.filter((q) => q.gameId === "EPL_20231217_BHA_ARS").map((q) => `${q.phase} ${q.market}`),
      ),
    ).toEqual(new Set(["closing moneyline", "opening spread"]));
  });

  it("fails on unknown clubs, listing every one with its rows", () => {
    const text = fd(
      "E0,16/12/2023,15:00,Man Utd,Crystal Palace,2,2,D,1,0,H,,,,,,,,,,,",
      "E0,23/12/2023,15:00,Crystal Palace,Man Utd,2,2,D,1,0,H,,,,,,,,,,,",
      "E0,26/12/2023,15:00,Spurs,Luton,2,2,D,1,0,H,,,,,,,,,,,",
    );
    const error = thrown(() =>
      parseFootballDataCsv(text, { sport: "EPL", entities: epl, fileName: "E0.csv", skipBadRows: true }),
    );
    expect(error.message.split("\n")[0]).toBe('E0.csv: unknown team names: "Man Utd", "Spurs"');
    expect(error.problems.map((p) => p.message.split(";")[0])).toEqual([
      'unknown team name "Man Utd" (rows 2, 3)',
      'unknown team name "Spurs" (rows 4)',
    ]);
  });

  it("refuses a file that is not in the layout, or names one price twice", () => {
    expect(thrown(() => parsePlainFootball("Date,Home,Away\n01/01/2024,A,B")).message).toMatch(
      /no HomeTeam column/,
    );
    expect(thrown(() => parsePlainFootball(`${FD_HEADER},PH\n`)).message).toMatch(
      /columns claim the same price: PSH and PH/,
    );
  });
});

function parsePlainFootball(text: string) {
  return parseFootballDataCsv(text, { sport: "EPL", entities: epl, fileName: "x.csv" });
}

describe("FiveThirtyEight files written by the test", () => {
  const header =
    "season,date,playoff,neutral,status,ot,home_team,away_team,home_team_abbr,away_team_abbr,home_team_pregame_rating,away_team_pregame_rating,home_team_winprob,away_team_winprob,overtime_prob,home_team_score,away_team_score";
  it("names the line, column and value of a bad probability, score or flag", () => {
    const text = [
      header,
      "2023,2022-10-07,0,1,post,,Nashville Predators,San Jose Sharks,NSH,SJS,1506.2,1450.2,1.2,0.42,0.23,4,1",
      "2023,2022-10-08,x2,0,post,,San Jose Sharks,Nashville Predators,SJS,NSH,1446.4,1510.0,0.40,0.59,0.23,2,",
      "2023,2022-10-11,0,0,post,OT,Vegas Golden Knights,Los Angeles Kings,VEG,LAK,1500,1500,0.5,0.5,0.23,4,3",
    ].join("\n");
    const error = thrown(() =>
      parseFiveThirtyEightCsv(text, { sport: "NHL", entities: nhl, fileName: "nhl_elo.csv" }),
    );
    expect(error.problems.map(formatProblem)).toEqual([
      'nhl_elo.csv, row 2, column home_team_winprob, value "1.2": expected a probability between 0 and 1',
      'nhl_elo.csv, row 3, column playoff, value "x2": expected 0/1 (538\'s playoff round letters count as 1)',
    ]);
    const r = parseFiveThirtyEightCsv(text, {
      sport: "NHL",
      entities: nhl,
      fileName: "nhl_elo.csv",
      skipBadRows: true,
    });
    expect(r.skipped.games).toBe(2);
    expect(r.games.map((g) => [g.game.gameId, g.extraTime])).toEqual([["NHL_20221011_LAK_VGK", true]]);
  });
});

describe("the plain layout", () => {
  const text = [
    "date,time,season,home,away,home_score,away_score,neutral,source,home_price,draw_price,away_price,spread,spread_home_price,spread_away_price,total,over_price,under_price,open_home_price,open_away_price",
    "2024-01-20,19:00,2023,BOS,LAK,3,2,0,pinnacle,1.8,,2.1,-1.5,2.6,1.55,6.5,,,1.85,2.05",
    "2024-01-21,,2023,Montreal Canadiens,TOR,,,1,,1.7,,2.3,,,,,,,,",
  ].join("\n");

  it("reads games, optional scores, decimal prices, lines without prices, and opening prices 24 h before", () => {
    const r = parsePlainCsv(text, {
      sport: "NHL",
      entities: nhl,
      fileName: "games.csv",
      timeZone: "America/New_York",
    });
    expect(
      r.games.map((g) => [
        g.game.gameId,
        g.game.status,
        g.startTime,
        g.neutral,
        g.game.commenceTime.toISOString(),
      ]),
    ).toEqual([
      ["NHL_20240120_LAK_BOS", "Final", "exact", false, "2024-01-21T00:00:00.000Z"],
      ["NHL_20240121_TOR_MTL", "Scheduled", "nominal", true, "2024-01-22T00:00:00.000Z"],
    ]);
    expect(
      r.quotes
        .filter((q) => q.gameId === "NHL_20240120_LAK_BOS")
        .map(
          (q) =>
            `${q.source} ${q.phase} ${q.market} ${q.outcome} ${q.line ?? "-"} ${q.price ?? "none"} ${q.quotedAt.toISOString()}`,
        ),
    ).toEqual([
      "pinnacle closing moneyline home_team_win - 1.8 2024-01-21T00:00:00.000Z",
      "pinnacle closing moneyline away_team_win - 2.1 2024-01-21T00:00:00.000Z",
      "pinnacle closing spread home_team_win -1.5 2.6 2024-01-21T00:00:00.000Z",
      "pinnacle closing spread away_team_win 1.5 1.55 2024-01-21T00:00:00.000Z",
      "pinnacle closing total over 6.5 none 2024-01-21T00:00:00.000Z",
      "pinnacle closing total under 6.5 none 2024-01-21T00:00:00.000Z",
      "pinnacle opening moneyline home_team_win - 1.85 2024-01-20T00:00:00.000Z",
      "pinnacle opening moneyline away_team_win - 2.05 2024-01-20T00:00:00.000Z",
    ]);
    expect(r.quotes.filter((q) => q.gameId === "NHL_20240121_TOR_MTL").map((q) => q.source)).toEqual([
      "plain",
      "plain",
    ]);
  });

  it("refuses unknown columns and reports bad cells", () => {
    expect(
      thrown(() =>
        parsePlainCsv("date,home,away,hme_score\n", { sport: "NHL", entities: nhl, fileName: "g.csv" }),
      ).message,
    ).toMatch(/unknown columns hme_score; the plain layout has date, time/);
    const bad =
      "date,home,away,home_score,away_score,home_price,away_price\n2024-01-20,BOS,LAK,3,,0.9,2\n2024-01-20,BOS,XYZ,,,,";
    const error = thrown(() => parsePlainCsv(bad, { sport: "NHL", entities: nhl, fileName: "g.csv" }));
    expect(error.problems.map(formatProblem)).toEqual([
      'g.csv, row 3, column home/away, value "XYZ": unknown team name "XYZ" (rows 3); add it to the sport\'s entity catalog under codes["plain"]',
    ]);
    const named = "date,home,away,home_score,away_score,home_price,away_price\n2024-01-20,BOS,LAK,3,,0.9,2";
    expect(
      thrown(() => parsePlainCsv(named, { sport: "NHL", entities: nhl, fileName: "g.csv" })).problems.map(
        formatProblem,
      ),
    ).toEqual(['g.csv, row 2, column home_score, value "3": give both scores or neither']);
  });
});
