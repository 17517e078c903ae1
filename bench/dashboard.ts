// The dashboard's first page: its size over the wire (gzip, as the API serves it) and the time to
// first render on demo data (the real pipeline's output for a week of NHL and EPL, as `pnpm start`
// makes it), in Debian's headless Chromium. Time to first render is the `edgeline:first-render`
// performance mark (set when the Overview's portfolio has rendered), from navigation start, each
// load in a fresh browser context (cold cache).
//
// Run alone: `pnpm exec tsx bench/dashboard.ts` (BENCH_LOADS=10).
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { closeOtherHosts, hasChromium, launchChromium } from "../packages/api/test/browser.ts";
import { startHarness } from "../packages/api/test/graphql-harness.ts";
import { seedWithPipeline } from "../packages/api/test/pipeline-seed.ts";
import { ensureDashboardBundle } from "../packages/dashboard/build/bundle.ts";

const LOADS = Number(process.env.BENCH_LOADS ?? 10);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/** Every file `/` loads (the page, its scripts and styles), with raw and gzip sizes. */
async function firstPageFiles(origin: string) {
  const html = await (await fetch(`${origin}/`)).text();
  const refs = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]!);
  const files = [{ path: "/", body: Buffer.from(html) }];
  for (const ref of refs)
    files.push({ path: ref, body: Buffer.from(await (await fetch(`${origin}${ref}`)).arrayBuffer()) });
  return files.map((f) => ({
    path: f.path,
    raw: f.body.byteLength,
    gzip: gzipSync(f.body, { level: 9 }).byteLength,
  }));
}

export async function main(): Promise<void> {
  const dashboardDir = await ensureDashboardBundle((line) => console.log(line));
  const h = await startHarness({
    config: { readRequiresKey: false },
    dashboardDir,
    seed: (_api, db) => seedWithPipeline(db.url),
  });
  try {
    const files = await firstPageFiles(h.origin);
    console.log("first page (/), as served:");
    for (const f of files)
      console.log(`  ${f.path.padEnd(40)} ${kb(f.raw).padStart(10)} raw ${kb(f.gzip).padStart(10)} gzip`);
    const total = files.reduce((s, f) => s + f.gzip, 0);
    console.log(`  total gzip: ${kb(total)} (goal < 300 KB)`);

    if (!hasChromium) {
      console.log("time to first render: skipped, no Chromium at /usr/bin/chromium");
      return;
    }
    const browser = await launchChromium();
    try {
      const marks: number[] = [];
      const loaded: number[] = [];
      for (let i = 0; i < LOADS; i++) {
        const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
        await closeOtherHosts(context, h.origin);
        const page = await context.newPage();
        await page.goto(`${h.origin}/`);
        await page.waitForFunction(
          () =>
            (globalThis as unknown as { performance: Performance }).performance.getEntriesByName(
              "edgeline:first-render",
            ).length > 0,
        );
        const [mark, dcl] = (await page.evaluate(
          `[performance.getEntriesByName("edgeline:first-render")[0].startTime,
            performance.getEntriesByType("navigation")[0].domContentLoadedEventEnd]`,
        )) as [number, number];
        marks.push(mark);
        loaded.push(dcl);
        await context.close();
      }
      console.log(`time to first render on demo data, ${LOADS} cold loads:`);
      console.log(`  DOMContentLoaded: median ${median(loaded).toFixed(0)} ms`);
      console.log(
        `  portfolio rendered: median ${median(marks).toFixed(0)} ms (min ${Math.min(...marks).toFixed(0)}, max ${Math.max(...marks).toFixed(0)})`,
      );
    } finally {
      await browser.close();
    }
  } finally {
    await h.close();
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
