// identify_bets -> bet_recommendations. The rule itself is the modelling core's `recommendBets`
// (recommendation/): this step only reads its inputs from the tables (the day's scheduled games,
// both sides' elo_ratings rows in force on the game's day, the moneyline quotes of the price
// history known at the run's time), hands it the sport's model and thresholds, the venues' rules,
// the staking limits and the notional bankroll, and writes what it returns, each recommendation
// with the quote it was made on. Stale active recommendations (their game has started) expire, and
// so do those a rerun no longer makes (the market moved). A replayed past day (run-clock.ts)
// decides at its decision time, on the games that were still to be played then.
import type { EloConfig } from "@edgeline/sdk";
import {
  type GameForRecommendation,
  type MoneylineOutcome,
  type OddsQuote,
  recommendBets,
} from "../recommendation/index.ts";
import { type RatingInForce, ratingsOn } from "../repositories/elo-ratings.ts";
import { type GameRow, gamesBetween } from "../repositories/games.ts";
import { type QuoteRow, quotesAt } from "../repositories/quotes.ts";
import {
  expireRecommendations,
  expireWithdrawn,
  type RecommendationInput,
  upsertRecommendations,
} from "../repositories/recommendations.ts";
import { runClock } from "./run-clock.ts";
import type { StepDefinition } from "./step.ts";

/** The games a run may recommend on: live, those still scheduled; a replay, those played after its decision. */
function openGames(games: readonly GameRow[], replay: boolean, decidesAt: Date): GameRow[] {
  return games.filter(
    (g) =>
      g.homeTeamId &&
      g.awayTeamId &&
      g.commenceTime &&
      (replay
        ? g.commenceTime > decidesAt && g.status !== "Postponed" && g.status !== "Cancelled"
        : g.status === "Scheduled"),
  );
}

/** odds outcome_name of a moneyline quote -> the recommendation's side. */
const SIDE_OF_OUTCOME: Readonly<Record<string, MoneylineOutcome>> = {
  home_team_win: "home",
  away_team_win: "away",
  draw: "draw",
};

/**
 * A stored quote as one `recommendBets` accepts, or undefined. Only priced moneyline quotes
 * qualify. The odds id becomes the market id; the quote id travels with the recommendation.
 */
export function quoteOf(row: QuoteRow): OddsQuote | undefined {
  const side = SIDE_OF_OUTCOME[row.outcomeName];
  if (row.marketName !== "moneyline" || !side || row.price === null) return undefined;
  return {
    bookmaker: row.bookmaker,
    marketId: row.oddsId,
    outcome: side,
    price: row.price.toNumber(),
    lastUpdate: row.quotedAt,
    quoteId: row.quoteId,
  };
}

/**
 * One scheduled game as `recommendBets` takes it. A side with no elo_ratings row has not played in
 * the replayed history, so its rating is the model's starting rating, in force from the game's day.
 */
export function recommendationGame(
  game: GameRow,
  ratings: ReadonlyMap<string, RatingInForce>,
  quotes: readonly QuoteRow[],
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
    neutral: game.neutralSite,
    playoff: game.playoff,
    ratings: { home: side(game.homeTeamId!), away: side(game.awayTeamId!) },
    odds: quotes.flatMap((q) => quoteOf(q) ?? []),
  };
}

export const identifyBets: StepDefinition = {
  name: "identify_bets",
  async prepare(deps, target) {
    const { sport, date } = target;
    const { plugin, elo } = deps.plugins.sport(sport);
    return async (client) => {
      const clock = await runClock(client, deps, plugin, target);
      const now = clock.decidesAt;
      const expired = await expireRecommendations(client, plugin.code, now);
      const games = openGames(await gamesBetween(client, plugin.code, date, date), clock.replay, now);
      const ratings = await ratingsOn(client, plugin.code, date);
      // The prices known now; recommendBets keeps only those quoted before each game's start.
      const quotes = await quotesAt(
        client,
        games.map((g) => g.gameId),
        now,
        { markets: ["moneyline"] },
      );
      const quotesOf = new Map<string, QuoteRow[]>();
      for (const q of quotes) quotesOf.set(q.gameId, [...(quotesOf.get(q.gameId) ?? []), q]);
      // The bankroll is the fixed notional one and no existing exposure is passed: the day's slate
      // is sized as a whole on every run, so a rerun computes the same stakes (its own placed bets
      // are not counted against it a second time).
      const recs = recommendBets(
        games.map((g) => recommendationGame(g, ratings, quotesOf.get(g.gameId) ?? [], elo)),
        {
          sport: plugin.code,
          config: elo,
          thresholds: plugin.recommendation,
          bankroll: deps.bankroll,
          limits: deps.stakingLimits,
          generatedAt: now,
          venueRules: (bookmaker) => deps.plugins.rulesFor(bookmaker),
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
        bookmaker: r.bookmaker,
        price: r.price,
        line: null,
        quotedAt: r.quotedAt,
        quoteId: r.quoteId ?? null,
        contracts: r.contracts ?? null,
      }));
      const withdrawn = await expireWithdrawn(
        client,
        plugin.code,
        games.map((g) => g.gameId),
        rows,
      );
      return expired + withdrawn + (await upsertRecommendations(client, rows));
    };
  },
};
