// The seam between Edgeline and a venue that takes orders. A venue plugin may bring one (a live
// exchange); the host's paper broker simulates any venue. Risk limits sit in front of it.
import type { Decimal } from "decimal.js";
import type { BetStatusUpdate, PlacedBetRow } from "../records/bet-record.ts";
// A live broker may also cancel, and report balance, positions and settlements (all optional:
// the paper broker has none of them).

/** An order to place, derived from one recommendation. */
export interface OrderRequest {
  /** Deterministic id ({@link betId}): placing the same order twice must not make a second bet. */
  betId: string;
  gameId: string;
  marketId: string;
  /** What is bought: the odds outcome ("home_team_win", "away_team_win", "draw", "over", "under"). */
  outcome: string;
  /** The market: moneyline (when absent), spread or total. */
  marketName?: "moneyline" | "spread" | "total";
  /** The spread (from the backed side) or total the bet is struck at; absent for moneylines. */
  line?: Decimal;
  stake: Decimal;
  /** Gross decimal odds the recommendation was priced at (the quote it was made on). */
  price: Decimal;
  /** Whole contracts the stake buys, at venues that trade contracts. */
  contracts?: number;
  /** The bookmaker whose price it is (its venue's rules size and settle the bet), if known. */
  venueBookmaker: string | null;
  placedAt: Date;
  marketTitle: string | null;
  /**
   * When the order stops being wanted: the recommendation's expiry, i.e. the game's start. A live
   * broker cancels what is still unfilled then (Kalshi: the order's expiration_time, and syncBets).
   */
  marketCloseTime: Date | null;
  /**
   * The venue's own id of the market (`game_odds.external_id` of the quote): a Kalshi market
   * ticker such as `KXNHLGAME-26NOV28BOSTOR-TOR`. Live exchange brokers need it; paper ignores it.
   */
  venueMarketId?: string;
  /**
   * The lowest decimal odds at which the bet still has the sport's minimum edge: a limit order
   * goes no worse than `price`; a person at a book is shown this floor. Absent: `price`.
   */
  minOdds?: Decimal;
}

/**
 * The pending placed_bets row of an order, as any broker returns it: the request's identity,
 * times and title, with the stake, odds and payout the venue priced (one home for the mapping:
 * the paper, manual and Kalshi brokers build on it).
 */
export function pendingBetRow(
  request: OrderRequest,
  bookmaker: string,
  priced: { stake: Decimal; odds: Decimal; potentialPayout: Decimal | null },
): PlacedBetRow {
  return {
    betId: request.betId,
    gameId: request.gameId,
    marketId: request.marketId,
    bookmaker,
    outcome: request.outcome,
    ...priced,
    status: "pending",
    result: null,
    placedTimeUtc: request.placedAt,
    marketTitle: request.marketTitle,
    marketCloseTimeUtc: request.marketCloseTime,
    openingOdds: request.price,
    ...(request.marketName && request.marketName !== "moneyline"
      ? { marketName: request.marketName, line: request.line ?? null }
      : {}),
  };
}

/** What an exchange actually filled of an order, when it differs from what was asked. */
export interface BetFill {
  /** Whole contracts filled (the bet is of these only; the rest is cancelled). */
  contracts: number;
  /** Cash paid, fees included. */
  stake: Decimal;
  /** The fees inside `stake`. */
  fee: Decimal;
  /** Gross decimal odds of the average fill price (1 / price). */
  odds: Decimal;
  /** What the filled contracts pay on a win. */
  potentialPayout: Decimal;
}

/**
 * A status change as a live broker reports it: optionally what was filled (a partial fill
 * shrinks the bet to its filled contracts) and why the status changed (kept in the bet's history).
 */
export interface BrokerBetUpdate extends BetStatusUpdate {
  fill?: BetFill;
  reason?: string;
}

/** Cash at a venue, as its API reports it. */
export interface VenueBalance {
  /** Available for trading. */
  cash: Decimal;
  /** The venue's own valuation of the open positions, when it reports one. */
  portfolioValue?: Decimal;
  asOf: Date;
}

/** One open position at a venue (per market). */
export interface VenuePosition {
  /** The venue's market id (Kalshi ticker). */
  venueMarketId: string;
  /** Contracts held: positive YES, negative NO. */
  contracts: number;
  /** Cost of the position still held. */
  cost: Decimal;
  feesPaid: Decimal;
  realizedPnl: Decimal;
}

/** A settled market of the account. */
export interface VenueSettlement {
  venueMarketId: string;
  /** yes, no, void, or scalar (a tied game: each contract pays `payoutPerContract`). */
  result: "yes" | "no" | "void" | "scalar";
  /** What one YES contract paid: $1, $0, $0.50 for a tie; for void the cost is returned instead. */
  payoutPerContract: Decimal;
  /** Total paid out to the account on this market. */
  revenue: Decimal;
  cost: Decimal;
  fees: Decimal;
  settledAt: Date;
}

/**
 * A venue that takes orders and reports on them. `placeOrder` must be idempotent on
 * `request.betId` (a retried step calls it again); the caller writes the returned row.
 */
export interface Broker {
  /** `placed_bets.bookmaker` of the bets this broker places ("Paper", "Kalshi"). */
  readonly bookmaker: string;
  placeOrder(request: OrderRequest): Promise<PlacedBetRow>;
  /**
   * Current status and result of the given bets as of `now`; only changed ones need be returned.
   * (`now` matters to settlement: a postponed game's bets void only after a wait.)
   */
  syncBets(bets: readonly PlacedBetRow[], now: Date): Promise<BetStatusUpdate[]>;
  /** Where a live broker sends orders, for start-up to print ("Kalshi demo at https://..."). */
  readonly endpoint?: { environment: "production" | "demo"; baseUrl: string };
  /** Cancels what is unfilled of a bet's order; the update says what was filled (undefined: no order). */
  cancelOrder?(bet: PlacedBetRow, reason: string): Promise<BrokerBetUpdate | undefined>;
  /** The venue's cash (portfolio snapshots: cash is the venue balance). */
  balance?(): Promise<VenueBalance>;
  /** Open positions at the venue (portfolio snapshots: invested, unrealized P&L). */
  positions?(): Promise<VenuePosition[]>;
  /** Settlements of the account since `since` (realized P&L net of fees). */
  settlements?(since: Date): Promise<VenueSettlement[]>;
}

/**
 * Limits the host checks before it hands any order (paper or live) to a broker; brokers need not
 * check them again. The host's configuration (EDGELINE_RISK_*) fills them, with defaults.
 */
export interface RiskLimits {
  maxStakePerBet: Decimal;
  maxStakePerDay: Decimal;
  maxStakePerGame: Decimal;
  maxOpenExposure: Decimal;
  /** Net loss on bets settled over the last day above which no order is sent. */
  dailyLossLimit: Decimal;
  maxOpenPositions: number;
}
