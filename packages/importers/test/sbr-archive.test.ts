import { createEntityIndex } from "@edgeline/sdk";
import { NBA_TEAMS } from "@edgeline/sport-nba";
import { NHL_TEAMS } from "@edgeline/sport-nhl";
import { beforeAll, describe, expect, it } from "vitest";
import { ImportError, type ImportResult, parseSbrFile } from "../src/index.ts";
import { hasSbr, quoteRows, sbrFile } from "./shared-files.ts";

/**
 * The original SBR archive workbooks, read in place. Games per file are the pairs of rows
 * (counted independently of the parser when the files were checked in, see sbr/README.md):
 * 14,209 NBA games in 11 seasons, 8,798 NHL games in 7.
 */
const NBA_SEASONS: [string, number][] = [
  ["2007-08", 1316],
  ["2008-09", 1315],
  ["2009-10", 1312],
  ["2010-11", 1311],
  ["2011-12", 1074],
  ["2012-13", 1314],
  ["2013-14", 1319],
  ["2014-15", 1311],
  ["2015-16", 1316],
  ["2016-17", 1309],
  ["2017-18", 1312],
];
const NHL_SEASONS: [string, string, number][] = [
  ["nhl odds 2012-13.xlsx", "nhl-ou", 806],
  ["nhl odds 2013-14.xlsx", "nhl-ou", 1322],
  ["nhl odds 2014-15.xlsx", "nhl-pl-text", 1319],
  ["nhl odds 2015-16.xlsx", "nhl-pl-text", 1321],
  ["nhl odds 2016-17 (1).xlsx", "nhl-puck-line", 1317],
  ["nhl odds 2017-18.xlsx", "nhl-puck-line", 1355],
  ["nhl odds 2018-19 (1).xlsx", "nhl-puck-line", 1358],
];

const nba = createEntityIndex(NBA_TEAMS);
const nhl = createEntityIndex(NHL_TEAMS);
const results = new Map<string, ImportResult>();
const get = (name: string) => results.get(name)!;

