// The recommendation rule: from a day's games, their odds and both sides' ratings, the candidate
// bet_recommendations rows. Only information dated before each game starts is used.
import {
  assertCalendarDay,
  DEFAULT_MAX_EDGE,
  type EloConfig,
  type RecommendationThresholds,
  SPORTSBOOK_RULES,
  type VenueRules,
} from "@edgeline/sdk";
import { Decimal } from "decimal.js";
import { gameProbabilities } from "../elo/probability.ts";
import { allocateStakes, type ExistingExposure, type StakingLimits } from "../staking/caps.ts";
import { simultaneousKelly } from "../staking/kelly.ts";
import { stakingOdds } from "../staking/kelly-stake.ts";
import { edge as expectedReturnEdge, expectedValue } from "../staking/value.ts";

export type MoneylineOutcome = "home" | "draw" | "away";
const OUTCOME_ORDER: Record<MoneylineOutcome, number> = { home: 0, draw: 1, away: 2 };

/** One bookmaker's moneyline price on one outcome (a game_odds row). */
export interface OddsQuote {
  bookmaker: string;
  /** The quote's odds id (game_odds); becomes bet_recommendations.market_id. */
  marketId?: string;
  outcome: MoneylineOutcome;
  /** Decimal odds as quoted (gross; the venue's fees are applied here, by its rules). */
  price: number;
  lastUpdate: Date;
  /** The price-history row of this quote, when it came from one. */
  quoteId?: string;
}

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
  ratings: { home: RatingSnapshot; away: RatingSnapshot };
  odds: readonly OddsQuote[];
}

export interface RecommendationContext {
  sport: string;
  config: EloConfig;
  thresholds: RecommendationThresholds;
  bankroll: Decimal;
  limits: StakingLimits;
  existing?: ExistingExposure;
  generatedAt: Date;
  /** The rules of the venue that executes a bookmaker's prices. @defaultValue a plain sportsbook's */
  venueRules?: (bookmaker: string) => VenueRules;
}

