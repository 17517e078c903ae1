// Fitting Dixon-Coles by maximum likelihood on the games played before a day, with penaltyblog's
// time-decay weights w = exp(−ξ · days before the latest game fitted) and identification
// Σ attack = number of teams (mean attack 1). Reproduces the exact maximum of penaltyblog's own
// objective (column C of ../shared/reference/dixon-coles-epl-2023-24.md) to about 1e-7.
import { assertCalendarDay, daysBetween } from "@edgeline/sdk";
import { minimiseBoundedNewton } from "./bounded-newton.ts";
import {
  DIXON_COLES_BOUNDS,
  dixonColesNegativeLogLikelihood,
  type IndexedGames,
  logFactorial,
} from "./dixon-coles.ts";

/** A game for the goals model; goals are null until it is played. */
export interface GoalsGame {
  /** YYYY-MM-DD. */
  date: string;
  home: string;
  away: string;
  homeGoals: number | null;
  awayGoals: number | null;
}

export interface DixonColesOptions {
  /** Fit only games dated strictly before this day (YYYY-MM-DD): what was known on its morning. */
  asOf?: string;
  /** Time decay per day (penaltyblog's ξ; 0.0018 is its documented example). Default 0: equal weights. */
  xi?: number;
  /**
   * The day weights count back from; default the latest game fitted (penaltyblog's base_date).
   * Scaling every weight alike leaves the fit unchanged; only the reported log-likelihood moves.
   */
  decayFrom?: string;
  /** Stop when the largest projected gradient of the negative log-likelihood is below this. Default 1e-8. */
  tolerance?: number;
  maxIterations?: number;
  /** A previous fit to start from (walk-forward): same optimum, fewer iterations. */
  start?: DixonColesFit;
}

export interface DixonColesFit {
  /** Teams fitted, sorted. */
  teams: string[];
  attack: Record<string, number>;
  defence: Record<string, number>;
  homeAdvantage: number;
  rho: number;
  /** Weighted log-likelihood at the fit, −log k! terms included (penaltyblog's figure). */
  logLikelihood: number;
  /** Played games fitted. */
  games: number;
  /** Played games of each team in the fit. */
  gamesByTeam: Record<string, number>;
  xi: number;
  asOf: string | null;
  /** Latest game date fitted. */
  lastGameDate: string;
  iterations: number;
  /** 0 at an exact optimum. */
  maxProjectedGradient: number;
  converged: boolean;
}

function validate(game: GoalsGame, i: number): void {
  const where = `game ${i + 1} (${game.date} ${game.home} v ${game.away})`;
  assertCalendarDay(game.date, where);
  if (!game.home || !game.away) throw new Error(`${where}: both teams need an id`);
  if (game.home === game.away) throw new Error(`${where}: a team cannot play itself`);
  const goals = [game.homeGoals, game.awayGoals];
  if (goals.filter((g) => g === null).length === 1) throw new Error(`${where}: give both scores or neither`);
  for (const g of goals) {
    if (g !== null && !(Number.isInteger(g) && g >= 0)) {
      throw new Error(`${where}: goals must be whole numbers ≥ 0, got ${g}`);
    }
  }
}

const isPlayed = (g: GoalsGame): g is GoalsGame & { homeGoals: number; awayGoals: number } =>
  g.homeGoals !== null && g.awayGoals !== null;

