// What the exchange says of a bet, as a status change: an order cancelled with nothing filled, a
// partial fill (the bet shrinks to the filled contracts), a fill at a better price, and the
// market's settlement (yes, no, void; a tie is a scalar settlement at $0.50 a contract). Pure.
import type { BetFill, BrokerBetUpdate, PlacedBetRow } from "@edgeline/sdk";
import { Decimal } from "decimal.js";
import { betFillOf, type KalshiOrderState } from "./kalshi-order.ts";
import type { KalshiSettlement } from "./kalshi-portfolio-schemas.ts";

/** placed_bets.status of a Kalshi order that never filled and will not. */
export const KALSHI_CANCELLED_STATUS = "cancelled";

/** What one YES contract paid at settlement, in dollars; undefined for a void (the cost comes back). */
export function kalshiPayoutPerContract(settlement: KalshiSettlement): Decimal | undefined {
  switch (settlement.market_result) {
    case "yes":
      return new Decimal(1);
    case "no":
      return new Decimal(0);
    case "scalar":
      // `value` is the YES payout in cents; a tied game's winner market settles at 50.
      return new Decimal(settlement.value ?? 50).div(100);
    case "void":
      return undefined;
  }
}

/** Status and net result of `fill` under a settlement: a win or loss by its sign, void at zero. */
function settle(
  fill: BetFill,
  settlement: KalshiSettlement,
): Required<Omit<BrokerBetUpdate, "betId" | "fill">> {
  const perContract = kalshiPayoutPerContract(settlement);
  if (perContract === undefined)
    return { status: "void", result: new Decimal(0), reason: "Kalshi voided the market" };
  const result = perContract
    .times(fill.contracts)
    .minus(fill.stake)
    .toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  const status = result.isZero() ? "void" : result.isPositive() ? "win" : "loss";
  const how =
    settlement.market_result === "scalar"
      ? `settled at $${perContract.toFixed(2)} a contract (a tie)`
      : `settled ${settlement.market_result}`;
  return { status, result, reason: `Kalshi ${how}` };
}

const sameFill = (bet: PlacedBetRow, fill: BetFill) =>
  bet.stake.eq(fill.stake) &&
  (bet.potentialPayout?.eq(fill.potentialPayout) ?? false) &&
  bet.odds.eq(fill.odds);

/**
 * The update of a pending Kalshi bet from its order (already cancelled by the caller if the game
 * has started) and its market's settlement, or undefined when nothing changed.
 */
export function kalshiBetUpdate(
  bet: PlacedBetRow,
  order: KalshiOrderState,
  settlement: KalshiSettlement | undefined,
  cancelReason?: string,
): BrokerBetUpdate | undefined {
  const fill = betFillOf(order);
  if (!fill) {
    if (order.status === "resting") return undefined;
    return {
      betId: bet.betId,
      status: KALSHI_CANCELLED_STATUS,
      result: new Decimal(0),
      reason: cancelReason ?? "Kalshi order cancelled with nothing filled",
    };
  }
  // Still working and unsettled: the bet is what it was placed as until the order is done.
  if (order.status === "resting" && !settlement) return undefined;
  const changed = !sameFill(bet, fill);
  const partial = order.filled < order.initial && order.status !== "resting";
  const fillNote = partial
    ? `filled ${order.filled} of ${order.initial} contracts, the rest cancelled${cancelReason ? ` (${cancelReason})` : ""}`
    : `filled ${order.filled} contracts`;
  if (settlement) {
    const { status, result, reason } = settle(fill, settlement);
    return {
      betId: bet.betId,
      status,
      result,
      ...(changed ? { fill } : {}),
      reason: changed ? `${fillNote}; ${reason}` : reason,
    };
  }
  if (!changed) return undefined;
  return { betId: bet.betId, status: "pending", result: null, fill, reason: fillNote };
}
