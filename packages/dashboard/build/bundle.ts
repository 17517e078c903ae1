// The built dashboard (dist/) and when to build it. `pnpm start` calls `ensureDashboardBundle()`:
// it builds only when dist/ is missing or was built from other inputs, so a fresh clone serves the
// dashboard with no extra command and a change to the sources is picked up on the next start,
// while an unchanged tree starts at once (hashing the inputs takes milliseconds; a build takes
// seconds, so it stays out of `pnpm install`).
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";

export const DASHBOARD_ROOT = join(import.meta.dirname, "..");
export const DASHBOARD_DIST = join(DASHBOARD_ROOT, "dist");
/** What the last build was made from; written last, so an interrupted build counts as stale. */
const STAMP = join(DASHBOARD_DIST, ".inputs-hash");

/** The files a build reads: sources, the page, the Vite config, the package manifest, core's odds. */
function inputFiles(): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
      d.name === "generated" || d.name.endsWith(".test.ts")
        ? []
        : d.isDirectory()
          ? walk(join(dir, d.name))
          : [join(dir, d.name)],
    );
  return [
    ...walk(join(DASHBOARD_ROOT, "src")),
    ...walk(join(DASHBOARD_ROOT, "../core/src/odds")),
    join(DASHBOARD_ROOT, "index.html"),
    join(DASHBOARD_ROOT, "vite.config.ts"),
    join(DASHBOARD_ROOT, "package.json"),
  ].sort();
}

/** SHA-256 over every input's path and content. */
export function inputsHash(): string {
  const hash = createHash("sha256");
  for (const file of inputFiles()) {
    hash.update(relative(DASHBOARD_ROOT, file)).update("\0").update(readFileSync(file)).update("\0");
  }
  return hash.digest("hex");
}

export function bundleIsCurrent(): boolean {
  return (
    existsSync(join(DASHBOARD_DIST, "index.html")) &&
    existsSync(STAMP) &&
    readFileSync(STAMP, "utf8") === inputsHash()
  );
}

/** Builds dist/ with Vite (production mode) and stamps it with the inputs' hash. */
export async function buildDashboard(opts: { quiet?: boolean } = {}): Promise<void> {
  const hash = inputsHash();
  const { build } = await import("vite");
  await build({
    configFile: join(DASHBOARD_ROOT, "vite.config.ts"),
    mode: "production",
    logLevel: opts.quiet ? "error" : "info",
  });
  writeFileSync(STAMP, hash);
}

/**
 * The dist folder, built first if it is missing or stale. `log` hears one line when a build runs.
 */
export async function ensureDashboardBundle(log: (line: string) => void = () => {}): Promise<string> {
  if (!bundleIsCurrent()) {
    const started = performance.now();
    log("dashboard: building the bundle (sources changed or never built)…");
    await buildDashboard({ quiet: true });
    log(`dashboard: built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  return DASHBOARD_DIST;
}
