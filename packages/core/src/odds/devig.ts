// Removing the bookmaker margin: from one book's decimal odds on mutually exclusive, exhaustive
// outcomes to fair probabilities. Notation: r_i = 1/O_i, booksum B = Σ r_i, margin M = B − 1.
// Formulas and vectors: shared notes §3 (penaltyblog implied.py, R `implied`, mberk/shin).
import { assertDecimalOdds } from "@edgeline/sdk";

export const DEVIG_METHODS = ["multiplicative", "additive", "power", "shin", "odds-ratio"] as const;
export type DevigMethod = (typeof DEVIG_METHODS)[number];

/**
 * The iterative methods (power, Shin, odds ratio) bisect their one parameter until the bracket is
 * narrower than this (or stops shrinking in floating point), so Σp = 1 within ~1e-15.
 */
export const DEVIG_TOLERANCE = 1e-15;

export interface DevigResult {
  method: DevigMethod;
  /** Fair probabilities, in the order of the odds given. They sum to 1. */
  probabilities: number[];
  /** Booksum − 1: 0.0324 is a 3.24% overround. */
  margin: number;
  /** Shin's insider share z; power's exponent k; odds-ratio's OR. Absent for closed forms. */
  parameter?: { name: "z" | "k" | "oddsRatio"; value: number };
}

/** Σ 1/O_i − 1. */
export function overround(odds: readonly number[]): number {
  return odds.reduce((s, o) => s + 1 / o, 0) - 1;
}

function validate(odds: readonly number[]): number[] {
  if (odds.length < 2) throw new Error(`De-vigging needs at least two outcomes, got ${odds.length}`);
  for (const [i, o] of odds.entries()) assertDecimalOdds(o, `odds of outcome ${i + 1}`);
  const raw = odds.map((o) => 1 / o);
  const booksum = raw.reduce((s, r) => s + r, 0);
  if (booksum < 1) {
    throw new Error(
      `The odds are under-round (booksum ${booksum.toFixed(6)} < 1): not one book's complete market, or an arbitrage; nothing to remove`,
    );
  }
  return raw;
}

/** Root of a decreasing function on [lo, hi] with f(lo) ≥ 0 ≥ f(hi), by bisection. */
function bisect(f: (x: number) => number, lo: number, hi: number): number {
  for (let i = 0; i < 2000 && hi - lo > DEVIG_TOLERANCE * Math.max(1, Math.abs(lo)); i++) {
    const mid = (lo + hi) / 2;
    if (mid === lo || mid === hi) break;
    if (f(mid) > 0) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** An upper bracket for a decreasing f: doubles `hi` until f(hi) ≤ 0. */
function bracketAbove(f: (x: number) => number, start: number): number {
  let hi = start;
  for (let i = 0; f(hi) > 0; i++) {
    if (i > 200) throw new Error("De-vig solver could not bracket its parameter");
    hi *= 2;
  }
  return hi;
}

const sum = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0);

function shinProbabilities(raw: readonly number[], booksum: number, z: number): number[] {
  return raw.map((r) => (Math.sqrt(z * z + (4 * (1 - z) * r * r) / booksum) - z) / (2 * (1 - z)));
}

/** Fair probabilities from one book's decimal odds by the chosen method. */
export function devig(odds: readonly number[], method: DevigMethod = "multiplicative"): DevigResult {
  const raw = validate(odds);
  const booksum = sum(raw);
  const margin = booksum - 1;
  switch (method) {
    case "multiplicative":
      return { method, margin, probabilities: raw.map((r) => r / booksum) };
    case "additive": {
      const probabilities = raw.map((r) => r - margin / raw.length);
      const bad = probabilities.findIndex((p) => p <= 0);
      if (bad >= 0) {
        throw new Error(
          `Additive de-vig gives outcome ${bad + 1} a probability ≤ 0 (odds ${odds[bad]}); use another method`,
        );
      }
      return { method, margin, probabilities };
    }
    case "power": {
      // p_i = r_i^k with Σ p_i = 1; Σ r_i^k falls as k grows (every r_i < 1).
      const f = (k: number) => sum(raw.map((r) => r ** k)) - 1;
      const k = margin === 0 ? 1 : bisect(f, 1, bracketAbove(f, 2));
      return { method, margin, probabilities: raw.map((r) => r ** k), parameter: { name: "k", value: k } };
    }
    case "odds-ratio": {
      // odds(p_i) = odds(r_i) / OR, i.e. p_i = r_i / (OR + r_i − OR·r_i).
      const p = (c: number) => raw.map((r) => r / (c + r - c * r));
      const f = (c: number) => sum(p(c)) - 1;
      const c = margin === 0 ? 1 : bisect(f, 1, bracketAbove(f, 2));
      return { method, margin, probabilities: p(c), parameter: { name: "oddsRatio", value: c } };
    }
    case "shin": {
      // Σ p_i(z) = 1 is the same equation as Shin's fixed point z = (Σ√… − 2)/(n − 2), but also
      // holds for n = 2 (where Shin equals additive); Σ p_i(z) falls from √B at z = 0.
      const f = (z: number) => sum(shinProbabilities(raw, booksum, z)) - 1;
      const z = margin === 0 ? 0 : bisect(f, 0, 1 - 1e-12);
      return {
        method,
        margin,
        probabilities: shinProbabilities(raw, booksum, z),
        parameter: { name: "z", value: z },
      };
    }
  }
}
