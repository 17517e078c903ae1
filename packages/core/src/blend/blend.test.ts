import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { blendProbabilities, marketAwareProbabilities } from "./blend.ts";
import { type BlendSample, fitBlendWeight, shrunkWeight, walkForwardBlendWeights } from "./fit-weight.ts";

const logit = (p: number) => Math.log(p / (1 - p));

describe("blendProbabilities", () => {
  it("two-way: logit(p) = w·logit(model) + (1 − w)·logit(market) (property)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 0.99, noNaN: true }),
        fc.double({ min: 0.01, max: 0.99, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (m, q, w) => {
          const [p, r] = blendProbabilities([m, 1 - m], [q, 1 - q], w) as [number, number];
          expect(logit(p)).toBeCloseTo(w * logit(m) + (1 - w) * logit(q), 9);
          expect(p + r).toBeCloseTo(1, 14);
        },
      ),
    );
  });
  it("three-way by hand: model (0.5, 0.3, 0.2), market (0.4, 0.3, 0.3), w ½ → ∝ (√0.2, √0.09, √0.06)", () => {
    const z = Math.sqrt(0.2) + 0.3 + Math.sqrt(0.06);
    const p = blendProbabilities([0.5, 0.3, 0.2], [0.4, 0.3, 0.3], 0.5);
    expect(p[0]).toBeCloseTo(Math.sqrt(0.2) / z, 15);
    expect(p[1]).toBeCloseTo(0.3 / z, 15);
    expect(p[2]).toBeCloseTo(Math.sqrt(0.06) / z, 15);
  });
  it("w = 1 is the model, w = 0 the market; the raw model is kept beside the blend", () => {
    const model = [0.6, 0.25, 0.15];
    const market = [0.5, 0.28, 0.22];
    blendProbabilities(model, market, 1).forEach((p, k) => {
      expect(p).toBeCloseTo(model[k]!, 15);
    });
    blendProbabilities(model, market, 0).forEach((p, k) => {
      expect(p).toBeCloseTo(market[k]!, 15);
    });
    const m = marketAwareProbabilities(model, market, 0.3);
    expect(m.model).toEqual(model);
    expect(m.market).toEqual(market);
    expect(m.weight).toBe(0.3);
  });
  it("rejects what is not a probability vector, naming it", () => {
    expect(() => blendProbabilities([0.5, 0.6], [0.5, 0.5], 0.5)).toThrow(
      /model probabilities: .*sum to 1.1/,
    );
    expect(() => blendProbabilities([0.5, 0.5], [1, 0], 0.5)).toThrow(/market probabilities: outcome 1/);
    expect(() => blendProbabilities([0.5, 0.5], [0.3, 0.3, 0.4], 0.5)).toThrow(/2 outcomes, market 3/);
    expect(() => blendProbabilities([0.5, 0.5], [0.5, 0.5], 1.5)).toThrow(/weight must be in \[0, 1\]/);
  });
});

const sample = (date: string, model: number[], market: number[], outcome: number): BlendSample => ({
  date,
  model,
  market,
  outcome,
});

/** Four 3-way games on which the likelihood's maximum is an interior weight. */
const INTERIOR = [
  sample("2024-01-01", [0.7, 0.2, 0.1], [0.5, 0.3, 0.2], 0),
  sample("2024-01-02", [0.3, 0.3, 0.4], [0.45, 0.3, 0.25], 0),
  sample("2024-01-03", [0.2, 0.5, 0.3], [0.3, 0.4, 0.3], 1),
  sample("2024-01-04", [0.6, 0.3, 0.1], [0.4, 0.3, 0.3], 1),
];

describe("fitBlendWeight", () => {
  it("the likelihood decides the corner: the model right → 1, the market right → 0", () => {
    expect(fitBlendWeight([sample("2024-01-01", [0.8, 0.2], [0.5, 0.5], 0)]).weight).toBe(1);
    expect(fitBlendWeight([sample("2024-01-01", [0.8, 0.2], [0.5, 0.5], 1)]).weight).toBe(0);
  });
  it("an interior weight is a maximum of the mean log-likelihood (checked by finite differences)", () => {
    const s = INTERIOR;
    const fit = fitBlendWeight(s);
    expect(fit.weight).toBeGreaterThan(0);
    expect(fit.weight).toBeLessThan(1);
    const ll = (w: number) =>
      s.reduce((t, x) => t + Math.log(blendProbabilities(x.model, x.market, w)[x.outcome]!), 0) / s.length;
    expect(fit.meanLogLikelihood).toBeCloseTo(ll(fit.weight), 14);
    expect(ll(fit.weight)).toBeGreaterThan(ll(fit.weight - 1e-4));
    expect(ll(fit.weight)).toBeGreaterThan(ll(fit.weight + 1e-4));
  });
  it("the standard error is 1 / √ of the log-likelihood's curvature at the weight (finite differences)", () => {
    const s = INTERIOR;
    const fit = fitBlendWeight(s);
    const total = (w: number) =>
      s.reduce((t, x) => t + Math.log(blendProbabilities(x.model, x.market, w)[x.outcome]!), 0);
    const h = 1e-4;
    const curvature = (total(fit.weight + h) - 2 * total(fit.weight) + total(fit.weight - h)) / (h * h);
    expect(fit.standardError).toBeCloseTo(1 / Math.sqrt(-curvature), 5);
    // Four times the games, each as often: half the standard error, the same weight.
    const four = fitBlendWeight([...s, ...s, ...s, ...s]);
    expect(four.weight).toBeCloseTo(fit.weight, 9);
    expect(four.standardError).toBeCloseTo(fit.standardError / 2, 9);
  });
  it("a model that agrees with the market on every game says nothing about w: infinite standard error", () => {
    const fit = fitBlendWeight([sample("2024-01-01", [0.6, 0.4], [0.6, 0.4], 0)]);
    expect(fit.standardError).toBe(Number.POSITIVE_INFINITY);
    expect(shrunkWeight(fit, 1)).toBe(0);
  });
  it("rejects a bad sample, naming it", () => {
    expect(() => fitBlendWeight([sample("2024-01-01", [0.5, 0.5], [0.5, 0.5], 2)])).toThrow(
      /blend sample 1 \(2024-01-01\): outcome must be/,
    );
    expect(() => fitBlendWeight([])).toThrow(/at least one played game/);
  });
});

