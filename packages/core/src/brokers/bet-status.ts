// The statuses a placed_bets row takes. The seed's are pending (open), win, loss and void; a bet
// for a person to place at a book starts `awaiting` and becomes pending when confirmed, or
// `cancelled` (dropped by hand) or `expired` (unconfirmed at the game's start). Only committed
// bets are money at risk: the portfolio and the risk limits count nothing else.
export const AWAITING = "awaiting";
export const CANCELLED = "cancelled";
export const EXPIRED = "expired";

/** Statuses of a bet that may still change by a sync or a person. */
export const OPEN_STATUSES: readonly string[] = ["pending", AWAITING];

/** Whether a bet of this status stakes money (pending or settled), as opposed to a proposal never taken. */
export function isCommitted(status: string | null): boolean {
  return status !== AWAITING && status !== CANCELLED && status !== EXPIRED;
}
