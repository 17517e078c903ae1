// identify_bets -> bet_recommendations. The rule itself is the modelling core's `recommendBets`
// (recommendation/): this step only reads its inputs from the tables (the day's scheduled games,
// both sides' elo_ratings rows in force on the game's day, the games' moneyline game_odds rows),
// hands it the plugin's thresholds, the staking limits and the notional bankroll, and writes what
// it returns. Stale active recommendations (their game has started) expire.

import type { EloConfig } from "../elo/config.ts";
import { eloPreset } from "../elo/index.ts";
import {
  type GameForRecommendation,
  type MoneylineOutcome,
  type OddsQuote,
  recommendBets,
} from "../recommendation/index.ts";
import { type RatingInForce, ratingsOn } from "../repositories/elo-ratings.ts";
import type { GameRow } from "../repositories/games.ts";
import { gamesBetween } from "../repositories/games.ts";
import { type OddsRow, oddsForGames } from "../repositories/odds.ts";
import {
  expireRecommendations,
  type RecommendationInput,
  upsertRecommendations,
} from "../repositories/recommendations.ts";
import type { StepDefinition } from "./step.ts";

/** game_odds.outcome_name of a moneyline row -> the recommendation's side. */
const SIDE_OF_OUTCOME: Readonly<Record<string, MoneylineOutcome>> = {
  home_team_win: "home",
  away_team_win: "away",
  draw: "draw",
};

/**
 * A game_odds row as a quote `recommendBets` accepts, or undefined. Only moneyline rows qualify.
 * A row without last_update is skipped: without the time it was quoted, nothing proves it was
 * known before the game (the archive import has none), and the rule uses pre-game information
 * only. The odds id becomes the market id, which is how place_bets finds the price again.
 */
export function quoteOf(row: OddsRow): OddsQuote | undefined {
  const side = SIDE_OF_OUTCOME[row.outcomeName ?? ""];
  if (row.marketName !== "moneyline" || !side || !row.lastUpdate) return undefined;
  return {
    bookmaker: row.bookmaker,
    marketId: row.oddsId,
    outcome: side,
    price: row.price.toNumber(),
    lastUpdate: row.lastUpdate,
  };
}

/**
 * One scheduled game as `recommendBets` takes it. A side with no elo_ratings row has not played in
 * the replayed history, so its rating is the preset's starting rating, in force from the game's day.
 */
export function recommendationGame(
  game: GameRow,
  ratings: ReadonlyMap<string, RatingInForce>,
  odds: readonly OddsRow[],
  config: EloConfig,
): GameForRecommendation {
  const side = (id: string) => {
    const r = ratings.get(id);
    return r
      ? { rating: r.rating.toNumber(), validFrom: r.validFrom }
      : { rating: config.initialRating, validFrom: game.gameDate };
  };
  return {
    gameId: game.gameId,
    gameDate: game.gameDate,
    commenceTime: game.commenceTime!,
    ratings: { home: side(game.homeTeamId!), away: side(game.awayTeamId!) },
    odds: odds.flatMap((o) => quoteOf(o) ?? []),
  };
}

export const identifyBets: StepDefinition = {
  name: "identify_bets",
  async prepare(deps, { sport, date }) {
    const plugin = deps.plugins.require(sport);
    const config = eloPreset(plugin.eloPreset);
    return async (client) => {
      const now = deps.now();
      const expired = await expireRecommendations(client, sport, now);
      const games = (await gamesBetween(client, sport, date, date)).filter(
        (g) => g.status === "Scheduled" && g.homeTeamId && g.awayTeamId && g.commenceTime,
      );
      const ratings = await ratingsOn(client, sport, date);
      const odds = await oddsForGames(
        client,
        games.map((g) => g.gameId),
      );
      const oddsOf = new Map<string, OddsRow[]>();
      for (const o of odds) oddsOf.set(o.gameId, [...(oddsOf.get(o.gameId) ?? []), o]);
      // The bankroll is the fixed notional one and no existing exposure is passed: the day's slate
      // is sized as a whole on every run, so a rerun computes the same stakes (its own placed bets
      // are not counted against it a second time).
      const recs = recommendBets(
        games.map((g) => recommendationGame(g, ratings, oddsOf.get(g.gameId) ?? [], config)),
        {
          sport,
          config,
          thresholds: plugin.recommendation,
          bankroll: deps.bankroll,
          limits: deps.stakingLimits,
          generatedAt: now,
        },
      );
      const rows: RecommendationInput[] = recs.map((r) => ({
        sport: r.sport,
        gameId: r.gameId,
        // Every quote carries its odds id (quoteOf), so a recommendation always has one.
        marketId: r.marketId!,
        recommendationType: r.recommendationType,
        side: r.side,
        confidence: r.confidence,
        edge: r.edge,
        recommendedStake: r.recommendedStake,
        expectedValue: r.expectedValue,
        generatedAt: r.generatedAt,
        expiresAt: r.expiresAt,
      }));
      return expired + (await upsertRecommendations(client, rows));
    };
  },
};
