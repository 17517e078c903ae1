// Writes the demo's upstream payloads: for each sport with a demo, a deterministic calendar of
// games around `today`, the sport plugin's schedule payloads for every day, and each covering odds
// source's market payloads, laid out like ../shared/fixtures so the fake upstream serves them.
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { addDays, type OddsSourcePlugin, type SportPlugin, seededRandom, utcDay } from "@edgeline/sdk";
import { demoGamesBetween, demoGamesOn } from "./demo-calendar.ts";

/** A sport of the demo and the odds sources that cover it, each with its options for the sport. */
export interface DemoSport {
  sport: SportPlugin;
  sources: ReadonlyArray<{ source: OddsSourcePlugin; options: unknown }>;
}

export interface DemoUpstreamOptions {
  sports: readonly DemoSport[];
  /** @defaultValue ".edgeline/demo-upstream" */
  outDir?: string;
  /** Centre of the window, `YYYY-MM-DD`; days before it are played. @defaultValue today (UTC) */
  today?: string;
  /** @defaultValue 14 */
  daysBefore?: number;
  /** @defaultValue 7 */
  daysAfter?: number;
  /** Same seed and today, same files. @defaultValue "edgeline-demo" */
  seed?: string;
}

export interface DemoUpstreamSummary {
  outDir: string;
  from: string;
  to: string;
  files: number;
  /** Games generated per sport code. */
  games: Record<string, number>;
}

/** Writes the payloads of every sport that has a demo; the output directory is replaced. */
export async function generateDemoUpstream(options: DemoUpstreamOptions): Promise<DemoUpstreamSummary> {
  const outDir = path.resolve(options.outDir ?? ".edgeline/demo-upstream");
  const today = options.today ?? utcDay(new Date());
  const seed = options.seed ?? "edgeline-demo";
  const from = addDays(today, -(options.daysBefore ?? 14));
  const to = addDays(today, options.daysAfter ?? 7);
  const observedAt = new Date(`${today}T12:00:00Z`);

  await rm(outDir, { recursive: true, force: true });
  let files = 0;
  const write = async (folder: string, name: string, body: unknown) => {
    await mkdir(path.join(outDir, folder), { recursive: true });
    await writeFile(path.join(outDir, folder, name), `${JSON.stringify(body, null, 1)}\n`);
    files++;
  };

  const games: Record<string, number> = {};
  for (const { sport, sources } of options.sports) {
    const demo = sport.demo;
    if (!demo) continue;
    const window = demoGamesBetween(sport.code, demo.league, from, to, today, seed);
    games[sport.code] = window.length;
    // A day either side too: clients query neighbouring days to cover time-zone edges.
    for (let day = addDays(from, -1); day <= addDays(to, 1); day = addDays(day, 1)) {
      const gamesOn = (d: string) =>
        d >= from && d <= to ? demoGamesOn(sport.code, demo.league, d, today, seed) : [];
      await demo.writeDay(day, gamesOn, write);
    }
    for (const { source, options: sourceOptions } of sources) {
      if (!source.demo) continue;
      const random = seededRandom(`${seed}:${sport.code.toLowerCase()}:${source.name}:${today}`);
      await source.demo.writeMarkets(
        {
          sport: sport.code,
          league: demo.league,
          options: sourceOptions,
          games: window,
          today,
          observedAt,
          random,
        },
        write,
      );
    }
  }
  return { outDir, from, to, files, games };
}
