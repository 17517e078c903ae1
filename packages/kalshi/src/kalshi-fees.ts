// Kalshi trading fees and the net odds they leave. Fee per fill = ceil-to-cent(rate × C × P × (1 − P))
// for C contracts at price P dollars: rate 0.07 for takers, 0.0175 for makers on markets that
// charge makers (shared notes §5: docs.kalshi.com fee_rounding, agentbets/capitola guides).
import { Decimal } from "decimal.js";

export type KalshiRole = "taker" | "maker";

export const KALSHI_FEE_RATE: Readonly<Record<KalshiRole, Decimal>> = {
  taker: new Decimal("0.07"),
  maker: new Decimal("0.0175"),
};

function assertContracts(contracts: number): void {
  if (!Number.isInteger(contracts) || contracts < 0) {
    throw new Error(`Kalshi contracts must be a whole number ≥ 0, got ${contracts}`);
  }
}

function assertPrice(price: Decimal): void {
  if (price.lte(0) || price.gte(1))
    throw new Error(`Kalshi price must be between $0 and $1 exclusive, got $${price}`);
}

/** Fee in dollars for buying `contracts` at `price`, rounded up to the cent. */
export function kalshiFee(contracts: number, price: Decimal, role: KalshiRole = "taker"): Decimal {
  assertContracts(contracts);
  assertPrice(price);
  const raw = KALSHI_FEE_RATE[role].times(contracts).times(price).times(new Decimal(1).minus(price));
  return raw.toDecimalPlaces(2, Decimal.ROUND_CEIL);
}

/** All-in cost of buying `contracts` at `price`: C × P + fee. */
export function kalshiCost(contracts: number, price: Decimal, role: KalshiRole = "taker"): Decimal {
  return price.times(contracts).plus(kalshiFee(contracts, price, role));
}

/**
 * Net decimal odds of a Kalshi buy: payout C over all-in cost C × P + fee. 100 @ $0.65 taker:
 * fee $1.60, net odds 1.5015 against 1.5385 gross. Kelly and edge should use these.
 */
export function kalshiNetOdds(contracts: number, price: Decimal, role: KalshiRole = "taker"): number {
  if (contracts <= 0) return kalshiMarginalNetOdds(price, role);
  return new Decimal(contracts).div(kalshiCost(contracts, price, role)).toNumber();
}

/** Net odds before cent rounding, 1 / (P + rate × P × (1 − P)): the limit for many contracts. */
export function kalshiMarginalNetOdds(price: Decimal, role: KalshiRole = "taker"): number {
  assertPrice(price);
  const perContract = price.plus(KALSHI_FEE_RATE[role].times(price).times(new Decimal(1).minus(price)));
  return new Decimal(1).div(perContract).toNumber();
}

/** The most contracts whose all-in cost does not exceed `budget` dollars. */
export function kalshiContractsFor(budget: Decimal, price: Decimal, role: KalshiRole = "taker"): number {
  assertPrice(price);
  if (budget.lte(0)) return 0;
  let contracts = budget.div(price).floor().toNumber();
  while (contracts > 0 && kalshiCost(contracts, price, role).gt(budget)) contracts--;
  return contracts;
}
