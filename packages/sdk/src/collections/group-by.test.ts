import { describe, expect, it } from "vitest";
import { groupBy } from "./group-by.ts";

describe("groupBy", () => {
  it("keeps groups in order of first appearance and items in input order", () => {
    const groups = groupBy(["b1", "a1", "b2", "c1", "a2"], (s) => s[0]);
    expect([...groups]).toEqual([
      ["b", ["b1", "b2"]],
      ["a", ["a1", "a2"]],
      ["c", ["c1"]],
    ]);
  });
  it("passes each item's index, and gives an empty map for no items", () => {
    expect([...groupBy([10, 11, 12], (_x, i) => i % 2)]).toEqual([
      [0, [10, 12]],
      [1, [11]],
    ]);
    expect(groupBy([], () => 0).size).toBe(0);
  });
});
