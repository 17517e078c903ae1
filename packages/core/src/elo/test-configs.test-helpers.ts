// Elo models of the unit tests' own, for the model shapes core's presets do not exercise (draws,
// a shrinking K). The sports' real models live in their plugins.
import type { EloConfig } from "@edgeline/sdk";

const NONE = { kind: "none" } as const;

/** A soccer-like model: goal-difference weights, home advantage, a quadratic draw model. */
export const drawTestConfig: EloConfig = {
  name: "test-draws",
  kFactor: { kind: "constant", value: 20 },
  homeAdvantage: 100,
  scale: 400,
  marginOfVictory: { kind: "goal-difference" },
  favouriteMultiplier: NONE,
  playoffMultiplier: 1,
  seasonReversion: null,
  initialRating: 1500,
  newEntityRating: 1500,
  draws: { kind: "quadratic", drawRateAtEven: 0.3 },
  sources: {},
};

/** A players' model: K = 250 / (games + 5)^0.4, no home advantage. */
export const shrinkingKTestConfig: EloConfig = {
  ...drawTestConfig,
  name: "test-shrinking-k",
  kFactor: { kind: "shrinking", numerator: 250, offset: 5, exponent: 0.4 },
  homeAdvantage: 0,
  marginOfVictory: NONE,
  draws: NONE,
};
