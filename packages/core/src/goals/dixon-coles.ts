// The Dixon-Coles model (Dixon & Coles 1997, "Modelling association football scores and
// inefficiencies in the football betting market", JRSS C 46(2)) exactly as penaltyblog
// parametrises it (models/dixon_coles.py, loss.pyx; ../shared/reference/dixon-coles-epl-2023-24.md):
//
//   λ_home = exp(homeAdvantage + attack[home] + defence[away])
//   λ_away = exp(attack[away] + defence[home])        (a higher defence concedes more)
//   P(x, y) ∝ Pois(x; λ_home) · Pois(y; λ_away) · τ(x, y)
//   τ(0,0) = 1 − ρ λ_home λ_away, τ(0,1) = 1 + ρ λ_home, τ(1,0) = 1 + ρ λ_away, τ(1,1) = 1 − ρ, else 1
//
// This file is the weighted negative log-likelihood with its exact gradient and Hessian (the τ
// terms included: penaltyblog's shipped gradient leaves out how τ depends on the two rates, which
// is why its own fit stops short of the maximum).

/** Parameter bounds, as penaltyblog sets them. */
export const DIXON_COLES_BOUNDS = {
  attack: [-2.5, 2.5],
  defence: [-2.5, 2.5],
  homeAdvantage: [0, 2],
  rho: [-2.5, 2.5],
} as const;

/** τ is floored here before its log is taken (penaltyblog's max(1e-9, τ)). */
const TAU_FLOOR = 1e-9;

/** Played games indexed for the likelihood: team indices, goals, weights. */
export interface IndexedGames {
  teams: number;
  home: Int32Array;
  away: Int32Array;
  homeGoals: Int32Array;
  awayGoals: Int32Array;
  weight: Float64Array;
  /** Σ weight · (ln x! + ln y!), so the likelihood includes the factorial terms. */
  weightedLogFactorials: number;
}

/** The τ factor of a score. */
export function dixonColesTau(
  x: number,
  y: number,
  lambdaHome: number,
  lambdaAway: number,
  rho: number,
): number {
  if (x === 0 && y === 0) return 1 - rho * lambdaHome * lambdaAway;
  if (x === 0 && y === 1) return 1 + rho * lambdaHome;
  if (x === 1 && y === 0) return 1 + rho * lambdaAway;
  if (x === 1 && y === 1) return 1 - rho;
  return 1;
}

export function logFactorial(k: number): number {
  let s = 0;
  for (let i = 2; i <= k; i++) s += Math.log(i);
  return s;
}

/**
 * Negative weighted log-likelihood at x = [attack (n), defence (n), homeAdvantage, rho]; fills the
 * gradient and the Hessian (row-major) when given. Per game it works in u = ln λ_home,
 * v = ln λ_away and ρ, then spreads the 3×3 derivatives onto the parameters u and v are sums of.
 */
export function dixonColesNegativeLogLikelihood(
  games: IndexedGames,
  x: Float64Array,
  grad: Float64Array | null,
  hess: Float64Array | null,
): number {
  const n = games.teams;
  const dim = 2 * n + 2;
  const iH = 2 * n;
  const iR = 2 * n + 1;
  if (grad) grad.fill(0);
  if (hess) hess.fill(0);
  const rho = x[iR]!;
  let ll = -games.weightedLogFactorials;
  const U = [0, 0, iH];
  const V = [0, 0];
  for (let g = 0; g < games.home.length; g++) {
    const h = games.home[g]!;
    const a = games.away[g]!;
    const xg = games.homeGoals[g]!;
    const yg = games.awayGoals[g]!;
    const w = games.weight[g]!;
    const u = x[iH]! + x[h]! + x[n + a]!;
    const v = x[a]! + x[n + h]!;
    const lam = Math.exp(u);
    const mu = Math.exp(v);
    // τ and its derivatives in (u, v, ρ).
    let tau = 1;
    let tu = 0;
    let tv = 0;
    let tr = 0;
    let tuu = 0;
    let tuv = 0;
    let tvv = 0;
    let tur = 0;
    let tvr = 0;
    if (xg === 0 && yg === 0) {
      const lm = lam * mu;
      tau = 1 - rho * lm;
      tu = tv = tuu = tuv = tvv = -rho * lm;
      tr = tur = tvr = -lm;
    } else if (xg === 0 && yg === 1) {
      tau = 1 + rho * lam;
      tu = tuu = rho * lam;
      tr = tur = lam;
    } else if (xg === 1 && yg === 0) {
      tau = 1 + rho * mu;
      tv = tvv = rho * mu;
      tr = tvr = mu;
    } else if (xg === 1 && yg === 1) {
      tau = 1 - rho;
      tr = -1;
    }
    const clipped = tau < TAU_FLOOR;
    ll += w * (xg * u - lam + yg * v - mu + Math.log(clipped ? TAU_FLOOR : tau));
    if (!grad) continue;
    if (clipped) tu = tv = tr = tuu = tuv = tvv = tur = tvr = 0;
    const gu = tu / tau;
    const gv = tv / tau;
    const gr = tr / tau;
    const lu = xg - lam + (clipped ? 0 : gu);
    const lv = yg - mu + (clipped ? 0 : gv);
    const lr = clipped ? 0 : gr;
    U[0] = h;
    U[1] = n + a;
    V[0] = a;
    V[1] = n + h;
    for (const i of U) grad[i]! -= w * lu;
    for (const i of V) grad[i]! -= w * lv;
    grad[iR]! -= w * lr;
    if (!hess) continue;
    const luu = -lam + (clipped ? 0 : tuu / tau - gu * gu);
    const lvv = -mu + (clipped ? 0 : tvv / tau - gv * gv);
    const luv = clipped ? 0 : tuv / tau - gu * gv;
    const lur = clipped ? 0 : tur / tau - gu * gr;
    const lvr = clipped ? 0 : tvr / tau - gv * gr;
    const lrr = clipped ? 0 : -gr * gr;
    for (const i of U) {
      for (const j of U) hess[i * dim + j]! -= w * luu;
      for (const j of V) {
        hess[i * dim + j]! -= w * luv;
        hess[j * dim + i]! -= w * luv;
      }
      hess[i * dim + iR]! -= w * lur;
      hess[iR * dim + i]! -= w * lur;
    }
    for (const i of V) {
      for (const j of V) hess[i * dim + j]! -= w * lvv;
      hess[i * dim + iR]! -= w * lvr;
      hess[iR * dim + i]! -= w * lvr;
    }
    hess[iR * dim + iR]! -= w * lrr;
  }
  return -ll;
}