describe("shrunkWeight: the weight less z standard errors, floored at the market", () => {
  it("by hand", () => {
    expect(shrunkWeight({ weight: 0.4, standardError: 0.1 }, 0)).toBe(0.4);
    expect(shrunkWeight({ weight: 0.4, standardError: 0.1 }, 2)).toBeCloseTo(0.2, 15);
    expect(shrunkWeight({ weight: 0.4, standardError: 0.25 }, 2)).toBe(0);
    expect(shrunkWeight({ weight: 1, standardError: Number.POSITIVE_INFINITY }, 0)).toBe(1);
  });
  it("is in [0, weight] and falls as z grows (property)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 5, noNaN: true }),
        fc.double({ min: 0, max: 5, noNaN: true }),
        fc.double({ min: 0, max: 5, noNaN: true }),
        (weight, standardError, z1, z2) => {
          const [lo, hi] = z1 < z2 ? [z1, z2] : [z2, z1];
          const a = shrunkWeight({ weight, standardError }, lo);
          const b = shrunkWeight({ weight, standardError }, hi);
          expect(a).toBeGreaterThanOrEqual(0);
          expect(a).toBeLessThanOrEqual(weight);
          expect(b).toBeLessThanOrEqual(a);
        },
      ),
    );
  });
  it("rejects a negative or non-finite z", () => {
    expect(() => shrunkWeight({ weight: 0.5, standardError: 0.1 }, -1)).toThrow(/shrinkage z/);
    expect(() => shrunkWeight({ weight: 0.5, standardError: 0.1 }, Number.NaN)).toThrow(/shrinkage z/);
  });
});

describe("walkForwardBlendWeights never looks at a game on or after its decision day", () => {
  // 60 days; the model is right on odd days, the market on even days, in varying proportions.
  const samples: BlendSample[] = [];
  for (let d = 0; d < 60; d++) {
    const date = new Date(Date.UTC(2024, 0, 1 + d)).toISOString().slice(0, 10);
    for (let g = 0; g < 3; g++) {
      const model = [0.45 + 0.1 * ((d + g) % 3), 0.25, 0.3 - 0.1 * ((d + g) % 3)];
      const market = [0.45, 0.28, 0.27];
      samples.push(sample(date, model, market, (d * 7 + g * 3) % 5 === 0 ? 2 : (d + g) % 3 === 0 ? 1 : 0));
    }
  }
  const weights = walkForwardBlendWeights(samples, { minGames: 20 });
  it("each weight is the fit on exactly the samples dated before its day", () => {
    for (const w of weights.filter((x) => x.fitted)) {
      const before = samples.filter((s) => s.date < w.date);
      expect(w.games).toBe(before.length);
      expect(w.weight).toBeCloseTo(fitBlendWeight(before).weight, 9);
    }
    // Before 20 games: the default weight (the market).
    expect(weights.slice(0, 7).every((w) => !w.fitted && w.weight === 0)).toBe(true);
  });
  it("changing every result from day 30 on changes no weight up to day 30, and does change later ones", () => {
    const cutoff = weights[30]!.date;
    const changed = samples.map((s) => (s.date >= cutoff ? { ...s, outcome: (s.outcome + 1) % 3 } : s));
    const after = walkForwardBlendWeights(changed, { minGames: 20 });
    let later = 0;
    weights.forEach((w, i) => {
      if (w.date <= cutoff) expect(after[i]).toEqual(w);
      else if (after[i]!.weight !== w.weight) later++;
    });
    expect(later).toBeGreaterThan(0);
  });
  it("with shrinkage, each weight is its day's fit shrunk by z standard errors", () => {
    const shrunk = walkForwardBlendWeights(samples, { minGames: 20, shrinkage: 1.5 });
    shrunk.forEach((w, i) => {
      if (!w.fitted) {
        expect(w).toEqual(weights[i]);
        return;
      }
      const fit = fitBlendWeight(samples.filter((s) => s.date < w.date));
      expect(w.weight).toBeCloseTo(Math.max(0, fit.weight - 1.5 * fit.standardError), 9);
    });
    expect(shrunk.some((w, i) => w.fitted && w.weight < weights[i]!.weight)).toBe(true);
    expect(() => walkForwardBlendWeights(samples, { shrinkage: -0.5 })).toThrow(/shrinkage must be/);
  });
  it("gives weights for upcoming days from all games before them", () => {
    const [next] = walkForwardBlendWeights(samples, { minGames: 20, decisionDates: ["2024-06-01"] });
    expect(next!.games).toBe(samples.length);
  });
});
