// Two EPL games tomorrow with quotes written through core's price write path, for the screener's
// CLI and GraphQL tests: on G1 Bet365 lags Pinnacle and a quote is three hours old; G1 and G2 are
// arbitrage sets across Bet365 and Pinnacle.
import { calendarDayIn, recordPrices, upsertGames } from "@edgeline/core";
import { Decimal } from "decimal.js";
import type pg from "pg";

const now = Date.now();
const start = new Date(Math.ceil((now + 24 * 3_600_000) / 3_600_000) * 3_600_000);
const day = calendarDayIn(start, "Europe/London");
const gameId = (away: string, home: string) => `EPL_${day.replaceAll("-", "")}_${away}_${home}`;
export const G1 = gameId("CHE", "ARS");
export const G2 = gameId("LIV", "MCI");
const minutesAgo = (m: number) => new Date(now - m * 60_000);

function quote(
  game: string,
  bookmaker: string,
  outcome: "home_team_win" | "draw" | "away_team_win",
  price: number,
  at: Date,
) {
  return {
    record: {
      oddsId: `${bookmaker.toLowerCase().replace(/\W/g, "")}_${game}_moneyline_${outcome}`,
      gameId: game,
      bookmaker,
      marketName: "moneyline" as const,
      outcomeName: outcome,
      price: new Decimal(price),
      line: null,
      lastUpdate: at,
      isPregame: true,
      externalId: null,
    },
    source: "test",
  };
}

const game = (id: string, home: string, away: string) => ({
  gameId: id,
  sport: "EPL",
  gameDate: day,
  season: 2026,
  status: "Scheduled" as const,
  homeTeamId: home,
  homeTeamName: home,
  awayTeamId: away,
  awayTeamName: away,
  homeScore: null,
  awayScore: null,
  commenceTime: start,
  venue: null,
});

export async function seedScreen(pool: pg.Pool): Promise<void> {
  await upsertGames(pool, [game(G1, "ARS", "CHE"), game(G2, "MCI", "LIV")]);
  await recordPrices(
    pool,
    [
      // G1: Pinnacle 2.00/3.60/4.00 de-vigs home to 0.5/1.02778 = 48.65%; Bet365's 2.25 lags it (+9.46%).
      quote(G1, "Pinnacle", "home_team_win", 2.0, minutesAgo(10)),
      quote(G1, "Pinnacle", "draw", 3.6, minutesAgo(10)),
      quote(G1, "Pinnacle", "away_team_win", 4.0, minutesAgo(10)),
      quote(G1, "Bet365", "home_team_win", 2.25, minutesAgo(20)),
      // Three hours old: past --max-age 60, never used (it would be the best price).
      quote(G1, "William Hill", "home_team_win", 3.0, minutesAgo(180)),
      // G2: Bet365's home 2.30 with Pinnacle's draw 3.80 and away 3.90 sum to 95.44%.
      quote(G2, "Pinnacle", "home_team_win", 2.0, minutesAgo(5)),
      quote(G2, "Pinnacle", "draw", 3.8, minutesAgo(5)),
      quote(G2, "Pinnacle", "away_team_win", 3.9, minutesAgo(5)),
      quote(G2, "Bet365", "home_team_win", 2.3, minutesAgo(5)),
      quote(G2, "Bet365", "draw", 3.3, minutesAgo(5)),
      quote(G2, "Bet365", "away_team_win", 3.0, minutesAgo(5)),
    ],
    new Date(now),
  );
}
