// The alerting rules in the repo: `promtool check rules` and their unit tests (`promtool test
// rules`), and every metric they name is one Edgeline exports (or Prometheus' own `up`).
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { createMetrics, registerDatabaseGauges } from "@edgeline/core";
import { describe, expect, it } from "vitest";
import { PROMTOOL, promtoolCheckRules } from "./promtool.ts";

const rules = path.resolve(import.meta.dirname, "../../../ops/prometheus/edgeline-rules.yml");

describe("ops/prometheus/edgeline-rules.yml", () => {
  it.skipIf(!PROMTOOL)("passes promtool check rules and its unit tests", async () => {
    expect(await promtoolCheckRules(rules)).toContain("SUCCESS: 8 rules found");
    const { stdout } = await promisify(execFile)(PROMTOOL!, [
      "test",
      "rules",
      rules.replace(/\.yml$/, ".test.yml"),
    ]);
    expect(stdout).toContain("SUCCESS");
  });

  it("names only metrics Edgeline exports", async () => {
    const metrics = createMetrics({ defaultMetrics: false });
    registerDatabaseGauges(metrics, { query: async () => ({ rows: [] }) });
    const names = new Set((await metrics.registry.getMetricsAsJSON()).map((m) => m.name));
    const used = [...readFileSync(rules, "utf8").matchAll(/\b(edgeline_[a-z_]+)/g)].map((m) => m[1]!);
    expect(used.length).toBeGreaterThan(5);
    for (const name of used) expect(names.has(name), name).toBe(true);
  });
});
