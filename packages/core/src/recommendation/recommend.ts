// The recommendation rule: from a day's games, each with its forecast (or both sides' ratings) and
// the quotes known before it starts, the candidate bet_recommendations rows. The betting
// probability is the model's blended with the de-vigged consensus (weights per market); the edge is
// computed on it; an edge above the maximum is recorded as suspect instead of bet. It is the
// model-edge strategy run through the strategy host, as backtests and the screener run every
// strategy; live trading (identify_bets) calls this function.
import {
  assertCalendarDay,
  type EloConfig,
  type MarketName,
  type ProposedBet,
  type RecommendationThresholds,
  SPORTSBOOK_RULES,
  type VenueRules,
} from "@edgeline/sdk";
import { Decimal } from "decimal.js";
import type { GameContext } from "../elo/probability.ts";
import { eloForecast, type GameForecast } from "../forecast/game-forecast.ts";
import type { EloMarginModel } from "../margins/elo-margin.ts";
import type { ExistingExposure, StakingLimits } from "../staking/caps.ts";
import { modelEdge } from "../strategies/model-edge.ts";
import { type HostGame, strategyContext } from "../strategy-host/context.ts";
import { compareBets, quotePrice, sizeProposals } from "../strategy-host/size.ts";
import type { BetSelection, OddsQuote } from "./quotes.ts";

/** A side's rating as stored: the elo_ratings row in force on the game's date. */
export interface RatingSnapshot {
  rating: number;
  /** The row's valid_from (YYYY-MM-DD); it must not be after the game's date. */
  validFrom: string;
}

export interface GameForRecommendation {
  gameId: string;
  /** YYYY-MM-DD. */
  gameDate: string;
  commenceTime: Date;
  neutral?: boolean;
  playoff?: boolean;
  /** What the schedule tells (rest days, travel: elo/schedule.ts), for the Elo forecast from ratings. */
  schedule?: Pick<GameContext, "homeRest" | "awayRest" | "homeTravel" | "awayTravel">;
  /** Both sides' stored ratings: the Elo forecast is made from them unless `forecast` is given. */
  ratings?: { home: RatingSnapshot; away: RatingSnapshot };
  /** The betting model's forecast (the goals model's, or Elo's made by the caller). */
  forecast?: GameForecast;
  odds: readonly OddsQuote[];
  /** When this game is decided, if not at the context's `generatedAt` (a backtest's price timing). */
  decidedAt?: Date;
}

export interface RecommendationContext {
  sport: string;
  /** The Elo model the ratings are turned into probabilities with. */
  config: EloConfig;
  thresholds: RecommendationThresholds;
  bankroll: Decimal;
  limits: StakingLimits;
  existing?: ExistingExposure;
  generatedAt: Date;
  /** The rules of the venue that executes a bookmaker's prices. @defaultValue a plain sportsbook's */
  venueRules?: (bookmaker: string) => VenueRules;
  /** Moneyline ways. @defaultValue 3 when the Elo config has a draw model, else 2 */
  ways?: 2 | 3;
  /** Spread and total model for Elo forecasts made from ratings. */
  margin?: EloMarginModel;
  /** Markets to bet. @defaultValue ["moneyline"] */
  markets?: readonly MarketName[];
  /** The model's weight in the blend with the consensus, per market. @defaultValue 1 (the raw model) */
  blendWeights?: Partial<Record<MarketName, number>>;
  /** Books whose prices may be bet (all books feed the consensus). @defaultValue every book */
  bettable?: (bookmaker: string) => boolean;
}

/** A bet_recommendations row (plus the bookmaker, price and contracts it was sized at). */
export interface BetRecommendation {
  sport: string;
  gameId: string;
  marketId: string | null;
  recommendationType: MarketName;
  side: BetSelection;
  /** The spread (the backed side's) or total; null for moneylines. */
  line: number | null;
  /** The betting probability (the blend), DECIMAL(5,4); for a line bet the share of the stake at risk won. */
  confidence: Decimal;
  /** The model's own probability, the same way. */
  modelProbability: Decimal;
  /** The de-vigged consensus, when the books quoted the whole market. */
  marketProbability: Decimal | null;
  /** The model's weight in the blend. */
  blendWeight: Decimal;
  /** Expected return at the odds used (net of the venue's fees) on the blend, DECIMAL(5,4). */
  edge: Decimal;
  recommendedStake: Decimal;
  expectedValue: Decimal;
  generatedAt: Date;
  /** The game's start: a recommendation is stale once the game begins. */
  expiresAt: Date;
  /** pending: to be bet; suspect: its edge is above the maximum, recorded and never bet (stake 0). */
  status: "pending" | "suspect";
  /** Why a suspect row is not bet. */
  reason: string | null;
  /** The quote it was made on: bookmaker, gross price, when it was quoted (and its history row). */
  bookmaker: string;
  price: Decimal;
  quotedAt: Date;
  quoteId?: string;
  /** Odds the edge and stake were computed at: the price net of the venue's fees. */
  odds: number;
  /** Whole contracts, at venues that trade them. */
  contracts?: number;
}

/** Largest value DECIMAL(5,4) holds. */
export const MAX_STORED_EDGE = new Decimal("9.9999");

