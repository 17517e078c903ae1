import { describe, expect, it } from "vitest";
import { eloConfigSchema } from "./elo-config.ts";
import { eloModel, PLAIN_ELO } from "./elo-model.ts";

describe("eloModel", () => {
  it("fills what the spec leaves out with the plain model, and the result passes the schema", () => {
    const model = eloModel({ name: "m", kFactor: { kind: "constant", value: 20 }, homeAdvantage: 50 });
    expect(model).toEqual({
      ...PLAIN_ELO,
      name: "m",
      kFactor: { kind: "constant", value: 20 },
      homeAdvantage: 50,
    });
    expect(eloConfigSchema.safeParse(model).success).toBe(true);
  });

  it("keeps every choice the spec makes over the defaults", () => {
    const model = eloModel({
      name: "soccer",
      kFactor: { kind: "constant", value: 20 },
      homeAdvantage: 100,
      draws: { kind: "quadratic", drawRateAtEven: 0.3 },
      seasonReversion: { fraction: 0.25, mean: 1505, special: [] },
      newEntityRating: 1300,
    });
    expect(model.draws).toEqual({ kind: "quadratic", drawRateAtEven: 0.3 });
    expect(model.seasonReversion?.fraction).toBe(0.25);
    expect(model.newEntityRating).toBe(1300);
    expect(model.scale).toBe(400);
  });
});
