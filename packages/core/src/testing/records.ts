// Records the execution tests write directly (a scheduled game, a moneyline quote), so that each
// test controls stakes and prices to the cent.
import {
  CORE_VERSION,
  defineSport,
  type GameRecord,
  type OddsRecord,
  oddsId,
  type SportPlugin,
} from "@edgeline/sdk";
import { Decimal } from "decimal.js";
import type { RecommendationInput } from "../repositories/recommendations.ts";

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

/**
 * An active moneyline recommendation on `book`'s price with a 0.5 probability (so its edge is
 * 0.5 × price − 1) and an expected value of a tenth of the stake; `at` says when it was made,
 * on a quote of when, and when it expires.
 */
export function testRecommendation(
  rec: { sport: string; gameId: string; side: TestSide; book: string; price: string; stake: Decimal.Value },
  at: { generatedAt: Date; quotedAt: Date; expiresAt: Date },
  over: Partial<RecommendationInput> = {},
): RecommendationInput {
  const p = new Decimal(rec.price);
  const stake = new Decimal(rec.stake);
  return {
    sport: rec.sport,
    gameId: rec.gameId,
    marketId: testMarketOf(rec.gameId, rec.book, rec.side),
    recommendationType: "moneyline",
    side: rec.side,
    confidence: new Decimal("0.5"),
    edge: new Decimal("0.5").times(p).minus(1),
    recommendedStake: stake,
    expectedValue: stake.times("0.1"),
    bookmaker: rec.book,
    price: p,
    line: null,
    quoteId: null,
    contracts: null,
    ...at,
    ...over,
  };
}

/**
 * A sport the pipeline tests write their own games for: no upstream, no entity catalog, 538's NHL
 * Elo, a 2-way moneyline in UTC days, and the given thresholds unless others are asked for.
 */
export function testSport(
  code: string,
  name: string,
  over: Partial<Omit<SportPlugin, "kind" | "code" | "name">> = {},
): SportPlugin {
  return defineSport({
    code,
    name,
    coreVersion: `^${CORE_VERSION}`,
    model: { elo: "fivethirtyeight-nhl" },
    timeZone: "UTC",
    markets: [{ type: "moneyline", ways: 2 }],
    entityKind: "team",
    entities: [],
    fetchGames: async () => [],
    recommendation: { minEdge: 0.02, maxEdge: 1, minOdds: 1.2, maxOdds: 6, maxPerDay: 5 },
    ...over,
  });
}

/**
 * A game between named teams (each team's id is its name), starting at 23:00 UTC on `date`:
 * Final with `score` ([home, away]), else Scheduled.
 */
export function teamGame(
  game: { sport: string; gameId: string; date: string; season: number },
  home: string,
  away: string,
  score?: [number, number],
): GameRecord {
  return {
    gameId: game.gameId,
    sport: game.sport,
    gameDate: game.date,
    season: game.season,
    status: score ? "Final" : "Scheduled",
    homeTeamId: home,
    homeTeamName: home,
    awayTeamId: away,
    awayTeamName: away,
    homeScore: score?.[0] ?? null,
    awayScore: score?.[1] ?? null,
    commenceTime: new Date(`${game.date}T23:00:00Z`),
    venue: null,
  };
}
