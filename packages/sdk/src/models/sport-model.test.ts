import { describe, expect, it } from "vitest";
import { goalsModelSettingsSchema, sportModelSchema } from "./sport-model.ts";

const messages = (value: unknown) =>
  goalsModelSettingsSchema.safeParse(value).error?.issues.map((i) => `${i.path.join(".")}: ${i.message}`) ??
  [];

describe("goals model settings", () => {
  it("takes regulation and late goals for hockey, and refuses late goals without regulation", () => {
    expect(messages({ xi: 0.0018, regulation: true, lateGoals: true })).toEqual([]);
    expect(messages({ xi: 0.0018, regulation: true })).toEqual([]);
    expect(messages({ xi: 0.0018, lateGoals: true })).toEqual([
      "lateGoals: lateGoals needs regulation: true (the transitions are from the score before the end of regulation)",
    ]);
    expect(messages({ xi: 0.2 })).toEqual(["xi: xi must be ≤ 0.1 (a half-life under a week)"]);
  });

  it("a sport model betting goals needs its goals settings", () => {
    expect(sportModelSchema.safeParse({ elo: "x", betting: "goals" }).success).toBe(false);
    expect(
      sportModelSchema.safeParse({ elo: "x", betting: "goals", goals: { xi: 0, regulation: true } }).success,
    ).toBe(true);
  });
});