/** A bet_recommendations row (plus the bookmaker, price and contracts it was sized at). */
export interface BetRecommendation {
  sport: string;
  gameId: string;
  marketId: string | null;
  recommendationType: "moneyline";
  side: MoneylineOutcome;
  /** Model probability, DECIMAL(5,4). */
  confidence: Decimal;
  /** p × odds − 1 at the odds used (net of Kalshi fees), DECIMAL(5,4). */
  edge: Decimal;
  recommendedStake: Decimal;
  expectedValue: Decimal;
  generatedAt: Date;
  /** The game's start: a recommendation is stale once the game begins. */
  expiresAt: Date;
  status: "pending";
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

interface Candidate {
  game: GameForRecommendation;
  quote: OddsQuote;
  venue: VenueRules;
  probability: number;
  odds: number;
  edge: number;
}

/** The best eligible quote per outcome: latest per bookmaker before the start, then highest odds. */
function bestQuotes(
  game: GameForRecommendation,
  generatedAt: Date,
  outcomes: readonly MoneylineOutcome[],
  venueRules: (bookmaker: string) => VenueRules,
) {
  const latest = new Map<string, OddsQuote>();
  for (const q of game.odds) {
    if (!outcomes.includes(q.outcome)) continue;
    if (q.lastUpdate >= game.commenceTime || q.lastUpdate > generatedAt) continue; // not yet known
    if (!Number.isFinite(q.price) || q.price <= 1)
      throw new Error(`game ${game.gameId}: ${q.bookmaker} price ${q.price} is not decimal odds`);
    const key = `${q.bookmaker}\u0000${q.outcome}`;
    const seen = latest.get(key);
    // Latest quote wins; two at the same instant keep the lower price (never overstate the edge).
    const newer = !seen || q.lastUpdate > seen.lastUpdate;
    if (newer || (q.lastUpdate.getTime() === seen.lastUpdate.getTime() && q.price < seen.price))
      latest.set(key, q);
  }
  const best = new Map<MoneylineOutcome, { quote: OddsQuote; venue: VenueRules; odds: number }>();
  for (const quote of latest.values()) {
    const venue = venueRules(quote.bookmaker);
    const odds = stakingOdds(venue, quote.price);
    if (!(odds > 1)) continue; // the venue's fees leave nothing to win at this price
    const current = best.get(quote.outcome);
    if (
      !current ||
      odds > current.odds ||
      (odds === current.odds && quote.bookmaker < current.quote.bookmaker)
    ) {
      best.set(quote.outcome, { quote, venue, odds });
    }
  }
  return best;
}

function gameCandidates(game: GameForRecommendation, ctx: RecommendationContext): Candidate[] {
  assertCalendarDay(game.gameDate, `game ${game.gameId} date`);
  for (const side of ["home", "away"] as const) {
    const r = game.ratings[side];
    if (r.validFrom > game.gameDate) {
      throw new Error(
        `game ${game.gameId}: the ${side} rating is valid from ${r.validFrom}, after the game's date ${game.gameDate}: it already includes later results`,
      );
    }
  }
  if (ctx.generatedAt >= game.commenceTime) return []; // the game has started
  const p = gameProbabilities(ctx.config, game.ratings.home.rating, game.ratings.away.rating, {
    neutral: game.neutral,
    playoff: game.playoff,
  });
  const probability: Record<MoneylineOutcome, number | undefined> = {
    home: p.home,
    away: p.away,
    draw: p.draw,
  };
  const outcomes: MoneylineOutcome[] = p.draw === undefined ? ["home", "away"] : ["home", "draw", "away"];
  const t = ctx.thresholds;
  const out: Candidate[] = [];
  const rules = ctx.venueRules ?? (() => SPORTSBOOK_RULES);
  for (const [outcome, best] of bestQuotes(game, ctx.generatedAt, outcomes, rules)) {
    const prob = probability[outcome]!;
    const edge = expectedReturnEdge(prob, best.odds);
    if (
      edge < t.minEdge ||
      edge > (t.maxEdge ?? DEFAULT_MAX_EDGE) ||
      best.odds < t.minOdds ||
      best.odds > t.maxOdds
    )
      continue;
    out.push({ game, quote: best.quote, venue: best.venue, probability: prob, odds: best.odds, edge });
  }
  return out;
}

function compare(a: Candidate, b: Candidate): number {
  return (
    b.edge - a.edge ||
    a.game.commenceTime.getTime() - b.game.commenceTime.getTime() ||
    (a.game.gameId < b.game.gameId ? -1 : a.game.gameId > b.game.gameId ? 1 : 0) ||
    OUTCOME_ORDER[a.quote.outcome] - OUTCOME_ORDER[b.quote.outcome]
  );
}

const dp4 = (x: number) => new Decimal(x).toDecimalPlaces(4, Decimal.ROUND_HALF_UP);
/** A quote's price as stored (DECIMAL(10,4)): a number's shortest form is its 4-dp text. */
const priceOf = (q: OddsQuote) => new Decimal(q.price).toDecimalPlaces(4, Decimal.ROUND_HALF_UP);

/**
 * Candidate recommendations for a day's slate, best edge first (ties: earlier start, game id,
 * home/draw/away), at most `maxPerDay`. Stakes: Kelly at the odds used (simultaneous Kelly when
 * several outcomes of one game qualify) × the Kelly fraction, then per-bet, per-event and daily
 * caps, rounded to the venue's unit; candidates whose stake rounds to 0 are dropped.
 */
export function recommendBets(
  games: readonly GameForRecommendation[],
  ctx: RecommendationContext,
): BetRecommendation[] {
  const chosen = games
    .flatMap((g) => gameCandidates(g, ctx))
    .sort(compare)
    .slice(0, ctx.thresholds.maxPerDay);
  const fractions = new Map<Candidate, number>();
  for (const gameId of new Set(chosen.map((c) => c.game.gameId))) {
    const same = chosen.filter((c) => c.game.gameId === gameId);
    const f = simultaneousKelly(same.map((c) => ({ probability: c.probability, odds: c.odds })));
    for (const [i, c] of same.entries()) fractions.set(c, f[i]! * ctx.limits.kellyFraction);
  }
  const stakes = allocateStakes(
    ctx.bankroll,
    chosen.map((c, i) => ({
      id: String(i),
      eventId: c.game.gameId,
      fraction: fractions.get(c)!,
      venue: c.venue,
      odds: priceOf(c.quote),
    })),
    ctx.limits,
    ctx.existing,
  );
  const rows: BetRecommendation[] = [];
  chosen.forEach((c, i) => {
    const stake = stakes[i]!;
    if (stake.stake.isZero()) return;
    rows.push({
      sport: ctx.sport,
      gameId: c.game.gameId,
      marketId: c.quote.marketId ?? null,
      recommendationType: "moneyline",
      side: c.quote.outcome,
      confidence: dp4(c.probability),
      edge: Decimal.min(dp4(c.edge), MAX_STORED_EDGE),
      recommendedStake: stake.stake,
      expectedValue: expectedValue(stake.stake, c.probability, c.odds),
      generatedAt: ctx.generatedAt,
      expiresAt: c.game.commenceTime,
      status: "pending",
      bookmaker: c.quote.bookmaker,
      price: priceOf(c.quote),
      quotedAt: c.quote.lastUpdate,
      ...(c.quote.quoteId === undefined ? {} : { quoteId: c.quote.quoteId }),
      odds: c.odds,
      ...(stake.contracts === undefined ? {} : { contracts: stake.contracts }),
    });
  });
  return rows;
}
