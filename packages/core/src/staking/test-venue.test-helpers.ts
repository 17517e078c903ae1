// A venue of the unit tests' own: contracts paying $1 at price 1/odds, a 2% fee on cost rounded up
// to the cent. Core knows venues only by rules like these (the Kalshi package tests Kalshi's).
import type { VenueRules } from "@edgeline/sdk";
import { Decimal } from "decimal.js";

export const FEE_RATE = new Decimal("0.02");

export const priceOfOdds = (odds: Decimal) => new Decimal(1).div(odds).toDecimalPlaces(2);

export function exchangeCost(contracts: number, price: Decimal): Decimal {
  const cost = price.times(contracts);
  return cost.plus(cost.times(FEE_RATE).toDecimalPlaces(2, Decimal.ROUND_CEIL));
}

export const testExchange: VenueRules = {
  netOdds: (odds) => odds / 1.02,
  roundStake(amount, odds) {
    const price = priceOfOdds(odds);
    let contracts = amount.div(price).floor().toNumber();
    while (contracts > 0 && exchangeCost(contracts, price).gt(amount)) contracts--;
    return { stake: contracts === 0 ? new Decimal(0) : exchangeCost(contracts, price), contracts };
  },
  payout: (stake) => new Decimal(stake.contracts ?? 0),
  onTie: { kind: "lose" },
};
