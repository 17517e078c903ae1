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

/** Per sample: a_k = ln model_k − ln market_k and ln market_k, computed once per fit. */
interface Prepared {
  a: Float64Array[];
  logMarket: Float64Array[];
  outcome: Int32Array;
}

function prepare(samples: readonly BlendSample[]): Prepared {
  return {
    a: samples.map((s) => Float64Array.from(s.model, (m, k) => Math.log(m) - Math.log(s.market[k]!))),
    logMarket: samples.map((s) => Float64Array.from(s.market, (q) => Math.log(q))),
    outcome: Int32Array.from(samples, (s) => s.outcome),
  };
}

/**
 * Total log-likelihood at w and its first and second derivatives over the first `n` samples:
 * z_k = ln market_k + w·a_k, p = softmax(z).
 */
function evaluate(p: Prepared, w: number, n = p.a.length): [number, number, number] {
  let ll = 0;
  let d1 = 0;
  let d2 = 0;
  for (let i = 0; i < n; i++) {
    const a = p.a[i]!;
    const lq = p.logMarket[i]!;
    let top = -Infinity;
    for (let k = 0; k < a.length; k++) top = Math.max(top, lq[k]! + w * a[k]!);
    let total = 0;
    let mean = 0;
    let square = 0;
    for (let k = 0; k < a.length; k++) {
      const e = Math.exp(lq[k]! + w * a[k]! - top);
      total += e;
      mean += e * a[k]!;
      square += e * a[k]! * a[k]!;
    }
    mean /= total;
    square /= total;
    const y = p.outcome[i]!;
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
  const [, atZero] = evaluate(p, 0, n);
  const [, atOne] = evaluate(p, 1, n);
  let weight: number;
  if (atZero <= 0) weight = 0;
  else if (atOne >= 0) weight = 1;
  else {
    let lo = 0;
    let hi = 1;
    let w = Math.min(Math.max(start, 0.01), 0.99);
    for (let i = 0; i < 100 && hi - lo > 1e-12; i++) {
      const [, d1, d2] = evaluate(p, w, n);
      if (Math.abs(d1) < 1e-12 * n) break;
      if (d1 > 0) lo = w;
      else hi = w;
      const newton = d2 < 0 ? w - d1 / d2 : Number.NaN;
      // Newton when it stays inside the bracket, bisection otherwise.
      w = newton > lo && newton < hi ? newton : (lo + hi) / 2;
    }
    weight = w;
  }
  return { weight, meanLogLikelihood: evaluate(p, weight, n)[0] / n, games: n };
}

export interface WalkForwardBlendOptions {
  /** Played games needed before a weight is fitted (default 100); before that `defaultWeight` is used. */
  minGames?: number;
  /** The weight until there is enough history (default 0: bet nothing the market does not already say). */
  defaultWeight?: number;
  /** Days to give a weight for; default every day that has a sample. */
  decisionDates?: readonly string[];
}

export interface DatedBlendWeight {
  date: string;
  weight: number;
  /** Games the weight was fitted on (all dated before `date`); 0 when the default was used. */
  games: number;
  fitted: boolean;
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
    out.push({ date, weight: last!.weight, games: known, fitted: true });
  }
  return out;
}
