// Elo models of the unit tests' own, for the model shapes core's presets do not exercise (draws,
// a shrinking K). The sports' real models live in their plugins.
import { eloModel } from "@edgeline/sdk";

/** A soccer-like model: goal-difference weights, home advantage, a quadratic draw model. */
export const drawTestConfig = eloModel({
  name: "test-draws",
  kFactor: { kind: "constant", value: 20 },
  homeAdvantage: 100,
  marginOfVictory: { kind: "goal-difference" },
  draws: { kind: "quadratic", drawRateAtEven: 0.3 },
});

/** A players' model: K = 250 / (games + 5)^0.4, no home advantage. */
export const shrinkingKTestConfig = eloModel({
  name: "test-shrinking-k",
  kFactor: { kind: "shrinking", numerator: 250, offset: 5, exponent: 0.4 },
  homeAdvantage: 0,
});
