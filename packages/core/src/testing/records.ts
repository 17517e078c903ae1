// Records the execution tests write directly (a scheduled game, a moneyline quote), so that each
// test controls stakes and prices to the cent.
import { type GameRecord, type OddsRecord, oddsId } from "@edgeline/sdk";
import { Decimal } from "decimal.js";

/** A scheduled game with placeholder teams `<id>_H` / `<id>_A`. */
export function testGame(
  id: string,
  over: Partial<GameRecord> & Pick<GameRecord, "sport" | "gameDate" | "season" | "commenceTime">,
): GameRecord {
  return {
    gameId: id,
    status: "Scheduled",
    homeTeamId: `${id}_H`,
    homeTeamName: `${id} home`,
    awayTeamId: `${id}_A`,
    awayTeamName: `${id} away`,
    homeScore: null,
    awayScore: null,
    venue: null,
    ...over,
  };
}

export type TestSide = "home" | "away";
const OUTCOME = { home: "home_team_win", away: "away_team_win" } as const;

/** The game_odds id of a book's moneyline on one side. */
export const testMarketOf = (gameId: string, book: string, side: TestSide) =>
  oddsId({ bookmakerKey: book.toLowerCase(), gameId, marketName: "moneyline", outcomeName: OUTCOME[side] });

/** A pre-game moneyline quote of `book`, quoted at `at` (`externalId`: the venue's market id). */
export function testQuote(
  gameId: string,
  book: string,
  side: TestSide,
  price: string,
  at: Date,
  externalId: string | null = null,
): OddsRecord {
  return {
    oddsId: testMarketOf(gameId, book, side),
    gameId,
    bookmaker: book,
    marketName: "moneyline",
    outcomeName: OUTCOME[side],
    price: new Decimal(price),
    line: null,
    lastUpdate: at,
    isPregame: true,
    externalId,
  };
}
