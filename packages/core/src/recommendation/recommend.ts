// The recommendation rule: from a day's games, each with its forecast (or both sides' ratings) and
// the quotes known before it starts, the candidate bet_recommendations rows. The betting
// probability is the model's blended with the de-vigged consensus (weights per market); the edge is
// computed on it; an edge above the maximum is recorded as suspect instead of bet. Live trading
// (identify_bets) and backtests call this one function.
import {
  assertCalendarDay,
  type EloConfig,
  type MarketName,
  type RecommendationThresholds,
  SPORTSBOOK_RULES,
  type VenueRules,
} from "@edgeline/sdk";
import { Decimal } from "decimal.js";
import { eloForecast, type GameForecast } from "../forecast/game-forecast.ts";
import type { EloMarginModel } from "../margins/elo-margin.ts";
import { betKellyFractions } from "../staking/bet-fractions.ts";
import { allocateStakes, type ExistingExposure, type StakingLimits } from "../staking/caps.ts";
import { type Candidate, gameCandidates } from "./candidates.ts";
import { type BetSelection, knownQuotes, marketConsensus, type OddsQuote } from "./quotes.ts";

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

const SELECTION_ORDER: Record<BetSelection, number> = { home: 0, draw: 1, away: 2, over: 3, under: 4 };
const MARKET_ORDER: Record<MarketName, number> = { moneyline: 0, spread: 1, total: 2 };

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

function candidatesOf(game: GameForRecommendation, ctx: RecommendationContext, ways: 2 | 3): Candidate[] {
  assertCalendarDay(game.gameDate, `game ${game.gameId} date`);
  if (!game.forecast && !game.ratings)
    throw new Error(`game ${game.gameId}: needs a forecast or both ratings`);
  if (game.ratings) checkRatings(game);
  const at = game.decidedAt ?? ctx.generatedAt;
  if (at >= game.commenceTime) return []; // the game has started
  const forecast =
    game.forecast ??
    eloForecast(
      ctx.config,
      game.ratings!.home.rating,
      game.ratings!.away.rating,
      ways,
      { neutral: game.neutral, playoff: game.playoff },
      ctx.margin,
    );
  if (!forecast) return [];
  const markets = ctx.markets ?? ["moneyline"];
  const known = knownQuotes(game.gameId, game.odds, at, game.commenceTime, markets);
  return gameCandidates(game, forecast, known, marketConsensus(known, ways), ways, {
    thresholds: ctx.thresholds,
    venueRules: ctx.venueRules ?? (() => SPORTSBOOK_RULES),
    weights: ctx.blendWeights ?? {},
    bettable: ctx.bettable ?? (() => true),
  });
}

/** The order bets are chosen in: best edge first; ties: earlier start, game id, market, outcome. */
export function compareBets(
  a: Pick<Candidate, "edge" | "commenceTime" | "gameId" | "market" | "selection">,
  b: Pick<Candidate, "edge" | "commenceTime" | "gameId" | "market" | "selection">,
): number {
  return (
    b.edge - a.edge ||
    a.commenceTime.getTime() - b.commenceTime.getTime() ||
    (a.gameId < b.gameId ? -1 : a.gameId > b.gameId ? 1 : 0) ||
    MARKET_ORDER[a.market] - MARKET_ORDER[b.market] ||
    SELECTION_ORDER[a.selection] - SELECTION_ORDER[b.selection]
  );
}

const dp4 = (x: number) => new Decimal(x).toDecimalPlaces(4, Decimal.ROUND_HALF_UP);
/** A quote's price as stored (DECIMAL(10,4)): a number's shortest form is its 4-dp text. */
export const quotePrice = (q: Pick<OddsQuote, "price">) =>
  new Decimal(q.price).toDecimalPlaces(4, Decimal.ROUND_HALF_UP);

function row(
  c: Candidate,
  ctx: RecommendationContext,
  stake: { stake: Decimal; contracts?: number } | null,
): BetRecommendation {
  const staked = stake?.stake ?? new Decimal(0);
  return {
    sport: ctx.sport,
    gameId: c.gameId,
    marketId: c.quote.marketId ?? null,
    recommendationType: c.market,
    side: c.selection,
    line: c.market === "moneyline" ? null : c.quote.line!,
    confidence: dp4(c.probability),
    modelProbability: dp4(c.modelProbability),
    marketProbability: c.marketProbability === undefined ? null : dp4(c.marketProbability),
    blendWeight: dp4(c.weight),
    edge: Decimal.min(dp4(c.edge), MAX_STORED_EDGE),
    recommendedStake: staked,
    expectedValue: staked.times(new Decimal(c.edge)).toDecimalPlaces(2, Decimal.ROUND_HALF_UP),
    generatedAt: ctx.generatedAt,
    expiresAt: c.commenceTime,
    status: c.suspect ? "suspect" : "pending",
    reason: c.suspect ?? null,
    bookmaker: c.quote.bookmaker,
    price: quotePrice(c.quote),
    quotedAt: c.quote.lastUpdate,
    ...(c.quote.quoteId === undefined ? {} : { quoteId: c.quote.quoteId }),
    odds: c.odds,
    ...(stake?.contracts === undefined ? {} : { contracts: stake.contracts }),
  };
}

/**
 * Recommendations for a day's slate: bets best edge first (ties: earlier start, game id, market,
 * outcome), at most `maxPerDay`, then the suspect quotes (stake 0). Stakes: Kelly at the odds used
 * × the Kelly fraction, then per-bet, per-event and daily caps, rounded to the venue's unit; bets
 * whose stake rounds to 0 are dropped.
 */
export function recommendBets(
  games: readonly GameForRecommendation[],
  ctx: RecommendationContext,
): BetRecommendation[] {
  const ways = ctx.ways ?? (ctx.config.draws.kind === "none" ? 2 : 3);
  const all = games.flatMap((g) => candidatesOf(g, ctx, ways)).sort(compareBets);
  const chosen = all.filter((c) => !c.suspect).slice(0, ctx.thresholds.maxPerDay);
  const fractions = betKellyFractions(chosen);
  const stakes = allocateStakes(
    ctx.bankroll,
    chosen.map((c, i) => ({
      id: String(i),
      eventId: c.gameId,
      fraction: fractions.get(c)! * ctx.limits.kellyFraction,
      venue: c.venue,
      odds: quotePrice(c.quote),
    })),
    ctx.limits,
    ctx.existing,
  );
  const rows: BetRecommendation[] = [];
  chosen.forEach((c, i) => {
    if (!stakes[i]!.stake.isZero()) rows.push(row(c, ctx, stakes[i]!));
  });
  for (const c of all) if (c.suspect) rows.push(row(c, ctx, null));
  return rows;
}
