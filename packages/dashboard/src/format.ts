// Numbers as the dashboard shows them, always with their unit: money with two decimals (exact,
// from the API's Decimal strings through decimal.js), decimal odds, probabilities as percentages,
// instants in UTC. Null or missing values show as an em dash.
import { Decimal } from "decimal.js";

/** The bankroll's currency: the venues shipped (Kalshi, US sportsbooks) settle in US dollars. */
export const CURRENCY_SYMBOL = "$";
export const MISSING = "—";

function group(integerDigits: string): string {
  return integerDigits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** "$1,234.50", "−$12.00"; rounds half away from zero to the cent. */
export function money(value: string | Decimal | null | undefined): string {
  if (value === null || value === undefined) return MISSING;
  const d = new Decimal(value).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  const [int, frac] = d.abs().toFixed(2).split(".");
  return `${d.isNegative() && !d.isZero() ? "−" : ""}${CURRENCY_SYMBOL}${group(int!)}.${frac}`;
}

/** "+$3.10" / "−$3.10" / "$0.00": a profit or loss. */
export function signedMoney(value: string | Decimal | null | undefined): string {
  if (value === null || value === undefined) return MISSING;
  const d = new Decimal(value);
  return d.isPositive() && !d.isZero() ? `+${money(d)}` : money(d);
}

/** Decimal odds with two decimals ("2.27"); the API stores four. */
export function odds(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return MISSING;
  return new Decimal(value).toFixed(2);
}

/** An odds floor to 2 places, rounded up: the shown price still clears it (2.2105 → "2.22"). */
export function oddsFloor(value: string | null | undefined): string {
  if (value === null || value === undefined) return MISSING;
  return new Decimal(value).toDecimalPlaces(2, Decimal.ROUND_UP).toFixed(2);
}

/** A probability or a rate (0.2799) as a percentage ("28.0 %"). */
export function percent(value: string | number | null | undefined, digits = 1): string {
  if (value === null || value === undefined || value === "") return MISSING;
  const d = new Decimal(value).times(100);
  return `${d.toFixed(digits)} %`;
}

/** An Elo rating, one decimal. */
export function rating(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return MISSING;
  return new Decimal(value).toFixed(1);
}

/** "2026-12-02 17:08 UTC" */
export function dateTime(iso: string | null | undefined): string {
  if (!iso) return MISSING;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

/** Today's UTC calendar day, YYYY-MM-DD (the API's `recommendations(date:)` is a UTC day). */
export function utcToday(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}
