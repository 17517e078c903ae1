// Fitting the blend's weight by maximum likelihood on games already played, and walk-forward: the
// weight used on a decision day is fitted only on games dated before it. Per sport and market
// (EPL 1X2, NFL spread, …): pass each one's samples separately.
//
// The log-likelihood of the pool in w is concave: with a_k = ln model_k − ln market_k,
// d/dw ln p_y = a_y − E_p[a] and d²/dw² = −Var_p[a] ≤ 0. So Newton's method safeguarded by
// bisection on [0, 1] finds the one maximum.
import { assertCalendarDay } from "@edgeline/sdk";
import { assertDistribution } from "./blend.ts";

/** One played game: the model's and the market's probabilities and the index of what happened. */
export interface BlendSample {
  /** YYYY-MM-DD of the game. */
  date: string;
  model: readonly number[];
  market: readonly number[];
  outcome: number;
}

export interface BlendWeightFit {
  weight: number;
  /** Mean log-likelihood per game at the weight. */
  meanLogLikelihood: number;
  games: number;
  /**
   * The maximum-likelihood weight's standard error, 1 / √(observed information) at it (Infinity
   * when the samples carry no information about w: the model and the market agree on every game).
   */
  standardError: number;
}

function validate(samples: readonly BlendSample[]): void {
  for (const [i, s] of samples.entries()) {
    const where = `blend sample ${i + 1} (${s.date})`;
    assertCalendarDay(s.date, where);
    assertDistribution(s.model, `${where} model`);
    assertDistribution(s.market, `${where} market`);
    if (s.model.length !== s.market.length) throw new Error(`${where}: model and market differ in outcomes`);
    if (!Number.isInteger(s.outcome) || s.outcome < 0 || s.outcome >= s.model.length) {
      throw new Error(
        `${where}: outcome must be an outcome index 0..${s.model.length - 1}, got ${s.outcome}`,
      );
    }
  }
}

/**
 * Per sample: a_k = ln model_k − ln market_k and ln market_k, computed once per fit, flat (sample
 * i's outcomes at start[i]..start[i + 1]) so a walk-forward fit's many passes stay in cache.
 */
interface Prepared {
  a: Float64Array;
  logMarket: Float64Array;
  start: Int32Array;
  outcome: Int32Array;
}

function prepare(samples: readonly BlendSample[]): Prepared {
  const start = new Int32Array(samples.length + 1);
  samples.forEach((s, i) => {
    start[i + 1] = start[i]! + s.model.length;
  });
  const a = new Float64Array(start[samples.length]!);
  const logMarket = new Float64Array(a.length);
  samples.forEach((s, i) => {
    for (let k = 0; k < s.model.length; k++) {
      a[start[i]! + k] = Math.log(s.model[k]!) - Math.log(s.market[k]!);
      logMarket[start[i]! + k] = Math.log(s.market[k]!);
    }
  });
  return { a, logMarket, start, outcome: Int32Array.from(samples, (s) => s.outcome) };
}

/**
 * Total log-likelihood at w and its first and second derivatives over the first `n` samples:
 * z_k = ln market_k + w·a_k, p = softmax(z). The largest z's term is exp(0) = 1, not computed.
 */
function evaluate(p: Prepared, w: number, n = p.outcome.length): [number, number, number] {
  const { a, logMarket: lq, start } = p;
  let ll = 0;
  let d1 = 0;
  let d2 = 0;
  for (let i = 0; i < n; i++) {
    const from = start[i]!;
    const to = start[i + 1]!;
    let top = -Infinity;
    for (let j = from; j < to; j++) top = Math.max(top, lq[j]! + w * a[j]!);
    let total = 0;
    let mean = 0;
    let square = 0;
    for (let j = from; j < to; j++) {
      const z = lq[j]! + w * a[j]! - top;
      const e = z === 0 ? 1 : Math.exp(z);
      total += e;
      mean += e * a[j]!;
      square += e * a[j]! * a[j]!;
    }
    mean /= total;
    square /= total;
    const y = from + p.outcome[i]!;
    ll += lq[y]! + w * a[y]! - top - Math.log(total);
    d1 += a[y]! - mean;
    d2 -= square - mean * mean;
  }
  return [ll, d1, d2];
}

/** The model weight in [0, 1] maximising the log-likelihood of the pooled probabilities. */
export function fitBlendWeight(samples: readonly BlendSample[], start = 0.5): BlendWeightFit {
  if (samples.length === 0) throw new Error("fitting a blend weight needs at least one played game");
  validate(samples);
  return fitValidated(samples, start);
}

function fitValidated(samples: readonly BlendSample[], start: number): BlendWeightFit {
  return fitPrepared(prepare(samples), samples.length, start);
}

