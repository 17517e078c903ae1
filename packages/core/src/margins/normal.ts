// The standard normal distribution function, to about 1e-16: the margin and total models
// discretise a normal with it. erfc by a positive series near 0 and a continued fraction in the
// tails (Abramowitz & Stegun 7.1.6 and 7.1.14), so there is no cancellation either way.

const SQRT_PI = Math.sqrt(Math.PI);

/** erf(z) for 0 ≤ z < 2 by 2/√π · e^(−z²) · Σ 2ⁿ z^(2n+1) / (1·3·…·(2n+1)), every term positive. */
function erfSeries(z: number): number {
  let term = z;
  let sum = z;
  for (let n = 1; n < 200; n++) {
    term *= (2 * z * z) / (2 * n + 1);
    sum += term;
    if (term < sum * 1e-17) break;
  }
  return (2 / SQRT_PI) * Math.exp(-z * z) * sum;
}

/** erfc(z) for z ≥ 2 by the continued fraction e^(−z²)/√π · 1/(z + ½/(z + 1/(z + 3/2/(z + …)))), Lentz's method. */
function erfcFraction(z: number): number {
  const tiny = 1e-300;
  let f = z;
  let c = z;
  let d = 0;
  for (let n = 1; n < 500; n++) {
    const a = n / 2;
    d = z + a * d;
    d = d === 0 ? tiny : d;
    c = z + a / c;
    c = c === 0 ? tiny : c;
    d = 1 / d;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.exp(-z * z) / (SQRT_PI * f);
}

/** The complementary error function. */
export function erfc(z: number): number {
  if (Number.isNaN(z)) return Number.NaN;
  if (z < 0) return 2 - erfc(-z);
  return z < 2 ? 1 - erfSeries(z) : erfcFraction(z);
}

/** P(X ≤ x) for a standard normal X. */
export function normalCdf(x: number): number {
  return 0.5 * erfc(-x / Math.SQRT2);
}
