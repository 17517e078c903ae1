import { exactDecimalFromAmerican, storedDecimal } from "@edgeline/sdk";
import { Decimal } from "decimal.js";

/** Decimal odds as stored (4 places), from decimal odds text or number ("1.33", 1.33); must be above 1. */
export function decimalOdds(value: Decimal.Value): Decimal {
  const d = new Decimal(value);
  if (!d.isFinite() || d.lte(1)) throw new RangeError(`decimal odds must be above 1, got ${value}`);
  return storedDecimal(d, "price");
}

/** Decimal odds as stored, from American odds (-110 → 1.9091); |american| ≥ 100. */
export function fromAmerican(american: Decimal.Value): Decimal {
  return storedDecimal(exactDecimalFromAmerican(american), "price");
}

/** The sum of the implied probabilities of a market's prices (1.04 = a 4% margin). */
export function overround(prices: readonly Decimal[]): number {
  return prices.reduce((sum, p) => sum + 1 / p.toNumber(), 0);
}

/** A line or handicap as stored (4 places). */
export function storedLine(value: Decimal.Value): Decimal {
  return storedDecimal(new Decimal(value), "line");
}
