// The seam between Edgeline and a venue that takes orders. A venue plugin may bring one (a live
// exchange); the host's paper broker simulates any venue. Risk limits sit in front of it.
import type { Decimal } from "decimal.js";
import type { BetStatusUpdate, PlacedBetRow } from "../records/bet-record.ts";

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
  marketCloseTime: Date | null;
  /**
   * The lowest decimal odds at which the bet still has the sport's minimum edge: a limit order
   * goes no worse than `price`; a person at a book is shown this floor. Absent: `price`.
   */
  minOdds?: Decimal;
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
  /** Which of the venue's environments orders go to (the start-up log says it). Optional. */
  readonly environment?: "production" | "demo";
  /** Cash the account holds at the venue now (portfolio snapshots use it as cash). Optional. */
  balance?(): Promise<Decimal>;
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