describe.skipIf(!hasSbr())("SBR archive workbooks (../shared/datasets/sbr)", () => {
  beforeAll(async () => {
    for (const [season] of NBA_SEASONS) {
      const name = `nba odds ${season}.xlsx`;
      results.set(
        name,
        await parseSbrFile(sbrFile("nba", name), {
          sport: "NBA",
          entities: nba,
          skipBadRows: true,
          fileName: name,
        }),
      );
    }
    for (const [name] of NHL_SEASONS) {
      results.set(
        name,
        await parseSbrFile(sbrFile("nhl", name), {
          sport: "NHL",
          entities: nhl,
          skipBadRows: true,
          fileName: name,
        }),
      );
    }
  }, 120_000);

  it("reads every NBA season's games: 14,209 in all, the refused ones counted", () => {
    const counts = NBA_SEASONS.map(([season]) => {
      const r = get(`nba odds ${season}.xlsx`);
      return [season, r.layout, r.games.length + r.skipped.games];
    });
    expect(counts).toEqual(NBA_SEASONS.map(([season, n]) => [season, "nba", n]));
    expect(counts.reduce((n, c) => n + (c[2] as number), 0)).toBe(14_209);
    expect(NBA_SEASONS.map(([s]) => get(`nba odds ${s}.xlsx`).skipped.games)).toEqual([
      1, 1, 2, 0, 0, 3, 0, 0, 0, 0, 0,
    ]);
  });

  it("reads every NHL season's games: 8,798 in all, each revision's layout found by its labels", () => {
    const counts = NHL_SEASONS.map(([name]) => [
      name,
      get(name).layout,
      get(name).games.length + get(name).skipped.games,
    ]);
    expect(counts).toEqual(NHL_SEASONS);
    expect(NHL_SEASONS.reduce((n, [, , c]) => n + c, 0)).toBe(8_798);
    expect(NHL_SEASONS.map(([name]) => get(name).skipped.games)).toEqual([0, 0, 0, 0, 1, 0, 0]);
  });

  it("gives unique, valid game ids and maps every spelling across relocations to one id", () => {
    for (const r of results.values()) {
      expect(new Set(r.games.map((g) => g.game.gameId)).size).toBe(r.games.length);
    }
    const ids = (name: string) =>
      new Set(get(name).games.flatMap((g) => [g.game.homeTeamId, g.game.awayTeamId]));
    // NewJersey (2007-12) and Brooklyn are one franchise; Seattle (2007-08) is the Thunder.
    expect(ids("nba odds 2007-08.xlsx")).toEqual(new Set([...ids("nba odds 2017-18.xlsx")]));
    expect([...ids("nba odds 2007-08.xlsx")].includes("OKC")).toBe(true);
    expect(ids("nba odds 2007-08.xlsx").size).toBe(30);
    // Phoenix (2012-14) and Arizona are the Coyotes; Vegas joins in 2017-18.
    expect(ids("nhl odds 2012-13.xlsx").has("ARI")).toBe(true);
    expect(ids("nhl odds 2017-18.xlsx").size).toBe(31);
    // 2015-16's one-off spellings "LA Clippers" and "Oklahoma City".
    expect(ids("nba odds 2015-16.xlsx").size).toBe(30);
  });

  it("NBA layout: a hand-checked game, every line, and the prices the archive omits left null", () => {
    const r = get("nba odds 2007-08.xlsx");
    // Rows 2-3: Portland 26-23-28-20 = 97 at San Antonio 29-30-22-25 = 106, 30 October 2007.
    const g = r.games.find((x) => x.game.gameId === "NBA_20071030_POR_SAS")!;
    expect(g.game).toMatchObject({
      gameDate: "2007-10-30",
      season: 2007,
      status: "Final",
      awayScore: 97,
      homeScore: 106,
    });
    expect(g.game.commenceTime.toISOString()).toBe("2007-10-30T23:00:00.000Z"); // nominal 19:00 ET
    expect(g).toMatchObject({
      startTime: "nominal",
      neutral: false,
      extraTime: false,
      periods: { away: [26, 23, 28, 20], home: [29, 30, 22, 25] },
    });
    expect(quoteRows(r, g.game.gameId)).toEqual([
      ["closing", "moneyline", "away_team_win", "-", "10.0000"], // +900
      ["closing", "moneyline", "home_team_win", "-", "1.0714"], // -1400
      ["opening", "spread", "home_team_win", "-12.5", "no price"],
      ["opening", "spread", "away_team_win", "12.5", "no price"],
      ["opening", "total", "over", "184", "no price"],
      ["opening", "total", "under", "184", "no price"],
      ["closing", "spread", "home_team_win", "-13", "no price"],
      ["closing", "spread", "away_team_win", "13", "no price"],
      ["closing", "total", "over", "189.5", "no price"],
      ["closing", "total", "under", "189.5", "no price"],
    ]);
    const times = r.quotes
      .filter((q) => q.gameId === g.game.gameId)
      .map((q) => [q.phase, q.quotedAt.toISOString()]);
    expect(new Set(times.map((t) => t.join(" ")))).toEqual(
      new Set(["opening 2007-10-30T14:00:00.000Z", "closing 2007-10-30T23:00:00.000Z"]),
    );
  });

  it("NBA: a neutral site (London, 4 March 2011) keeps the file's nominal sides and says so", () => {
    const r = get("nba odds 2010-11.xlsx");
    const g = r.games.find((x) => x.game.gameId === "NBA_20110304_TOR_BKN")!;
    expect(g).toMatchObject({
      neutral: true,
      game: { awayScore: 103, homeScore: 116, awayTeamName: "Toronto Raptors" },
    });
    // New Jersey's row holds the spread: the nominal home side is favoured by 2.5.
    expect(quoteRows(r, g.game.gameId).filter((q) => q[0] === "closing")).toEqual([
      ["closing", "moneyline", "away_team_win", "-", "2.2500"],
      ["closing", "moneyline", "home_team_win", "-", "1.6897"],
      ["closing", "spread", "home_team_win", "-2.5", "no price"],
      ["closing", "spread", "away_team_win", "2.5", "no price"],
      ["closing", "total", "over", "203.5", "no price"],
      ["closing", "total", "under", "203.5", "no price"],
    ]);
  });

  it("NHL 2012-13 (lockout, from 19 January 2013; Open OU / Close OU): a hand-checked game", () => {
    const r = get("nhl odds 2012-13.xlsx");
    const first = r.games[0]!;
    expect(first.game).toMatchObject({
      gameId: "NHL_20130119_PIT_PHI",
      season: 2012,
      awayScore: 3,
      homeScore: 1,
    });
    expect(first.periods).toEqual({ away: [2, 0, 1], home: [0, 1, 0] });
    expect(quoteRows(r, first.game.gameId)).toEqual([
      ["opening", "moneyline", "away_team_win", "-", "1.8696"], // -115
      ["opening", "moneyline", "home_team_win", "-", "1.9524"], // -105
      ["closing", "moneyline", "away_team_win", "-", "1.9091"], // -110
      ["closing", "moneyline", "home_team_win", "-", "1.9091"],
      ["opening", "total", "over", "6", "1.8000"], // visitor row -125
      ["opening", "total", "under", "6", "2.0500"], // home row +105
      ["closing", "total", "over", "6", "1.7692"], // -130
      ["closing", "total", "under", "6", "2.1000"], // +110
    ]);
    expect(r.games.at(-1)!.game.gameDate).toBe("2013-06-24");
  });

  it("NHL 2014-15 (PL as one text cell): a hand-checked game", () => {
    const r = get("nhl odds 2014-15.xlsx");
    const g = r.games[0]!;
    expect(g.game).toMatchObject({ gameId: "NHL_20141008_MTL_TOR", awayScore: 4, homeScore: 3 });
    expect(quoteRows(r, g.game.gameId)).toEqual([
      ["opening", "moneyline", "away_team_win", "-", "1.9524"],
      ["opening", "moneyline", "home_team_win", "-", "1.8696"],
      ["closing", "moneyline", "away_team_win", "-", "1.9524"],
      ["closing", "moneyline", "home_team_win", "-", "1.8696"],
      ["closing", "spread", "away_team_win", "1.5", "1.3279"], // +1.5(-305)
      ["closing", "spread", "home_team_win", "-1.5", "3.5000"], // -1.5(+250)
      ["opening", "total", "over", "5.5", "2.0600"],
      ["opening", "total", "under", "5.5", "1.7937"],
      ["closing", "total", "over", "5.5", "2.1000"],
      ["closing", "total", "under", "5.5", "1.7692"],
    ]);
  });

  it("NHL 2016-17 (Puck Line, line then price): an overtime game with its regulation goals apart", () => {
    const r = get("nhl odds 2016-17 (1).xlsx");
    const g = r.games[0]!;
    // Toronto 2-2-0 at Ottawa 2-1-1: tied 4-4 after regulation, Ottawa wins 5-4.
    expect(g.game).toMatchObject({ gameId: "NHL_20161012_TOR_OTT", awayScore: 4, homeScore: 5 });
    expect(g).toMatchObject({ extraTime: true, periods: { away: [2, 2, 0], home: [2, 1, 1] } });
    expect(quoteRows(r, g.game.gameId)).toEqual([
      ["opening", "moneyline", "away_team_win", "-", "2.1400"],
      ["opening", "moneyline", "home_team_win", "-", "1.7463"],
      ["closing", "moneyline", "away_team_win", "-", "2.2100"],
      ["closing", "moneyline", "home_team_win", "-", "1.7092"],
      ["closing", "spread", "away_team_win", "1.5", "1.4082"],
      ["closing", "spread", "home_team_win", "-1.5", "3.0500"],
      ["opening", "total", "over", "5.5", "1.9091"],
      ["opening", "total", "under", "5.5", "1.9091"],
      ["closing", "total", "over", "5.5", "2.0500"],
      ["closing", "total", "under", "5.5", "1.8000"],
    ]);
  });

  it("takes the visitor row's total price as the over's: the over wins more often when that price is favoured", () => {
    // The README asks to check before relying on it; every season agrees.
    for (const [name] of NHL_SEASONS) {
      const r = get(name);
      const byGame = new Map(r.games.map((g) => [g.game.gameId, g.game.homeScore! + g.game.awayScore!]));
      const tally = { fav: [0, 0], dog: [0, 0] };
      const closing = r.quotes.filter((q) => q.market === "total" && q.phase === "closing");
      for (let i = 0; i + 1 < closing.length; i += 2) {
        const [over, under] = [closing[i]!, closing[i + 1]!];
        const goals = byGame.get(over.gameId)!;
        if (goals === over.line!.toNumber() || over.price!.eq(under.price!)) continue;
        const side = over.price!.lt(under.price!) ? tally.fav : tally.dog;
        side[0]! += goals > over.line!.toNumber() ? 1 : 0;
        side[1]! += 1;
      }
      expect(tally.fav[0]! / tally.fav[1]!, name).toBeGreaterThan(tally.dog[0]! / tally.dog[1]!);
    }
  });

  it("marks the playoffs by the schedule: every game from the first day both teams are past the regular season", () => {
    const split = (name: string) => {
      const games = get(name).games;
      const first = games.find((g) => g.playoff)!;
      return [
        games.filter((g) => g.playoff === false).length,
        games.filter((g) => g.playoff).length,
        first.game.gameDate,
      ];
    };
    // Regular-season games read (a skipped bad row or a cancelled game is missing) and the playoffs
    // as the leagues played them: NBA 2008 86 games from 19 April, the lockout's 84, NHL 2014 93.
    expect(split("nba odds 2007-08.xlsx")).toEqual([1229, 86, "2008-04-19"]);
    expect(split("nba odds 2011-12.xlsx")).toEqual([990, 84, "2012-04-28"]);
    expect(split("nba odds 2012-13.xlsx")).toEqual([1226, 85, "2013-04-20"]); // Boston-Indiana cancelled
    expect(split("nhl odds 2012-13.xlsx")).toEqual([720, 86, "2013-04-30"]);
    expect(split("nhl odds 2013-14.xlsx")).toEqual([1229, 93, "2014-04-16"]);
    expect(split("nhl odds 2016-17 (1).xlsx")).toEqual([1229, 87, "2017-04-12"]); // one game refused
    expect(split("nhl odds 2018-19 (1).xlsx")).toEqual([1271, 87, "2019-04-10"]);
    for (const r of results.values()) expect(r.games.every((g) => g.playoff !== null)).toBe(true);
  });

  it("wraps December to January once: 2011-12 starts on Christmas Day", () => {
    const days = get("nba odds 2011-12.xlsx").games.map((g) => g.game.gameDate);
    expect(days[0]).toBe("2011-12-25");
    expect(days.at(-1)).toBe("2012-06-21");
    expect(days.every((d, i) => i === 0 || d >= days[i - 1]!)).toBe(true);
  });

  it("reports each trap of the real files with its row, column and value, and what was dropped", () => {
    const traps = (name: string) =>
      get(name).problems.map((p) => `${p.severity} ${p.drops} ${p.row} ${p.column} ${p.value}`);
    expect(traps("nba odds 2007-08.xlsx")).toEqual([
      // Periods shifted one cell right in two games: repaired by the stated rule, opening line lost.
      "warning nothing 496 Final (I496) 21",
      "warning nothing 497 Final (I497) 30",
      "warning nothing 498 Final (I498) 27",
      "warning nothing 499 Final (I499) 22",
      "error game 733 Final (I733) 102", // Indiana's quarters add up to 92
      "error prices 1976 Open (J1976) 197.5u10",
      "error prices 2194 ML (L2194) -200/240", // implied sum 0.961
      "error prices 2518 Open (J2518) 505/180",
      "error prices 2520 Open (J2520) 195/605",
    ]);
    expect(traps("nba odds 2008-09.xlsx")).toEqual([
      "error game 1030 2nd (F1030) -42", // negative quarter scores
      "error game 1031 2nd (F1031) -54",
      "warning nothing 1079 Date (A1079) 110", // the pair's rows carry 109 and 110
    ]);
    expect(traps("nba odds 2010-11.xlsx").filter((t) => !t.includes("Open ("))).toEqual([
      "warning nothing 1397 Date (A1397) 130",
      "error prices 1434 ML (L1434) -650/-650",
    ]);
    expect(traps("nba odds 2012-13.xlsx").filter((t) => t.includes(" game "))).toEqual([
      "error game 405 Final (I405) 98",
      "error game 514 Final (I514) 92",
      "error game 836 Final (I836) 95", // tied 95-95 with no overtime
      "error game 837 Final (I837) 95",
    ]);
    expect(traps("nba odds 2009-10.xlsx")[0]).toBe("error prices 144 ML (L144) -7.5"); // under 100
    expect(traps("nhl odds 2014-15.xlsx")).toEqual(["error prices 1646 Open (I1646) 100/-320"]);
    expect(traps("nhl odds 2016-17 (1).xlsx")).toEqual([
      "error prices 312 Puck Line (K312) 225/290", // two plus prices
      "error game 861 Final (H861) 0", // Montreal's periods say one goal, its final none
    ]);
    for (const name of ["nba odds 2016-17.xlsx", "nhl odds 2018-19 (1).xlsx"])
      expect(traps(name)).toEqual([]);
  });

  it("keeps the game and drops only its prices when a price cell is bad", () => {
    const r = get("nba odds 2010-11.xlsx");
    // Row 1434: Toronto at Atlanta, both -650: no moneyline, the lines stay.
    const g = r.games.find((x) => x.origin.rows[0] === 1434)!;
    expect(g.game.gameId).toBe("NBA_20110202_TOR_ATL");
    expect(quoteRows(r, g.game.gameId).map((q) => q[1])).not.toContain("moneyline");
    expect(quoteRows(r, g.game.gameId).map((q) => q[1])).toContain("spread");
  });

  it("refuses a real file with bad cells unless bad rows are skipped", async () => {
    const error = await parseSbrFile(sbrFile("nhl", "nhl odds 2014-15.xlsx"), {
      sport: "NHL",
      entities: nhl,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).message).toMatch(/nhl odds 2014-15.xlsx: 1 bad cell; nothing imported/);
    expect((error as ImportError).message).toMatch(
      /row 1646, column Open \(I1646\), value "100\/-320": impossible moneyline pair/,
    );
  });
});
