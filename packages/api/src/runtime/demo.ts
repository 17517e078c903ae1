// Demo mode: data for a newcomer with no API keys and no network. Payloads in the real upstream
// formats are generated for a window around today by the plugins' demos and served by the fake
// upstream on loopback with the plugins' routes; every declared base URL points there, so the real
// pipeline code runs unchanged.
import { join } from "node:path";
import { addDays, type PluginRegistry, utcDay } from "@edgeline/core";
import { fakeRoutesOf, generateDemoUpstream, localSourceEnv, startFakeUpstream } from "@edgeline/testkit";

export interface DemoUpstream {
  url: string;
  /** The sports with demo payloads, and the days to run them for (played days, then today). */
  sports: string[];
  from: string;
  today: string;
  stop(): Promise<void>;
}

export async function startDemoUpstream(
  dataDir: string,
  plugins: PluginRegistry,
  today = utcDay(new Date()),
): Promise<DemoUpstream> {
  const daysRun = 14;
  // One more day each side than is run: soccer and tennis also read the neighbouring days.
  const summary = await generateDemoUpstream({
    sports: plugins.list().map((sport) => ({
      sport,
      sources: plugins
        .sourcesFor(sport.code)
        .map(({ source, options }) => ({ source: source.plugin, options })),
    })),
    outDir: join(dataDir, "demo-upstream"),
    today,
    daysBefore: daysRun + 1,
    daysAfter: 7,
  });
  const all = plugins.all().map((p) => p.plugin);
  const server = await startFakeUpstream({
    dataDir: summary.outDir,
    port: 0,
    today,
    routes: fakeRoutesOf(all),
  });
  // Plugins read their base URLs from the environment when the registry builds their contexts.
  Object.assign(process.env, localSourceEnv(all, server.url));
  process.env.ODDS_API_KEY ??= "demo";
  return {
    url: server.url,
    sports: Object.keys(summary.games),
    from: addDays(today, -daysRun),
    today,
    stop: () => server.close(),
  };
}
