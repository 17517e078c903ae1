import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PluginLoadError } from "../../src/plugins/plugin-load-error.ts";
import { createPluginRegistry, loadPlugins } from "../../src/plugins/registry.ts";
import cricket from "./fixtures/sport-cricket/index.ts";

const repoRoot = path.resolve(import.meta.dirname, "../../../..");
const fixture = (name: string) => path.resolve(import.meta.dirname, "fixtures", name);

/** The PluginLoadError a load throws, for asserting its code, module and message together. */
async function loadError(env: Record<string, string>): Promise<PluginLoadError> {
  const error = await loadPlugins({ env }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PluginLoadError);
  return error as PluginLoadError;
}

describe("plugin registry", () => {
  it("loads the bundled sports from edgeline.plugins.json at the repository root", async () => {
    const registry = await loadPlugins({ env: {}, cwd: path.join(repoRoot, "packages/api") });
    expect(registry.list().map((p) => p.code)).toEqual([
      "NHL",
      "NBA",
      "MLB",
      "NFL",
      "NCAAB",
      "EPL",
      "LIGUE1",
      "TENNIS",
    ]);
    expect(registry.entries().map((e) => e.module)).toEqual([
      "./packages/sport-nhl",
      "./packages/sport-nba",
      ...Array(6).fill("./packages/sport-generic"),
    ]);
    expect(registry.require("EPL").markets).toEqual([
      { type: "moneyline", ways: 3 },
      { type: "total", ways: 2 },
    ]);
    expect(registry.require("TENNIS").entityKind).toBe("player");
    expect(registry.require("NHL").kalshi?.series).toEqual(["KXNHLGAME"]);
    expect(registry.require("NFL").kalshi?.teamIdFromCode("JAC")).toBe("JAX");
    expect(registry.require("NBA").oddsApi?.teamIdFromName("LA Clippers")).toBe("LAC");
  });

  it("accepts a module exporting several plugins", async () => {
    const registry = await loadPlugins({ env: { EDGELINE_PLUGINS: fixture("two-plugins.ts") } });
    expect(registry.list().map((p) => [p.code, p.name])).toEqual([
      ["T20", "T20 cricket"],
      ["ODI", "One-day cricket"],
    ]);
  });

  it("stops on a duplicate sport code, naming both modules", async () => {
    const dir = fixture("sport-cricket");
    const dup = await loadError({ EDGELINE_PLUGINS: `${dir},${dir}` });
    expect(dup.code).toBe("PLUGIN_DUPLICATE_CODE");
    expect(dup.message).toBe(`${dir}: sport code CRICKET is already provided by ${dir}`);
  });

  it("stops on a duplicate of a bundled sport", () => {
    expect(() =>
      createPluginRegistry([
        { plugin: cricket, module: "sport-cricket" },
        { plugin: { ...cricket, name: "Copy" }, module: "copy-of-cricket" },
      ]),
    ).toThrow("copy-of-cricket: sport code CRICKET is already provided by sport-cricket");
  });

  it("stops on an invalid plugin with the JSON path of the first problem", async () => {
    const error = await loadError({ EDGELINE_PLUGINS: fixture("invalid-plugin.ts") });
    expect(error.code).toBe("PLUGIN_INVALID");
    expect(error.message).toBe(
      `${fixture("invalid-plugin.ts")}: invalid plugin (cricket): code: must be 2-12 upper-case letters or digits (+1 more issues)`,
    );
    expect(() =>
      createPluginRegistry([
        { plugin: { ...cricket, markets: [{ type: "moneyline", ways: 4 as 2 }] }, module: "m" },
      ]),
    ).toThrow("m: invalid plugin (CRICKET): markets[0].ways");
    expect(() =>
      createPluginRegistry([
        { plugin: { ...cricket, recommendation: { ...cricket.recommendation, minOdds: 5 } }, module: "m" },
      ]),
    ).toThrow("recommendation: minOdds is above maxOdds");
  });

  it("stops on an unknown Elo preset and on an incompatible core version", async () => {
    expect(() =>
      createPluginRegistry([{ plugin: { ...cricket, eloPreset: "cricket-elo" }, module: "m" }]),
    ).toThrow('m: plugin CRICKET: unknown Elo preset "cricket-elo"');
    const error = await loadError({ EDGELINE_PLUGINS: fixture("future-plugin.ts") });
    expect(error.code).toBe("PLUGIN_INCOMPATIBLE");
    expect(error.message).toContain("plugin FUTURE needs core ^9.0.0, this core is 0.1.0");
  });

  it("stops on a module that cannot be imported or exports no plugin", async () => {
    const missing = await loadError({ EDGELINE_PLUGINS: "@edgeline/sport-curling" });
    expect(missing.code).toBe("PLUGIN_IMPORT_FAILED");
    expect(missing.module).toBe("@edgeline/sport-curling");
    const empty = await loadError({ EDGELINE_PLUGINS: fixture("no-export.ts") });
    expect(empty.message).toContain("exports no plugin (expected a default export or `plugins`)");
  });

  it("stops on a config file that is not a plugin list", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "edgeline-plugins-"));
    writeFileSync(path.join(dir, "edgeline.plugins.json"), JSON.stringify({ plugins: "sport-nhl" }));
    const error = await loadPlugins({ env: {}, cwd: dir }).catch((e: PluginLoadError) => e);
    expect(error).toBeInstanceOf(PluginLoadError);
    expect((error as PluginLoadError).code).toBe("PLUGIN_CONFIG_INVALID");
    expect((error as PluginLoadError).message).toContain("edgeline.plugins.json: plugins: expected array");
  });
});
