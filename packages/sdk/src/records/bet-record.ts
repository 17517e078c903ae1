// A placed_bets row as a broker returns it, and a status change a venue reports. The host writes
// them (repositories/placed-bets.ts in core); brokers only produce them.
import type { Decimal } from "decimal.js";

/** One placed_bets row. Money is Decimal: stake and payout to the cent, odds to 4 places. */
export interface PlacedBetRow {
  betId: string;
  gameId: string | null;
  marketId: string;
  bookmaker: string;
  outcome: string;
  stake: Decimal;
  odds: Decimal;
  potentialPayout: Decimal | null;
  status: string;
  result: Decimal | null;
  placedTimeUtc: Date | null;
  marketTitle: string | null;
  marketCloseTimeUtc: Date | null;
  openingOdds: Decimal | null;
  /** moneyline, spread or total; absent or null: a moneyline bet. */
  marketName?: string | null;
  /** The handicap (from the backed side) or the total the bet was struck at; null for moneylines. */
  line?: Decimal | null;
  /** Whole contracts bought, at venues that trade contracts (absent elsewhere). */
  contracts?: number | null;
  /** The venue's fee inside `stake` (absent or null: none). */
  fees?: Decimal | null;
}

/** A bet's new status (pending, win, loss, void) and net result, as a venue or settlement reports it. */
export interface BetStatusUpdate {
  betId: string;
  status: string;
  result: Decimal | null;
  /** Why it changed ("settled on the final score 3-2", "unconfirmed at the game's start"); kept in the bet's history. */
  reason?: string;
  /** A venue's fill: the stake, contracts and fees actually filled (a partial fill shrinks the bet). */
  fill?: { stake: Decimal; contracts?: number; fee?: Decimal; odds?: Decimal; potentialPayout?: Decimal };
}
