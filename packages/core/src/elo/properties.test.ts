// Invariants of the Elo model, over random ratings and scores.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ELO_PRESETS } from "./presets.ts";
import { gameProbabilities } from "./probability.ts";
import { shrinkingKTestConfig } from "./test-configs.test-helpers.ts";
import { rateGame } from "./update.ts";

const rating = fc.double({ min: 1000, max: 2000, noNaN: true });
const score = fc.integer({ min: 0, max: 60 });
const context = fc.record({ neutral: fc.boolean(), playoff: fc.boolean() });
const constantK = Object.values(ELO_PRESETS).filter((c) => c.kFactor.kind === "constant");

describe("Elo invariants", () => {
  for (const config of constantK) {
    it(`${config.name}: an update is zero-sum and moves the winner up`, () => {
      fc.assert(
        fc.property(rating, rating, score, score, context, (h, a, hs, as, ctx) => {
          const g = rateGame(config, h, a, { homeScore: hs, awayScore: as }, ctx);
          expect(g.homeShift + g.awayShift).toBe(0);
          expect(g.homePost + g.awayPost).toBeCloseTo(h + a, 9);
          if (hs > as) expect(g.homeShift).toBeGreaterThan(0);
          if (hs < as) expect(g.homeShift).toBeLessThan(0);
        }),
      );
    });
  }

  for (const config of Object.values(ELO_PRESETS)) {
    it(`${config.name}: probabilities lie in [0, 1], sum to 1 and keep home + draw/2 = E`, () => {
      fc.assert(
        fc.property(rating, rating, context, (h, a, ctx) => {
          const p = gameProbabilities(config, h, a, ctx);
          const parts = [p.home, p.away, p.draw ?? 0];
          for (const x of parts) expect(x).toBeGreaterThanOrEqual(0);
          expect(parts.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 14);
          expect(p.home + (p.draw ?? 0) / 2).toBeCloseTo(p.expectedHome, 14);
          expect((p.draw !== undefined) === (config.draws.kind !== "none")).toBe(true);
        }),
      );
    });
  }

  it("a better-rated home side is likelier to win", () => {
    for (const config of Object.values(ELO_PRESETS)) {
      fc.assert(
        fc.property(rating, rating, fc.double({ min: 0.01, max: 300, noNaN: true }), (h, a, d) => {
          expect(gameProbabilities(config, h + d, a).home).toBeGreaterThan(
            gameProbabilities(config, h, a).home,
          );
        }),
      );
    }
  });

  it("tennis: K shrinks with matches played, there is no home advantage", () => {
    const fresh = rateGame(
      shrinkingKTestConfig,
      1500,
      1500,
      { homeScore: 1, awayScore: 0 },
      {},
      { home: 0, away: 0 },
    );
    const veteran = rateGame(
      shrinkingKTestConfig,
      1500,
      1500,
      { homeScore: 1, awayScore: 0 },
      {},
      { home: 200, away: 0 },
    );
    expect(fresh.probabilities.home).toBe(0.5);
    // K = 250 / (0 + 5)^0.4 = 131.3..., shift = K × 0.5
    expect(fresh.homeShift).toBeCloseTo((250 / 5 ** 0.4) * 0.5, 12);
    expect(veteran.homeShift).toBeCloseTo((250 / 205 ** 0.4) * 0.5, 12);
    expect(veteran.awayShift).toBeCloseTo(-fresh.homeShift, 12);
  });
});
