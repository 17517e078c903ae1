import { Decimal } from "decimal.js";

/**
 * Price conversions to decimal odds (stake included). Pure and exact: decimal.js throughout,
 * rounding happens once, when the record is built (see toDbDecimal).
 */

/** A binary contract bought at `dollars` (0 < p ≤ 1) pays $1: decimal odds = 1 / p. */
export function contractPriceToDecimalOdds(dollars: Decimal): Decimal {
  if (dollars.lte(0) || dollars.gt(1)) throw new RangeError(`contract price ${dollars} is outside (0, 1]`);
  return new Decimal(1).div(dollars);
}

/** American odds: +150 → 2.5, -200 → 1.5. Values in (-100, 100) are not American odds. */
export function americanToDecimalOdds(american: Decimal.Value): Decimal {
  const a = new Decimal(american);
  if (a.gte(100)) return a.div(100).plus(1);
  if (a.lte(-100)) return new Decimal(100).div(a.abs()).plus(1);
  throw new RangeError(`American odds ${a} must be ≥ +100 or ≤ -100`);
}