/** The fit on the first `n` prepared samples (a walk-forward fit prepares its samples once). */
function fitPrepared(p: Prepared, n: number, start: number): BlendWeightFit {
  // The curvature at the weight comes with its last evaluation: no extra pass over the samples.
  const done = (weight: number, ll: number, d2: number): BlendWeightFit => {
    const information = -d2;
    return {
      weight,
      meanLogLikelihood: ll / n,
      games: n,
      standardError: information > 0 ? 1 / Math.sqrt(information) : Number.POSITIVE_INFINITY,
    };
  };
  // Warm start (a walk-forward fit starts from the day before's weight): Newton steps that stay in
  // (0, 1). The likelihood is concave, so a stationary point inside (0, 1) is the maximum on [0, 1].
  if (start > 0 && start < 1) {
    let w = start;
    for (let i = 0; i < 8; i++) {
      const [ll, d1, d2] = evaluate(p, w, n);
      const next = d2 < 0 ? w - d1 / d2 : Number.NaN;
      if (Math.abs(d1) < 1e-12 * n || Math.abs(next - w) < 1e-12) return done(w, ll, d2);
      if (!(next > 0 && next < 1)) break;
      w = next;
    }
  }
  const [llZero, atZero, curvatureZero] = evaluate(p, 0, n);
  if (atZero <= 0) return done(0, llZero, curvatureZero);
  const [llOne, atOne, curvatureOne] = evaluate(p, 1, n);
  if (atOne >= 0) return done(1, llOne, curvatureOne);
  let lo = 0;
  let hi = 1;
  let w = Math.min(Math.max(start, 0.01), 0.99);
  for (let i = 0; i < 100 && hi - lo > 1e-12; i++) {
    const [ll, d1, d2] = evaluate(p, w, n);
    if (Math.abs(d1) < 1e-12 * n) return done(w, ll, d2);
    if (d1 > 0) lo = w;
    else hi = w;
    const newton = d2 < 0 ? w - d1 / d2 : Number.NaN;
    // Newton when it stays inside the bracket, bisection otherwise.
    w = newton > lo && newton < hi ? newton : (lo + hi) / 2;
  }
  const [ll, , d2] = evaluate(p, w, n);
  return done(w, ll, d2);
}

export interface WalkForwardBlendOptions {
  /** Played games needed before a weight is fitted (default 100); before that `defaultWeight` is used. */
  minGames?: number;
  /** The weight until there is enough history (default 0: bet nothing the market does not already say). */
  defaultWeight?: number;
  /** Days to give a weight for; default every day that has a sample. */
  decisionDates?: readonly string[];
  /** Standard errors the fitted weight is shrunk by toward the market (shrunkWeight). @defaultValue 0 */
  shrinkage?: number;
}

export interface DatedBlendWeight {
  date: string;
  weight: number;
  /** Games the weight was fitted on (all dated before `date`); 0 when the default was used. */
  games: number;
  fitted: boolean;
}

/**
 * The weight shrunk toward the market: the maximum-likelihood weight less `z` standard errors,
 * floored at 0 (a one-sided lower confidence bound). The model gets only the weight the games
 * show it has earned with confidence; with few games, or a model that adds little beside the
 * market, that is 0, the market itself. z = 0 is the maximum-likelihood weight.
 */
export function shrunkWeight(fit: Pick<BlendWeightFit, "weight" | "standardError">, z: number): number {
  if (!(z >= 0 && Number.isFinite(z)))
    throw new Error(`the shrinkage z must be a finite number ≥ 0, got ${z}`);
  if (z === 0) return fit.weight;
  return Math.max(0, fit.weight - z * fit.standardError);
}

/** The weight for each decision day, each fitted only on the samples dated strictly before it. */
export function walkForwardBlendWeights(
  samples: readonly BlendSample[],
  options: WalkForwardBlendOptions = {},
): DatedBlendWeight[] {
  validate(samples);
  const minGames = options.minGames ?? 100;
  const defaultWeight = options.defaultWeight ?? 0;
  if (!(defaultWeight >= 0 && defaultWeight <= 1))
    throw new Error(`defaultWeight must be in [0, 1], got ${defaultWeight}`);
  const sorted = [...samples].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const days = [...new Set(options.decisionDates ?? sorted.map((s) => s.date))].sort();
  for (const d of days) assertCalendarDay(d, "decision date");
  const shrinkage = options.shrinkage ?? 0;
  if (!(shrinkage >= 0 && Number.isFinite(shrinkage)))
    throw new Error(`shrinkage must be a finite number ≥ 0, got ${shrinkage}`);
  const prepared = prepare(sorted);
  const out: DatedBlendWeight[] = [];
  let known = 0;
  let last: BlendWeightFit | null = null;
  let lastKnown = -1;
  for (const date of days) {
    while (known < sorted.length && sorted[known]!.date < date) known++;
    if (known < Math.max(1, minGames)) {
      out.push({ date, weight: defaultWeight, games: 0, fitted: false });
      continue;
    }
    if (known !== lastKnown) {
      last = fitPrepared(prepared, known, last?.weight ?? 0.5);
      lastKnown = known;
    }
    out.push({ date, weight: shrunkWeight(last!, shrinkage), games: known, fitted: true });
  }
  return out;
}
