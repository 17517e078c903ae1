// Demo mode: data for a newcomer with no API keys and no network. Payloads in the real upstream
// formats are generated for a window around today and served by the fake upstream server on
// loopback; every source's base URL points there, so the real pipeline code runs unchanged.
import { join } from "node:path";
import { addDaysIso, generateDemoUpstream, localSourceEnv, startFakeUpstream } from "@edgeline/core";

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
  today = new Date().toISOString().slice(0, 10),
): Promise<DemoUpstream> {
  const daysRun = 14;
  // One more day each side than is run: soccer and tennis also read the neighbouring days.
  const summary = await generateDemoUpstream({
    outDir: join(dataDir, "demo-upstream"),
    today,
    daysBefore: daysRun + 1,
    daysAfter: 7,
  });
  const server = await startFakeUpstream({ dataDir: summary.outDir, port: 0, today });
  // Sources read their base URLs from the environment when the pipeline builds its clients.
  Object.assign(process.env, localSourceEnv(server.url));
  process.env.ODDS_API_KEY ??= "demo";
  return {
    url: server.url,
    sports: Object.keys(summary.games).map((league) => league.toUpperCase()),
    from: addDaysIso(today, -daysRun),
    today,
    stop: () => server.close(),
  };
}
