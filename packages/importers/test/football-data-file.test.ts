import { createEntityIndex } from "@edgeline/sdk";
import { EPL_TEAMS } from "@edgeline/sport-generic";
import { describe, expect, it } from "vitest";
import { type ImportResult, parseFootballDataFile } from "../src/index.ts";
import { hasShared, quoteRows, sharedPath } from "./shared-files.ts";

const FILE = ["datasets", "football-data", "E0-2023-24.csv"] as const;

describe.skipIf(!hasShared(...FILE))("football-data.co.uk: Premier League 2023-24 (../shared)", async () => {
  const result: ImportResult = hasShared(...FILE)
    ? await parseFootballDataFile(sharedPath(...FILE), {
        sport: "EPL",
        entities: createEntityIndex(EPL_TEAMS),
      })
    : (undefined as never);
  const game = (id: string) => result.games.find((g) => g.game.gameId === id)!;
  const prices = (id: string, source: string) =>
    quoteRows(result, id).filter(
      (_, i) => result.quotes.filter((q) => q.gameId === id)[i]!.source === source,
    );

  it("reads all 380 games of 20 clubs, every name mapped, nothing skipped", () => {
    expect(result.games).toHaveLength(380);
    expect(result.skipped).toEqual({ games: 0, priceGroups: 0 });
    expect(result.problems).toEqual([]);
    expect(new Set(result.games.map((g) => g.game.homeTeamId)).size).toBe(20);
    expect(new Set(result.games.map((g) => g.game.gameId)).size).toBe(380);
    expect(result.games.every((g) => g.game.status === "Final" && g.game.season === 2023)).toBe(true);
    expect(result.ignoredColumns).toEqual([
      "Referee",
      "HS",
      "AS",
      "HST",
      "AST",
      "HF",
      "AF",
      "HC",
      "AC",
      "HY",
      "AY",
      "HR",
      "AR",
    ]);
  });

  it("keeps each book and the market max/average as sources of their own, opening and closing", () => {
    const sources = new Set(result.quotes.map((q) => q.source));
    expect([...sources].sort()).toEqual([
      "bet365",
      "bwin",
      "interwetten",
      "market-avg",
      "market-max",
      "pinnacle",
      "vc-bet",
      "william-hill",
    ]);
    // Pinnacle: 1X2, total and handicap, opening and closing, in every game.
    const pinnacle = result.quotes.filter((q) => q.source === "pinnacle");
    expect(pinnacle.filter((q) => q.market === "moneyline")).toHaveLength(380 * 6);
    expect(pinnacle.filter((q) => q.market === "spread")).toHaveLength(380 * 4);
  });

  it("spot-checks Man United v Nott'm Forest (26 August 2023): result, kick-off in BST, every Pinnacle price", () => {
    const g = game("EPL_20230826_NFO_MAN");
    expect(g.game).toMatchObject({
      homeTeamName: "Manchester United",
      awayTeamName: "Nottingham Forest",
      homeScore: 3,
      awayScore: 2,
    });
    expect(g.halfTime).toEqual({ home: 1, away: 2 });
    expect(g.game.commenceTime.toISOString()).toBe("2023-08-26T14:00:00.000Z"); // 15:00 BST
    expect(prices(g.game.gameId, "pinnacle")).toEqual([
      ["opening", "moneyline", "home_team_win", "-", "1.3200"],
      ["opening", "moneyline", "draw", "-", "5.9800"],
      ["opening", "moneyline", "away_team_win", "-", "9.1100"],
      ["opening", "total", "over", "2.5", "1.5300"],
      ["opening", "total", "under", "2.5", "2.6100"],
      ["opening", "spread", "home_team_win", "-1.5", "1.9000"],
      ["opening", "spread", "away_team_win", "1.5", "2.0100"],
      ["closing", "moneyline", "home_team_win", "-", "1.3800"],
      ["closing", "moneyline", "draw", "-", "5.3000"],
      ["closing", "moneyline", "away_team_win", "-", "8.5100"],
      ["closing", "total", "over", "2.5", "1.5900"],
      ["closing", "total", "under", "2.5", "2.4800"],
      ["closing", "spread", "home_team_win", "-1.5", "2.0600"],
      ["closing", "spread", "away_team_win", "1.5", "1.8800"],
    ]);
    const times = result.quotes
      .filter((q) => q.gameId === g.game.gameId)
      .map((q) => `${q.phase} ${q.quotedAt.toISOString()}`);
    // Saturday game: opening prices collected on Friday afternoon (12:00 BST), closing at kick-off.
    expect(new Set(times)).toEqual(
      new Set(["opening 2023-08-25T11:00:00.000Z", "closing 2023-08-26T14:00:00.000Z"]),
    );
    expect(
      prices(g.game.gameId, "market-max").filter((q) => q[0] === "closing" && q[1] === "moneyline"),
    ).toEqual([
      ["closing", "moneyline", "home_team_win", "-", "1.4100"],
      ["closing", "moneyline", "draw", "-", expect.any(String)],
      ["closing", "moneyline", "away_team_win", "-", expect.any(String)],
    ]);
  });

  it("converts UK kick-offs to UTC across the end and start of summer time", () => {
    const at = (id: string) => game(id).game.commenceTime.toISOString();
    expect(at("EPL_20231028_NEW_WOL")).toBe("2023-10-28T16:30:00.000Z"); // Sat 17:30 BST
    expect(at("EPL_20231029_LUT_AVL")).toBe("2023-10-29T14:00:00.000Z"); // Sun 14:00 GMT
    expect(at("EPL_20240331_ARS_MNC")).toBe("2024-03-31T15:30:00.000Z"); // Sun 16:30 BST
    // The closing Asian handicap moved from +0.75 to +0.5 for Wolves.
    expect(
      prices("EPL_20231028_NEW_WOL", "pinnacle").filter((q) => q[0] === "closing" && q[1] === "spread"),
    ).toEqual([
      ["closing", "spread", "home_team_win", "0.5", "1.9900"],
      ["closing", "spread", "away_team_win", "-0.5", "1.9300"],
    ]);
  });

  it("dates midweek opening prices on Tuesday, never later than an hour before kick-off", () => {
    const opening = (id: string) =>
      result.quotes.find((q) => q.gameId === id && q.phase === "opening")!.quotedAt.toISOString();
    expect(opening("EPL_20231226_AVL_MAN")).toBe("2023-12-26T12:00:00.000Z"); // Tue 20:00: Tuesday 12:00
    expect(opening("EPL_20231226_NFO_NEW")).toBe("2023-12-26T11:30:00.000Z"); // Tue 12:30: kick-off − 1 h
    for (const q of result.quotes) {
      const g = game(q.gameId).game;
      expect(q.quotedAt <= g.commenceTime).toBe(true);
    }
  });
});
