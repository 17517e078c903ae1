// identify_bets -> bet_recommendations. The rule itself is the modelling core's `recommendBets`
// (recommendation/): this step only reads its inputs from the tables (the day's scheduled games,
// both sides' elo_ratings rows in force on the game's day or the goals model fitted on the games
// before it, the quotes of the price history known at the run's time, the blend's weights fitted
// on the sport's played games and their closing prices), hands it the sport's model, thresholds,
// the venues' rules, the staking limits and the notional bankroll, and writes what it returns,
// each recommendation with the quote it was made on. Stale active recommendations (their game has
// started) expire, and so do those a rerun no longer makes (the market moved). A replayed past day
// (run-clock.ts) decides at its decision time, on the games that were still to be played then.

import { groupBy, type MarketName, type SportPlugin } from "@edgeline/sdk";
import { Decimal } from "decimal.js";
import type { EloGame } from "../elo/index.ts";
import { expectedHomeOf } from "../elo/probability.ts";
import { withRestDays } from "../elo/schedule.ts";
import { emitRecommendationEvents } from "../events/pipeline-events.ts";
import { type ResolvedSportModel, SportForecaster } from "../forecast/index.ts";
import {
  archiveClose,
  blendSamples,
  blendWeightsByDay,
  type GameForRecommendation,
  knownQuotes,
  marketConsensus,
  type OddsQuote,
  type PlayedGame,
  recommendBets,
} from "../recommendation/index.ts";
import { type RatingInForce, ratingsOn } from "../repositories/elo-ratings.ts";
import { finalGamesBefore, type GameRow, gamesBetween } from "../repositories/games.ts";
import type { Queryable } from "../repositories/queryable.ts";
import { closingQuotes, type QuoteRow, quotesAt } from "../repositories/quotes.ts";
import {
  expireRecommendations,
  expireWithdrawn,
  type RecommendationInput,
  upsertRecommendations,
} from "../repositories/recommendations.ts";
import { runClock } from "./run-clock.ts";
import type { StepDefinition } from "./step.ts";
import { toEloGame } from "./update-elo.ts";

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

/** odds outcome_name of a quote -> the recommendation's side, per market. */
/** The selection an odds outcome (game_odds, placed_bets) stands for, by market. */
export const SIDE_OF_OUTCOME: Readonly<Record<string, Readonly<Record<string, OddsQuote["outcome"]>>>> = {
  moneyline: { home_team_win: "home", away_team_win: "away", draw: "draw" },
  spread: { home_team_win: "home", away_team_win: "away" },
  total: { over: "over", under: "under" },
};

/**
 * A stored quote as one `recommendBets` accepts, or undefined. Only priced quotes qualify (and
 * line quotes with their line). The odds id becomes the market id; the quote id travels with the
 * recommendation.
 */
export function quoteOf(row: QuoteRow): OddsQuote | undefined {
  const side = SIDE_OF_OUTCOME[row.marketName]?.[row.outcomeName];
  if (!side || row.price === null) return undefined;
  if (row.marketName !== "moneyline" && row.line === null) return undefined;
  return {
    bookmaker: row.bookmaker,
    marketId: row.oddsId,
    market: row.marketName as MarketName,
    outcome: side,
    ...(row.marketName === "moneyline" ? {} : { line: row.line!.toNumber() }),
    price: row.price.toNumber(),
    lastUpdate: row.quotedAt,
    quoteId: row.quoteId,
  };
}

/** The markets a sport's model prices among those it offers: spreads and totals need a margin or goals model. */
export function bettingMarkets(plugin: SportPlugin, model: ResolvedSportModel): MarketName[] {
  const lines = model.betting === "goals" || model.margin !== undefined;
  return plugin.markets.map((m) => m.type).filter((m) => m === "moneyline" || lines);
}

/** The sport's moneyline ways (3 when it offers a 3-way moneyline). */
export function moneylineWays(plugin: SportPlugin): 2 | 3 {
  return plugin.markets.find((m) => m.type === "moneyline")?.ways ?? 2;
}

/**
 * One scheduled game as `recommendBets` takes it. A side with no elo_ratings row has not played in
 * the replayed history, so its rating is the model's starting rating, in force from the game's day.
 */
