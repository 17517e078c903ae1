// The NFL's and the Premier League's teams, slates and scoring in the demo. Team codes are the
// ESPN abbreviations the plugins use as ids; full names are The Odds API's spellings.
import { decidedScore, demoTeams } from "@edgeline/sdk";
import type { EspnDemoLeague } from "./espn-demo.ts";

export const NFL_DEMO: EspnDemoLeague = {
  uid: { sport: 20, league: 28 },
  periods: 4,
  league: {
    teams: demoTeams(`
      BUF  2 Buffalo / Bills
      MIA 15 Miami / Dolphins
      NE  17 New England / Patriots
      NYJ 20 New York / Jets
      BAL 33 Baltimore / Ravens
      CIN  4 Cincinnati / Bengals
      KC  12 Kansas City / Chiefs
      DEN  7 Denver / Broncos
      DAL  6 Dallas / Cowboys
      PHI 21 Philadelphia / Eagles
      GB   9 Green Bay / Packers
      DET  8 Detroit / Lions
      SF  25 San Francisco / 49ers
      SEA 26 Seattle / Seahawks
      TB  27 Tampa Bay / Buccaneers
      JAX 30 Jacksonville / Jaguars kalshi=JAC
    `),
    homeAdvantage: 55,
    drawRate: 0,
    // Thursday and Monday night (next UTC day), Sunday afternoon.
    slate: (weekday) =>
      weekday === 0
        ? {
            games: 6,
            starts: [
              [0, "18:00"],
              [0, "21:25"],
            ],
          }
        : weekday === 4 || weekday === 1
          ? { games: 1, starts: [[1, "01:15"]] }
          : { games: 0, starts: [] },
    score(winner, r) {
      const w = 17 + (r % 22);
      return decidedScore(winner, w, Math.max(0, w - 1 - (r % 17)));
    },
    // The spread follows the win probability (about 14 points per 50 percentage points); totals near 44.5.
    lines: (game) => ({ spread: -Math.round((game.pHome - 0.5) * 28 * 2) / 2 || -0.5, total: 44.5 }),
  },
};

export const EPL_DEMO: EspnDemoLeague = {
  uid: { sport: 600, league: 700 },
  periods: 2,
  league: {
    teams: demoTeams(`
      ARS 359 Arsenal
      AVL 362 Aston Villa
      CHE 363 Chelsea
      EVE 368 Everton
      LIV 364 Liverpool
      MNC 382 Manchester City
      MAN 360 Manchester United
      NEW 361 Newcastle United
      TOT 367 Tottenham Hotspur
      WHU 371 West Ham United
    `),
    homeAdvantage: 60,
    drawRate: 0.26,
    slate: (weekday) =>
      weekday === 6
        ? {
            games: 4,
            starts: [
              [0, "12:30"],
              [0, "15:00"],
            ],
          }
        : weekday === 0
          ? { games: 1, starts: [[0, "16:30"]] }
          : { games: 0, starts: [] },
    score(winner, r) {
      const w = 1 + (r % 3);
      return decidedScore(winner, w, r % w);
    },
    lines: () => ({ total: 2.5 }),
  },
};
