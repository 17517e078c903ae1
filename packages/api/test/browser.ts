// Debian's headless Chromium through playwright-core, for the dashboard tests and
// bench/dashboard.ts: launch with the flags a root container needs, close every request to another
// host (and remember it), inject axe-core, and write screenshots under test-artifacts/ (ignored).
import { existsSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";

export const CHROMIUM_PATH = process.env.EDGELINE_CHROMIUM ?? "/usr/bin/chromium";
export const hasChromium = existsSync(CHROMIUM_PATH);
export const ARTIFACTS_DIR = join(import.meta.dirname, "../../../test-artifacts/dashboard");

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
    ],
  });
}

/** Aborts every request that is not to `origin` (or a data:/blob: URL); returns the list of them. */
export async function closeOtherHosts(context: BrowserContext, origin: string): Promise<string[]> {
  const blocked: string[] = [];
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(`${origin}/`) || url.startsWith("data:") || url.startsWith("blob:")) {
      return route.continue();
    }
    blocked.push(url);
    return route.abort("blockedbyclient");
  });
  return blocked;
}

const axeSource = (): string => {
  const require = createRequire(import.meta.url);
  return (require("axe-core") as { source: string }).source;
};

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** axe-core's violations on the page as it stands, of impact serious or critical. */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated through the DevTools protocol: the dashboard's CSP (rightly) refuses inline scripts.
  await page.evaluate(axeSource());
  const violations = (await page.evaluate("axe.run(document).then((r) => r.violations)")) as {
    id: string;
    impact: string | null;
    help: string;
    nodes: { target: string[] }[];
  }[];
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => n.target.join(" ")),
    }));
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const path = join(ARTIFACTS_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