/** Fits Dixon-Coles to the played games (before `asOf` if given). Throws when there is nothing to fit. */
export function fitDixonColes(games: readonly GoalsGame[], options: DixonColesOptions = {}): DixonColesFit {
  const xi = options.xi ?? 0;
  if (!Number.isFinite(xi) || xi < 0) throw new Error(`xi must be a number ≥ 0, got ${xi}`);
  if (options.asOf !== undefined) assertCalendarDay(options.asOf, "asOf");
  games.forEach(validate);
  const fitted = games.filter((g) => isPlayed(g) && (options.asOf === undefined || g.date < options.asOf));
  if (fitted.length === 0) {
    throw new Error(`no played games${options.asOf ? ` before ${options.asOf}` : ""} to fit Dixon-Coles on`);
  }
  const teams = [...new Set(fitted.flatMap((g) => [g.home, g.away]))].sort();
  const index = new Map(teams.map((t, i) => [t, i]));
  const lastGameDate = fitted
    .map((g) => g.date)
    .sort()
    .at(-1)!;
  const decayFrom = options.decayFrom ?? lastGameDate;
  assertCalendarDay(decayFrom, "decayFrom");
  const n = teams.length;
  const indexed: IndexedGames = {
    teams: n,
    home: Int32Array.from(fitted, (g) => index.get(g.home)!),
    away: Int32Array.from(fitted, (g) => index.get(g.away)!),
    homeGoals: Int32Array.from(fitted, (g) => g.homeGoals!),
    awayGoals: Int32Array.from(fitted, (g) => g.awayGoals!),
    weight: Float64Array.from(fitted, (g) => Math.exp(-xi * daysBetween(g.date, decayFrom))),
    weightedLogFactorials: 0,
  };
  indexed.weightedLogFactorials = fitted.reduce(
    (s, g, i) => s + indexed.weight[i]! * (logFactorial(g.homeGoals!) + logFactorial(g.awayGoals!)),
    0,
  );
  const dim = 2 * n + 2;
  const lower = new Float64Array(dim);
  const upper = new Float64Array(dim);
  const equality = new Float64Array(dim);
  for (let i = 0; i < n; i++) {
    [lower[i], upper[i]] = DIXON_COLES_BOUNDS.attack;
    [lower[n + i], upper[n + i]] = DIXON_COLES_BOUNDS.defence;
    equality[i] = 1;
  }
  [lower[2 * n], upper[2 * n]] = DIXON_COLES_BOUNDS.homeAdvantage;
  [lower[2 * n + 1], upper[2 * n + 1]] = DIXON_COLES_BOUNDS.rho;
  const result = minimiseBoundedNewton(
    {
      dimension: dim,
      lower,
      upper,
      equality,
      evaluate: (x, g, h) => dixonColesNegativeLogLikelihood(indexed, x, g, h),
    },
    startingPoint(teams, options.start),
    { tolerance: options.tolerance ?? 1e-8, maxIterations: options.maxIterations ?? 200 },
  );
  const x = result.x;
  const gamesByTeam: Record<string, number> = Object.fromEntries(teams.map((t) => [t, 0]));
  for (const g of fitted) {
    gamesByTeam[g.home]! += 1;
    gamesByTeam[g.away]! += 1;
  }
  return {
    teams,
    attack: Object.fromEntries(teams.map((t, i) => [t, x[i]!])),
    defence: Object.fromEntries(teams.map((t, i) => [t, x[n + i]!])),
    homeAdvantage: x[2 * n]!,
    rho: x[2 * n + 1]!,
    logLikelihood: -result.value,
    games: fitted.length,
    gamesByTeam,
    xi,
    asOf: options.asOf ?? null,
    lastGameDate,
    iterations: result.iterations,
    maxProjectedGradient: result.maxProjectedGradient,
    converged: result.converged,
  };
}

/**
 * Whether every τ of a fit is positive for every pairing of its teams. A fit on a handful of
 * high-scoring games (hockey's first days) can end with ρ far outside Dixon & Coles' range, where τ
 * is floored and the likelihood has no gradient in ρ: a warm start there would hold every later
 * fit at that ρ, so such a start takes the default ρ instead.
 */
function tauPositive(fit: DixonColesFit): boolean {
  const { rho } = fit;
  if (!(1 - rho > 0)) return false;
  for (const h of fit.teams)
    for (const a of fit.teams) {
      if (h === a) continue;
      const { home, away } = dixonColesRates(fit, h, a);
      if (!(1 - home * away * rho > 0 && 1 + home * rho > 0 && 1 + away * rho > 0)) return false;
    }
  return true;
}

/** penaltyblog's start (attack 1, defence −1, home 0.25, ρ −0.1), or a previous fit's values re-centred to mean attack 1. */
function startingPoint(teams: readonly string[], start?: DixonColesFit): Float64Array {
  const n = teams.length;
  const x = new Float64Array(2 * n + 2);
  teams.forEach((t, i) => {
    x[i] = start?.attack[t] ?? 1;
    x[n + i] = start?.defence[t] ?? -1;
  });
  x[2 * n] = start?.homeAdvantage ?? 0.25;
  x[2 * n + 1] = start && tauPositive(start) ? start.rho : -0.1;
  // Shifting every attack by c and every defence by −c leaves each λ unchanged and meets Σ attack = n.
  let sum = 0;
  for (let i = 0; i < n; i++) sum += x[i]!;
  const c = (n - sum) / n;
  const [lo, hi] = DIXON_COLES_BOUNDS.attack;
  for (let i = 0; i < n; i++) {
    x[i] = Math.min(Math.max(x[i]! + c, lo), hi);
    x[n + i] = Math.min(Math.max(x[n + i]! - c, lo), hi);
  }
  // Clipping may have broken the sum; spread what is missing over every attack again.
  let rest = n;
  for (let i = 0; i < n; i++) rest -= x[i]!;
  if (Math.abs(rest) > 1e-12) for (let i = 0; i < n; i++) x[i]! += rest / n;
  return x;
}

/** The two expected-goal rates of a game between fitted teams. */
export function dixonColesRates(
  fit: DixonColesFit,
  home: string,
  away: string,
): { home: number; away: number } {
  for (const t of [home, away]) {
    if (fit.attack[t] === undefined) {
      throw new Error(`team "${t}" has no fitted rating (it played no game in the fit)`);
    }
  }
  return {
    home: Math.exp(fit.homeAdvantage + fit.attack[home]! + fit.defence[away]!),
    away: Math.exp(fit.attack[away]! + fit.defence[home]!),
  };
}
