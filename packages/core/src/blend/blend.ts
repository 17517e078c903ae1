// Market-aware probabilities: the model's probabilities pooled with the de-vigged consensus in
// log-odds. The pool is the logarithmic opinion pool (a multinomial logit with the two sources'
// log-probabilities as its inputs):
//
//   p_k ∝ model_k^w · market_k^(1 − w)
//
// For a two-way market this is exactly logit(p) = w·logit(model) + (1 − w)·logit(market), the
// log-odds blend. For three ways (home/draw/away) it blends every outcome's log-probability and
// renormalises once, so it treats the outcomes alike, keeps Σp = 1, and a market that is sure of
// nothing the model is not leaves the model alone. Chosen over blending each outcome's one-vs-rest
// log-odds and renormalising because that rule's output is not the two-way rule's for two ways
// after renormalisation, and its log-likelihood in w is not concave; this one's is (fit-weight.ts).
// w = 1 is the raw model, w = 0 the market.

/** Throws unless `p` is a probability vector: every entry in (0, 1), summing to 1 within 1e-9. */
export function assertDistribution(p: readonly number[], what: string): void {
  if (p.length < 2) throw new Error(`${what}: needs at least two outcomes, got ${p.length}`);
  let total = 0;
  for (const [i, x] of p.entries()) {
    if (!(x > 0 && x < 1)) throw new Error(`${what}: outcome ${i + 1} has probability ${x}, not in (0, 1)`);
    total += x;
  }
  if (Math.abs(total - 1) > 1e-9) throw new Error(`${what}: probabilities sum to ${total}, not 1`);
}

/** The pooled probabilities, in the outcome order of the inputs. */
export function blendProbabilities(
  model: readonly number[],
  market: readonly number[],
  weight: number,
): number[] {
  assertDistribution(model, "model probabilities");
  assertDistribution(market, "market probabilities");
  if (model.length !== market.length) {
    throw new Error(`model has ${model.length} outcomes, market ${market.length}: blend the same market`);
  }
  if (!(weight >= 0 && weight <= 1)) throw new Error(`the model's weight must be in [0, 1], got ${weight}`);
  const logits = model.map((m, k) => weight * Math.log(m) + (1 - weight) * Math.log(market[k]!));
  const top = Math.max(...logits);
  const e = logits.map((z) => Math.exp(z - top));
  const total = e.reduce((s, x) => s + x, 0);
  return e.map((x) => x / total);
}

/** What a recommendation keeps: the blend it bets on, and the raw model and market beside it. */
export interface MarketAwareProbabilities {
  blend: number[];
  model: number[];
  market: number[];
  /** The model's weight used. */
  weight: number;
}

export function marketAwareProbabilities(
  model: readonly number[],
  market: readonly number[],
  weight: number,
): MarketAwareProbabilities {
  return { blend: blendProbabilities(model, market, weight), model: [...model], market: [...market], weight };
}
