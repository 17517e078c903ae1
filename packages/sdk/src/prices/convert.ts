// Price formats. Decimal odds (the gross payout per unit staked, stake included) are the hub:
// every other format converts to and from them. This module is the one home of every conversion:
// the exact ones (`exact…`, Decimal in and out) are what the odds sources store, and the number
// forms the modelling code works in are those same conversions read as a JS number, so the two
// can never disagree. Storage as DECIMAL(10,4) is ./stored.ts.
import { Decimal } from "decimal.js";

/** Throws unless `odds` are valid decimal odds: finite and greater than 1. */
export function assertDecimalOdds(odds: number, what = "decimal odds"): void {
  if (!Number.isFinite(odds) || odds <= 1) {
    throw new Error(`${what} must be a finite number greater than 1, got ${odds}`);
  }
}

/** Throws unless `p` is a probability strictly between 0 and 1. */
export function assertProbability(p: number, what = "probability"): void {
  if (!Number.isFinite(p) || p <= 0 || p >= 1) {
    throw new Error(`${what} must be strictly between 0 and 1, got ${p}`);
  }
}

/**
 * American odds (+150, −200) to decimal odds, exactly (decimal.js: −110 → 1.909090…, rounded only
 * when stored). |american| must be at least 100.
 */
export function exactDecimalFromAmerican(american: Decimal.Value): Decimal {
  const a = new Decimal(american);
  if (!a.isFinite() || a.abs().lt(100)) {
    throw new RangeError(`American odds must be ≤ −100 or ≥ +100, got ${american}`);
  }
  return a.gt(0) ? a.div(100).plus(1) : new Decimal(100).div(a.neg()).plus(1);
}

/** American odds (+150, −200) to decimal odds as a number. |american| must be at least 100. */
export function decimalFromAmerican(american: number): number {
  return exactDecimalFromAmerican(american).toNumber();
}

/** Decimal odds to American odds: positive from 2.0 up (+100 at evens), negative below. */
export function americanFromDecimal(odds: number): number {
  assertDecimalOdds(odds);
  return odds >= 2 ? (odds - 1) * 100 : -100 / (odds - 1);
}

/** Fractional odds "a/b" (profit a for stake b; "evens" is 1/1) to decimal odds. */
export function decimalFromFractional(fractional: string): number {
  const text = fractional.trim().toLowerCase();
  if (text === "evens" || text === "evs") return 2;
  const m = /^(\d+(?:\.\d+)?)\s*\/\s*(\d+(?:\.\d+)?)$/.exec(text);
  const [num, den] = m ? [Number(m[1]), Number(m[2])] : [Number.NaN, Number.NaN];
  if (!m || !(num > 0) || !(den > 0)) {
    throw new Error(`Fractional odds must look like "5/2" with positive numbers, got "${fractional}"`);
  }
  return 1 + num / den;
}

/**
 * Decimal odds to the nearest fraction with denominator ≤ `maxDenominator` (best rational
 * approximation of odds − 1 by continued fractions): 3.5 → "5/2", 1.909 → "10/11".
 */
export function fractionalFromDecimal(odds: number, maxDenominator = 100): string {
  assertDecimalOdds(odds);
  const x = odds - 1;
  let [h0, h1, k0, k1] = [0, 1, 1, 0];
  let rest = x;
  for (let i = 0; i < 64; i++) {
    const a = Math.floor(rest);
    const [h2, k2] = [a * h1 + h0, a * k1 + k0];
    if (k2 > maxDenominator) break;
    [h0, h1, k0, k1] = [h1, h2, k1, k2];
    if (Math.abs(rest - a) < 1e-12) break;
    rest = 1 / (rest - a);
  }
  return `${h1}/${k1}`;
}

/** Raw implied probability 1/odds (margin included). */
export function impliedProbability(odds: number): number {
  assertDecimalOdds(odds);
  return 1 / odds;
}

/** Fair decimal odds of a probability, 1/p. */
export function decimalFromProbability(p: number): number {
  assertProbability(p);
  return 1 / p;
}

// Binary contracts (prediction-market exchanges such as Kalshi): a YES contract pays $1; its price P
// in dollars (0 < P < 1, up to 4 dp) is the market's implied probability, and gross decimal odds
// are 1/P. Fees are the venue's business (its VenueRules), not a price conversion's.

const CONTRACT_DOLLARS = /^0?\.\d{1,4}$/;

/** A dollar string such as "0.6500" or ".65" to a price in dollars. */
export function contractPriceFromDollars(dollars: string): Decimal {
  const text = dollars.trim();
  if (!CONTRACT_DOLLARS.test(text)) {
    throw new Error(
      `A contract price must be a dollar string like "0.6500" (at most 4 decimals), got "${dollars}"`,
    );
  }
  return assertContractPrice(new Decimal(text.startsWith(".") ? `0${text}` : text));
}

/** A contract price in cents (65, or 0.5 on deci-cent markets) to dollars. */
export function contractPriceFromCents(cents: number): Decimal {
  if (!Number.isFinite(cents)) throw new Error(`A contract price in cents must be a number, got ${cents}`);
  const dollars = new Decimal(cents).div(100);
  if (dollars.decimalPlaces() > 4)
    throw new Error(`A contract price has at most 0.01 cent precision, got ${cents}¢`);
  return assertContractPrice(dollars);
}

function assertContractPrice(price: Decimal): Decimal {
  if (price.lte(0) || price.gte(1))
    throw new Error(`A contract price must be between $0 and $1 exclusive, got $${price}`);
  return price;
}

/** A contract price as the API writes it: four decimals, "0.6500". */
export function contractDollarString(price: Decimal): string {
  return assertContractPrice(price).toFixed(4);
}

/** A contract price in cents. */
export function contractCents(price: Decimal): Decimal {
  return assertContractPrice(price).times(100);
}

/**
 * Gross decimal odds of a binary contract bought at `dollars` (it pays $1), exactly: 1 / price.
 * Accepts (0, 1]: an ask of a full dollar is odds 1, a price with nothing to win, but still a quote
 * an exchange source records as it is.
 */
export function exactDecimalFromContractPrice(dollars: Decimal): Decimal {
  if (!dollars.isFinite() || dollars.lte(0) || dollars.gt(1))
    throw new RangeError(`A contract price must be in ($0, $1], got $${dollars}`);
  return new Decimal(1).div(dollars);
}

/** Gross decimal odds of buying at a contract price (fees excluded). */
export function decimalFromContractPrice(price: Decimal): number {
  return exactDecimalFromContractPrice(assertContractPrice(price)).toNumber();
}

/** The contract price whose gross odds are `odds`, rounded to `tick` dollars (default one cent). */
export function contractPriceFromDecimal(odds: number, tick: Decimal = new Decimal("0.01")): Decimal {
  assertDecimalOdds(odds);
  const price = new Decimal(1).div(odds).div(tick).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).times(tick);
  return assertContractPrice(price);
}