function checkRatings(game: GameForRecommendation): void {
  for (const side of ["home", "away"] as const) {
    const r = game.ratings![side];
    if (r.validFrom > game.gameDate) {
      throw new Error(
        `game ${game.gameId}: the ${side} rating is valid from ${r.validFrom}, after the game's date ${game.gameDate}: it already includes later results`,
      );
    }
  }
}

/** A game as the strategy host takes it, or undefined when it has started or the model cannot price it. */
function hostGameOf(
  game: GameForRecommendation,
  ctx: RecommendationContext,
  ways: 2 | 3,
): HostGame | undefined {
  assertCalendarDay(game.gameDate, `game ${game.gameId} date`);
  if (!game.forecast && !game.ratings)
    throw new Error(`game ${game.gameId}: needs a forecast or both ratings`);
  if (game.ratings) checkRatings(game);
  const at = game.decidedAt ?? ctx.generatedAt;
  if (at >= game.commenceTime) return undefined; // the game has started
  const forecast =
    game.forecast ??
    eloForecast(
      ctx.config,
      game.ratings!.home.rating,
      game.ratings!.away.rating,
      ways,
      { ...game.schedule, neutral: game.neutral, playoff: game.playoff },
      ctx.margin,
    );
  if (!forecast) return undefined;
  return {
    gameId: game.gameId,
    commenceTime: game.commenceTime,
    home: "",
    away: "",
    decidedAt: at,
    odds: game.odds,
    forecast,
  };
}

const dp4 = (x: number) => new Decimal(x).toDecimalPlaces(4, Decimal.ROUND_HALF_UP);
function row(
  bet: { proposal: ProposedBet; commenceTime: Date; odds: number },
  quote: OddsQuote,
  ctx: RecommendationContext,
  stake: { stake: Decimal; contracts?: number } | null,
): BetRecommendation {
  const p = bet.proposal;
  const price = p.detail!;
  const staked = stake?.stake ?? new Decimal(0);
  const market = p.quote.market;
  return {
    sport: ctx.sport,
    gameId: p.gameId,
    marketId: quote.marketId ?? null,
    recommendationType: market,
    side: p.quote.selection,
    line: market === "moneyline" ? null : quote.line!,
    confidence: dp4(price.probability),
    modelProbability: dp4(price.modelProbability),
    marketProbability: price.marketProbability === undefined ? null : dp4(price.marketProbability),
    blendWeight: dp4(price.weight),
    edge: Decimal.min(dp4(price.edge), MAX_STORED_EDGE),
    recommendedStake: staked,
    expectedValue: staked.times(new Decimal(price.edge)).toDecimalPlaces(2, Decimal.ROUND_HALF_UP),
    generatedAt: ctx.generatedAt,
    expiresAt: bet.commenceTime,
    status: p.suspect ? "suspect" : "pending",
    reason: p.suspect ?? null,
    bookmaker: quote.bookmaker,
    price: quotePrice(quote),
    quotedAt: quote.lastUpdate,
    ...(quote.quoteId === undefined ? {} : { quoteId: quote.quoteId }),
    odds: bet.odds,
    ...(stake?.contracts === undefined ? {} : { contracts: stake.contracts }),
  };
}

/**
 * Recommendations for a day's slate: the model-edge strategy run through the strategy host, as
 * backtests and the screener run every strategy. Bets best edge first (ties: earlier start, game
 * id, market, outcome), at most `maxPerDay`, then the suspect quotes (stake 0). Stakes: Kelly at
 * the odds used × the Kelly fraction, then per-bet, per-event and daily caps, rounded to the
 * venue's unit; bets whose stake rounds to 0 are dropped.
 */
export function recommendBets(
  games: readonly GameForRecommendation[],
  ctx: RecommendationContext,
): BetRecommendation[] {
  const ways = ctx.ways ?? (ctx.config.draws.kind === "none" ? 2 : 3);
  const venueRules = ctx.venueRules ?? (() => SPORTSBOOK_RULES);
  const slate = games.flatMap((g) => hostGameOf(g, ctx, ways) ?? []);
  const { context, origin } = strategyContext(slate, {
    sport: ctx.sport,
    ways,
    markets: ctx.markets ?? ["moneyline"],
    bettable: ctx.bettable ?? (() => true),
    venueRules,
    model: { thresholds: ctx.thresholds, weights: ctx.blendWeights ?? {} },
  });
  const starts = new Map(slate.map((g) => [g.gameId, g.commenceTime]));
  const commenceTime = (id: string) => starts.get(id)!;
  const sized = sizeProposals(modelEdge.propose(context, {}), {
    bankroll: ctx.bankroll,
    limits: ctx.limits,
    venueRules,
    commenceTime,
    maxPerDay: ctx.thresholds.maxPerDay,
    ...(ctx.existing ? { existing: ctx.existing } : {}),
  });
  const rows = sized.bets.map((b) => row(b, origin.get(b.proposal.quote)!, ctx, b.stake));
  const suspects = sized.suspects
    .map((proposal) => ({
      proposal,
      commenceTime: commenceTime(proposal.gameId),
      odds: venueRules(proposal.quote.bookmaker).netOdds(proposal.quote.price),
      gameId: proposal.gameId,
      market: proposal.quote.market,
      selection: proposal.quote.selection,
      edge: proposal.edge,
    }))
    .sort(compareBets);
  for (const s of suspects) rows.push(row(s, origin.get(s.proposal.quote)!, ctx, null));
  return rows;
}
