import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { CORE_VERSION, defineStrategy, PluginLoadError, SPORTSBOOK_RULES } from "@edgeline/sdk";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { parseStrategy } from "../../src/backtest/strategy.ts";
import { loadPlugins } from "../../src/plugins/plugin-loader.ts";
import { createPluginRegistry } from "../../src/plugins/registry.ts";
import creaseSource from "./fixtures/source-cricket-odds/index.ts";
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
  it("loads the bundled sports, odds sources and venues from edgeline.plugins.json at the repository root", async () => {
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
    expect(registry.sources().map((s) => [s.plugin.name, s.unavailable])).toEqual([
      ["kalshi", undefined],
      ["the-odds-api", "ODDS_API_KEY is not set"],
    ]);
    expect(registry.venues().map((v) => v.plugin.name)).toEqual(["kalshi", "manual"]);
    expect(registry.require("EPL").markets).toEqual([
      { type: "moneyline", ways: 3 },
      { type: "total", ways: 2 },
    ]);
    expect(registry.require("TENNIS").entityKind).toBe("player");
    // Sources and their options per sport; codes and names through each sport's entity catalog.
    expect(registry.sourcesFor("NHL").map((s) => [s.source.plugin.name, s.options])).toEqual([
      ["kalshi", { series: ["KXNHLGAME"] }],
      ["the-odds-api", { sportKey: "icehockey_nhl" }],
    ]);
    expect(registry.sourcesFor("EPL").map((s) => s.source.plugin.name)).toEqual(["the-odds-api"]);
    expect(registry.sport("NFL").view.entities.idFromCode("kalshi", "JAC")).toBe("JAX");
    expect(registry.sport("NBA").view.entities.idFromName("LA Clippers")).toBe("LAC");
    // Each sport's own model; lower-case codes are the same sport.
    expect(registry.sport("nhl").elo.name).toBe("fivethirtyeight-nhl");
    expect(registry.sport("MLB").elo.name).toBe("default-mlb");
    // Venues: Kalshi claims its prices, every other book is the manual venue's.
    expect(registry.venueFor("Kalshi")?.plugin.name).toBe("kalshi");
    expect(registry.venueFor("DraftKings")?.plugin.name).toBe("manual");
    expect(registry.rulesFor("BetMGM")).toBe(SPORTSBOOK_RULES);
    expect(registry.rulesFor("Kalshi").onTie).toEqual({ kind: "payout-fraction", fraction: 0.5 });
    // Base URLs: declared defaults, overridden by each one's variable.
    expect(registry.sport("NHL").context.baseUrl("nhl")).toBe("https://api-web.nhle.com");
    const local = await loadPlugins({
      env: { EDGELINE_KALSHI_API_URL: "http://127.0.0.1:9/trade-api/v2/" },
      cwd: repoRoot,
    });
    expect(local.sources()[0]?.context.baseUrl("kalshi")).toBe("http://127.0.0.1:9/trade-api/v2");
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
    ).toThrow("recommendation: minOdds must be ≤ maxOdds");
  });

  it("stops on an unknown Elo preset, a malformed Elo model and an incompatible core version", async () => {
    expect(() =>
      createPluginRegistry([{ plugin: { ...cricket, model: { elo: "cricket-elo" } }, module: "m" }]),
    ).toThrow('m: plugin CRICKET: unknown Elo preset "cricket-elo"');
    const elo = cricket.model.elo as Exclude<typeof cricket.model.elo, string>;
    expect(() =>
      createPluginRegistry([
        {
          plugin: { ...cricket, model: { elo: { ...elo, kFactor: { kind: "constant", value: -1 } } } },
          module: "m",
        },
      ]),
    ).toThrow("m: invalid plugin (CRICKET): model.elo");
    const error = await loadError({ EDGELINE_PLUGINS: fixture("future-plugin.ts") });
    expect(error.code).toBe("PLUGIN_INCOMPATIBLE");
    expect(error.message).toContain("plugin (FUTURE) needs core ^9.0.0, this core is 0.2.0");
  });

  it("resolves a sport's whole model: margin model by name, goals settings, which is bet, blend defaults", () => {
    const elo = cricket.model.elo;
    const loaded = createPluginRegistry([
      {
        plugin: { ...cricket, model: { elo, margin: "fivethirtyeight-nfl-margin", blend: { minGames: 30 } } },
        module: "m",
      },
    ]).sport("CRICKET");
    expect(loaded.model).toMatchObject({ betting: "elo", blend: { minGames: 30, defaultWeight: 1 } });
    expect(loaded.model.margin?.eloPerPoint).toBe(25);
    expect(loaded.thresholds).toEqual(cricket.recommendation);
    const goals = createPluginRegistry([
      {
        plugin: { ...cricket, model: { elo, goals: { xi: 0.0018 }, betting: "goals" as const } },
        module: "m",
      },
    ]).sport("CRICKET").model;
    expect(goals).toMatchObject({ betting: "goals", goals: { xi: 0.0018 } });
    expect(() =>
      createPluginRegistry([{ plugin: { ...cricket, model: { elo, margin: "cricket-runs" } }, module: "m" }]),
    ).toThrow(
      'm: plugin CRICKET: unknown margin model "cricket-runs"; margin models: fivethirtyeight-nfl-margin',
    );
    expect(() =>
      createPluginRegistry([
        { plugin: { ...cricket, model: { elo, betting: "goals" as const } }, module: "m" },
      ]),
    ).toThrow('model.goals: betting "goals" needs goals settings');
  });

  it("checks odds sources: options per sport by the source's schema, one claim per bookmaker", () => {
    const [source, venue] = creaseSource;
    const registry = createPluginRegistry([
      { plugin: cricket, module: "sport-cricket" },
      { plugin: source!, module: "crease" },
      { plugin: venue!, module: "crease" },
    ]);
    expect(registry.sourcesFor("CRICKET").map((s) => s.options)).toEqual([{ competition: "ipl" }]);
    expect(registry.rulesFor("Crease Exchange").netOdds(3)).toBeCloseTo(2.9, 12);
    expect(() =>
      createPluginRegistry([
        { plugin: { ...cricket, sourceOptions: { crease: { competition: 7 } } }, module: "sport-cricket" },
        { plugin: source!, module: "crease" },
      ]),
    ).toThrow("sport-cricket: plugin CRICKET: sourceOptions.crease.competition: expected string");
    expect(() =>
      createPluginRegistry([
        { plugin: venue!, module: "crease" },
        { plugin: { ...venue!, name: "crease-copy" }, module: "copy" },
      ]),
    ).toThrow('copy: bookmaker "crease exchange" (venue crease-copy) is already provided by crease');
  });

  it("stops on a plugin configuration variable that is malformed, naming it", async () => {
    const error = await loadError({
      EDGELINE_PLUGINS: fixture("sport-cricket"),
      EDGELINE_SOURCE_CRICKET_URL: "not a url",
    });
    expect(error.code).toBe("PLUGIN_CONFIG_ENV");
    expect(error.message).toContain('EDGELINE_SOURCE_CRICKET_URL: "not a url" is not a URL');
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

describe("strategy plugins", () => {
  const flatHome = defineStrategy({
    name: "flat-home",
    displayName: "Flat home",
    description: "one unit on every home side at its best price",
    coreVersion: `^${CORE_VERSION}`,
    parameters: z.object({ amount: z.string().default("1") }).strict(),
    propose: () => [],
  });

  it("loads the bundled strategies from edgeline.plugins.json, the way a third party's would be", async () => {
    const registry = await loadPlugins({ env: {}, cwd: repoRoot });
    expect(registry.strategies().map((s) => [s.plugin.name, s.module])).toEqual([
      ["model-edge", "./packages/core/src/strategies/index.ts"],
      ["sharp-reference", "./packages/core/src/strategies/index.ts"],
      ["consensus", "./packages/core/src/strategies/index.ts"],
      ["arbitrage", "./packages/core/src/strategies/index.ts"],
    ]);
  });

  it("takes a third party's strategy, parses files naming it, and refuses an invalid or duplicate one", () => {
    const registry = createPluginRegistry([{ plugin: flatHome, module: "flat-home" }]);
    expect(registry.strategy("flat-home")).toBe(flatHome);
    const s = parseStrategy(
      { name: "f", strategy: "flat-home", parameters: { amount: "5" } },
      "f.json",
      registry.strategyCatalog(),
    );
    expect(s.options).toEqual({ amount: "5" });
    expect(() => registry.strategy("model-edge")).toThrow(
      'no strategy plugin "model-edge"; loaded: flat-home',
    );
    expect(() => createPluginRegistry([{ plugin: { ...flatHome, name: "Flat Home" }, module: "m" }])).toThrow(
      "m: invalid plugin (Flat Home): name: must be lower-case letters, digits and '-'",
    );
    expect(() =>
      createPluginRegistry([
        { plugin: flatHome, module: "a" },
        { plugin: flatHome, module: "b" },
      ]),
    ).toThrow("b: strategy flat-home is already provided by a");
    // A deployment listing no strategy module still runs the bundled ones.
    expect([...createPluginRegistry([]).strategyCatalog().keys()]).toEqual([
      "model-edge",
      "sharp-reference",
      "consensus",
      "arbitrage",
    ]);
  });
});
