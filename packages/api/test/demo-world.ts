// The world the pipeline tests run against: the plugins' demo payloads for a window of days,
// served by the fake upstream with the plugins' own routes, and the same plugins loaded again with
// every base URL pointed there (so the real sources and HTTP client run unchanged).
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type HttpClientDeps, loadPlugins, type PluginRegistry } from "@edgeline/core";
import {
  type FakeUpstream,
  fakeRoutesOf,
  generateDemoUpstream,
  localSourceEnv,
  startFakeUpstream,
} from "@edgeline/testkit";
import { demoSports } from "./pipeline-helpers.ts";

export interface DemoWorld {
  dir: string;
  upstream: FakeUpstream;
  /** The plugins pointed at the fake upstream. */
  plugins: PluginRegistry;
  /** The environment that points them there (for child processes). */
  env: Record<string, string>;
  close(): Promise<void>;
}

export async function startDemoWorld(opts: {
  today: string;
  daysBefore?: number;
  daysAfter?: number;
  seed?: string;
  /** Plugin list (EDGELINE_PLUGINS); default: the repository's edgeline.plugins.json. */
  plugins?: string;
  httpDeps?: HttpClientDeps;
}): Promise<DemoWorld> {
  const cwd = join(import.meta.dirname, "../../..");
  const list: Record<string, string> = opts.plugins ? { EDGELINE_PLUGINS: opts.plugins } : {};
  const dir = await mkdtemp(join(tmpdir(), "edgeline-demo-world-"));
  const bundled = await loadPlugins({ env: list, cwd });
  await generateDemoUpstream({
    sports: demoSports(bundled),
    outDir: dir,
    today: opts.today,
    ...(opts.daysBefore === undefined ? {} : { daysBefore: opts.daysBefore }),
    ...(opts.daysAfter === undefined ? {} : { daysAfter: opts.daysAfter }),
    ...(opts.seed === undefined ? {} : { seed: opts.seed }),
  });
  const all = bundled.all().map((p) => p.plugin);
  const upstream = await startFakeUpstream({
    dataDir: dir,
    port: 0,
    today: opts.today,
    routes: fakeRoutesOf(all),
  });
  const env = { ...list, ...localSourceEnv(all, upstream.url), ODDS_API_KEY: "demo-key" };
  const plugins = await loadPlugins({ env, cwd, ...(opts.httpDeps ? { httpDeps: opts.httpDeps } : {}) });
  return {
    dir,
    upstream,
    plugins,
    env,
    async close() {
      await upstream.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
