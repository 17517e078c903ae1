import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CORE_VERSION, isValidRange, satisfies } from "./compatibility.ts";

describe("contract version ranges", () => {
  it("matches packages/sdk/package.json", () => {
    const pkg = JSON.parse(readFileSync(path.resolve(import.meta.dirname, "../../package.json"), "utf8"));
    expect(CORE_VERSION).toBe(pkg.version);
  });

  it.each([
    ["0.1.0", "^0.1.0", true],
    ["0.1.7", "^0.1.0", true],
    ["0.2.0", "^0.1.0", false],
    ["1.4.0", "^1.2.0", true],
    ["2.0.0", "^1.2.0", false],
    ["1.2.9", "~1.2.3", true],
    ["1.3.0", "~1.2.3", false],
    ["0.3.0", ">=0.1.0 <0.4.0", true],
    ["0.4.0", ">=0.1.0 <0.4.0", false],
    ["2.0.0", "^1.0.0 || ^2.0.0", true],
    ["0.1.0", "*", true],
    ["0.1.0", "0.1.0", true],
  ])("%s satisfies %s: %s", (version, range, expected) => {
    expect(satisfies(version, range)).toBe(expected);
  });

  it("rejects ranges it cannot read", () => {
    expect(isValidRange("latest")).toBe(false);
    expect(isValidRange("")).toBe(false);
    expect(satisfies("0.1.0", "banana")).toBe(false);
  });
});
