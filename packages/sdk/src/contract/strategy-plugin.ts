// A strategy: given a decision time, the games being decided, the price history known at that
// time and (where a model runs) the model's pricing, it proposes bets and says why. It reads
// nothing else: the host (the pipeline, the backtest engine, the screener) builds the context and
// sizes, places or records what it proposes, the same way for every strategy. A strategy is pure:
// no I/O, no clock; the same context gives the same proposals.
import { z } from "zod";
import type { MarketName } from "../records/odds-record.ts";
import { fn, type PluginCommon, pluginCommonShape } from "./plugin-common.ts";
import type { VenueRules } from "./venue-plugin.ts";

/** What a quote prices: a moneyline outcome, a side of a spread, or over/under a total. */
export type StrategySelection = "home" | "draw" | "away" | "over" | "under";

/** One bookmaker's price on one outcome, as quoted at `quotedAt` (never after the decision). */
export interface StrategyQuote {
  bookmaker: string;
  market: MarketName;
  selection: StrategySelection;
  /** Spreads: the selection's own handicap (home −0.5, away +0.5); totals: the points. Null for moneylines. */
  line: number | null;
  /** Gross decimal odds as quoted (the venue's fees are in its rules). */
  price: number;
  quotedAt: Date;
}

/** A line bet's grade probabilities (pushes and quarter-line halves), summing to 1. */
export interface LineGrades {
  win: number;
  halfWin: number;
  push: number;
  halfLoss: number;
  loss: number;
}

/** The model's (blended) pricing of one quote, by the live rule. */
export interface ModelPrice {
  /** The betting probability (the blend); for a line bet, the share of the stake at risk won. */
  probability: number;
  modelProbability: number;
  /** The de-vigged consensus of the same outcome, when the books quote it in full. */
  marketProbability?: number;
  /** The model's weight in the blend. */
  weight: number;
  /** Expected return at the odds net of the venue's fees. */
  edge: number;
  lines?: LineGrades;
  /** Set when the edge is above the sport's maximum: recorded, never bet. */
  suspect?: string;
}

/** The model's view of one game: the live rule's candidates (best bettable quote per outcome, within the thresholds). */
export interface StrategyModelView {
  candidates(): ReadonlyArray<{ quote: StrategyQuote; price: ModelPrice }>;
}

export interface StrategyGame {
  gameId: string;
  commenceTime: Date;
  home: string;
  away: string;
  /** When this game is decided: no quote after it is in `history` or `quotes`. */
  decidedAt: Date;
  /** Every quote of the game's price history known at the decision, oldest first. */
  history: readonly StrategyQuote[];
  /**
   * The latest quote of each (book, market, selection, line) known at the decision, without
   * those older than the host's maximum quote age: the prices a bet could be struck at now.
   */
  quotes: readonly StrategyQuote[];
  /** Present when the host runs the sport's model (strategies that need one declare `needsModel`). */
  model?: StrategyModelView;
}

export interface StrategyContext {
  sport: string;
  /** Moneyline ways. */
  ways: 2 | 3;
  games: readonly StrategyGame[];
  /** Whether a book's prices may be bet (the venues the run allows). */
  bettable(bookmaker: string): boolean;
  /** The rules of the venue that executes a book's prices (fees, stake units, ties). */
  rules(bookmaker: string): VenueRules;
  /**
   * One book's complete market (odds in outcome order) de-vigged to fair probabilities by the
   * host's method (multiplicative unless a method is named); undefined when under-round.
   */
  devig(odds: readonly number[], method?: string): number[] | undefined;
}

/** How a proposed bet is sized by the host. */
export type StakeRule =
  /** Kelly at the fair probability and the venue's net odds, times the run's Kelly fraction, within its caps. */
  | { kind: "kelly" }
  /** A fixed cash amount (a decimal string), rounded down to the venue's unit; no Kelly, no caps. */
  | { kind: "flat"; amount: string };

export interface ProposedBet {
  gameId: string;
  /** The quote it is struck at: book (venue), market, selection, line, price and when it was quoted. */
  quote: StrategyQuote;
  /** The probability the strategy believes (for a line bet, the share of the stake at risk won). */
  fairProbability: number;
  /** Expected return per unit staked at the venue's net odds. */
  edge: number;
  /** Grade probabilities of a line bet, where the strategy knows them (Kelly with pushes uses them). */
  lines?: LineGrades;
  stake: StakeRule;
  /** Why, in a sentence a person can check against the prices. */
  reason: string;
  /** Legs bet together (an arbitrage or a middle): same id, and what the set locks in. */
  group?: { id: string; kind: "arbitrage" | "middle"; lockedReturn?: number };
  /** Recorded but not bet (an edge too good to be true). */
  suspect?: string;
  /** Extra figures the host stores with the bet (the model's own probability, the blend weight). */
  detail?: ModelPrice;
}

export interface StrategyPlugin<Params = unknown> extends PluginCommon<never> {
  kind: "strategy";
  /** Unique lower-case name, the `strategy` of a strategy file ("sharp-reference"). */
  name: string;
  displayName: string;
  description: string;
  /** The strategy's own parameters (a strategy file's `parameters` less the host's common ones); every default filled in. */
  parameters: z.ZodType<Params>;
  /** Whether it reads the sport's model (`StrategyGame.model`); a host without a model skips such a strategy. */
  needsModel?: boolean;
  propose(context: StrategyContext, parameters: Params): ProposedBet[];
}

export const STRATEGY_NAME_PATTERN = /^[a-z][a-z0-9-]{1,39}$/;

export const strategyPluginSchema = z.object({
  kind: z.literal("strategy"),
  ...pluginCommonShape,
  name: z.string().regex(STRATEGY_NAME_PATTERN, "must be lower-case letters, digits and '-'"),
  displayName: z.string().trim().min(1),
  description: z.string().trim().min(1),
  parameters: z.custom<z.ZodType>((v) => v instanceof z.ZodType, "must be a zod schema"),
  needsModel: z.boolean().optional(),
  propose: fn("propose"),
});

/** Declares a strategy. Only types it: the registry validates it at load. */
export function defineStrategy<P>(plugin: Omit<StrategyPlugin<P>, "kind">): StrategyPlugin<P> {
  return { kind: "strategy", ...plugin };
}
