// Odds and lines as PostgreSQL stores them: DECIMAL(10,4) (game_odds.price and .line,
// placed_bets.odds). Rounding happens once, here, half away from zero as PostgreSQL's numeric
// does, so the value a source builds is the value the table holds and a rerun compares equal.
import { Decimal } from "decimal.js";

/** DECIMAL(10,4): at most 6 digits before the point. */
export const MAX_STORED_DECIMAL = new Decimal("999999.9999");

/** Thrown when a value cannot be stored in a DECIMAL(10,4) column; names the field and where it came from. */
export class DecimalRangeError extends Error {
  constructor(field: string, value: Decimal, context?: string) {
    super(
      `${context ? `${context}: ` : ""}${field} ${value.toString()} does not fit DECIMAL(10,4) (max ${MAX_STORED_DECIMAL})`,
    );
    this.name = "DecimalRangeError";
  }
}

/** Rounds to 4 places and checks the DECIMAL(10,4) range (a line, or odds already validated). */
export function storedDecimal(value: Decimal, field: string, context?: string): Decimal {
  const rounded = value.toDecimalPlaces(4, Decimal.ROUND_HALF_UP);
  if (!rounded.isFinite() || rounded.abs().greaterThan(MAX_STORED_DECIMAL)) {
    throw new DecimalRangeError(field, value, context);
  }
  return rounded;
}

/**
 * Decimal odds as stored in `game_odds.price` / `placed_bets.odds`. Throws for anything that is not
 * decimal odds above 1, or does not fit (e.g. from an American line of +100000000).
 */
export function storedPrice(odds: number | Decimal, context?: string): Decimal {
  const d = new Decimal(odds);
  if (!d.isFinite() || d.lte(1)) throw new Error(`A stored price must be decimal odds above 1, got ${d}`);
  return storedDecimal(d, "price", context);
}
