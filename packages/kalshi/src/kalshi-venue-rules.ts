// Kalshi's venue rules: a binary contract pays $1, is bought in whole contracts at a price in
// dollars, and every fill pays a fee (kalshi-fees.ts). The modelling core sizes, prices and grades
// Kalshi bets only through these rules; the broker prices its orders with them too.
import { contractPriceFromDecimal, type VenueRules, type VenueStake } from "@edgeline/sdk";
import { Decimal } from "decimal.js";
import { kalshiContractsFor, kalshiCost, kalshiFee, kalshiMarginalNetOdds } from "./kalshi-fees.ts";

/** Prices have at most 4 decimals since Kalshi's fixed-point migration. */
const TICK = new Decimal("0.0001");

/** The contract price a quote's gross decimal odds stand for (1 / odds, to the tick). */
export function kalshiPriceOf(odds: Decimal | number): Decimal {
  return contractPriceFromDecimal(typeof odds === "number" ? odds : odds.toNumber(), TICK);
}

export const kalshiRules: VenueRules = {
  // Taker fees at the per-contract rate: the limit of many contracts, so Kelly sizes on the true cost.
  netOdds: (odds) => kalshiMarginalNetOdds(kalshiPriceOf(odds)),
  roundStake(amount, odds): VenueStake {
    const price = kalshiPriceOf(odds);
    const contracts = kalshiContractsFor(amount, price);
    if (contracts === 0) return { stake: new Decimal(0), contracts: 0, fee: new Decimal(0) };
    return { stake: kalshiCost(contracts, price), contracts, fee: kalshiFee(contracts, price) };
  },
  // A winning contract pays $1; a stake recorded without contracts is valued at its gross odds.
  payout: (stake, odds) =>
    stake.contracts !== undefined
      ? new Decimal(stake.contracts)
      : stake.stake
          .minus(stake.fee ?? 0)
          .times(odds)
          .toDecimalPlaces(2, Decimal.ROUND_DOWN),
  // A tied game settles the team's "will win" contracts at $0.50.
  onTie: { kind: "payout-fraction", fraction: 0.5 },
};