export function recommendationGame(
  game: GameRow,
  ratings: ReadonlyMap<string, RatingInForce>,
  quotes: readonly QuoteRow[],
  config: { initialRating: number },
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

const byGame = (quotes: readonly QuoteRow[]) => groupBy(quotes, (q) => q.gameId);

/**
 * The day's inputs that need history: the forecaster over the played games before the day and
 * the day's games, and the blend's weight per market for the day, fitted on the played games with
 * a closing price. Exactly what a backtest computes for the same day.
 */
export async function modelOfDay(
  db: Queryable,
  plugin: SportPlugin,
  model: ResolvedSportModel,
  date: string,
  today: readonly GameRow[],
  markets: readonly MarketName[],
) {
  const played = (await finalGamesBefore(db, plugin.code, date)).filter((g) => g.homeTeamId && g.awayTeamId);
  const all = [...played, ...today];
  const eloGames: EloGame[] = withRestDays(all.map(toEloGame));
  const ways = moneylineWays(plugin);
  const closing = byGame(
    await closingQuotes(
      db,
      played.map((g) => g.gameId),
      { markets },
    ),
  );
  // Each played game's de-vigged close: the blend's samples, and the ratings of a model that learns from the market.
  const closes = played.map((g) => {
    if (!g.commenceTime) return undefined;
    const start = g.commenceTime;
    const quotes = (closing.get(g.gameId) ?? []).flatMap((q) => {
      const quote = quoteOf(q);
      return quote ? [archiveClose(quote, start)] : [];
    });
    if (quotes.length === 0) return undefined;
    return marketConsensus(knownQuotes(g.gameId, quotes, start, start, markets), ways);
  });
  closes.forEach((c, i) => {
    if (c?.moneyline) eloGames[i]!.closingHome = expectedHomeOf(c.moneyline);
  });
  const forecaster = new SportForecaster(model, eloGames, ways);
  const samples: PlayedGame[] = [];
  played.forEach((g, i) => {
    const c = closes[i];
    if (!c) return;
    samples.push({
      date: g.gameDate,
      forecast: forecaster.forecast(i, g.gameDate),
      market: c,
      homeScore: g.homeScore!,
      awayScore: g.awayScore!,
    });
  });
  const weights = blendWeightsByDay(blendSamples(samples, ways), [date], model.blend).get(date)!;
  return { forecaster, offset: played.length, ways, weights };
}

export const identifyBets: StepDefinition = {
  name: "identify_bets",
  async prepare(deps, target) {
    const { sport, date } = target;
    const { plugin, elo, model, thresholds, kellyFraction } = deps.plugins.sport(sport);
    const markets = bettingMarkets(plugin, model);
    return async (client) => {
      const clock = await runClock(client, deps, plugin, target);
      const now = clock.decidesAt;
      const expired = await expireRecommendations(client, plugin.code, now);
      const games = openGames(await gamesBetween(client, plugin.code, date, date), clock.replay, now);
      const ratings = await ratingsOn(client, plugin.code, date);
      // The prices known now; recommendBets keeps only those quoted before each game's start.
      const quotes = byGame(
        await quotesAt(
          client,
          games.map((g) => g.gameId),
          now,
          { markets },
        ),
      );
      const day = await modelOfDay(client, plugin, model, date, games, markets);
      const slate = games.map((g, i) => {
        const game = recommendationGame(g, ratings, quotes.get(g.gameId) ?? [], elo);
        if (model.betting !== "goals") return game; // Elo from the stored ratings in force on the day
        const forecast = day.forecaster.forecast(day.offset + i, date);
        return forecast ? { ...game, forecast } : { ...game, odds: [] };
      });
      const weights = Object.fromEntries(
        Object.entries(day.weights).map(([market, w]) => [market, w!.weight]),
      ) as Partial<Record<MarketName, number>>;
      // The bankroll is the fixed notional one and no existing exposure is passed: the day's slate
      // is sized as a whole on every run, so a rerun computes the same stakes (its own placed bets
      // are not counted against it a second time).
      const recs = recommendBets(slate, {
        sport: plugin.code,
        config: elo,
        thresholds,
        bankroll: deps.bankroll,
        // A tuned preset brings its own Kelly fraction; the caps stay the deployment's.
        limits: kellyFraction === undefined ? deps.stakingLimits : { ...deps.stakingLimits, kellyFraction },
        generatedAt: now,
        venueRules: (bookmaker) => deps.plugins.rulesFor(bookmaker),
        ways: day.ways,
        markets,
        blendWeights: weights,
        ...(model.margin ? { margin: model.margin } : {}),
      });
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
        line: r.line === null ? null : new Decimal(r.line),
        quotedAt: r.quotedAt,
        quoteId: r.quoteId ?? null,
        contracts: r.contracts ?? null,
        status: r.status === "suspect" ? "suspect" : "active",
        modelProbability: r.modelProbability,
        marketProbability: r.marketProbability,
        blendWeight: r.blendWeight,
        reason: r.reason,
      }));
      const withdrawn = await expireWithdrawn(
        client,
        plugin.code,
        games.map((g) => g.gameId),
        rows,
      );
      const written = expired + withdrawn + (await upsertRecommendations(client, rows));
      await emitRecommendationEvents(
        client,
        games.map((g) => g.gameId),
      );
      return written;
    };
  },
};
