import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { espnSlug } from "../fake-upstream/routes/espn.ts";
import { addDaysIso, type DemoGame, demoGamesBetween, demoGamesOn } from "./demo-calendar.ts";
import { DEMO_LEAGUES, type DemoLeague } from "./demo-leagues.ts";
import { espnLeaguePath, espnScoreboardPayload } from "./espn-payloads.ts";
import { kalshiEvent, kalshiMarkets, oddsApiEvent } from "./market-payloads.ts";
import { nhlSchedulePayload } from "./nhl-payloads.ts";
import { seededRandom } from "./seeded-random.ts";

export interface DemoUpstreamOptions {
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
  games: Record<string, number>;
}

/**
 * Writes payloads in the real upstream formats for a window of dates around `today`, laid out
 * like ../shared/fixtures so the fake upstream serves them: NHL schedules, ESPN scoreboards (NFL,
 * Premier League), Kalshi game markets (NHL, NFL) and The Odds API odds (all three).
 * The output directory is replaced.
 */
export async function generateDemoUpstream(options: DemoUpstreamOptions = {}): Promise<DemoUpstreamSummary> {
  const outDir = path.resolve(options.outDir ?? ".edgeline/demo-upstream");
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const seed = options.seed ?? "edgeline-demo";
  const from = addDaysIso(today, -(options.daysBefore ?? 14));
  const to = addDaysIso(today, options.daysAfter ?? 7);
  const observedAt = new Date(`${today}T12:00:00Z`);

  await rm(outDir, { recursive: true, force: true });
  let files = 0;
  const write = async (folder: string, name: string, body: unknown) => {
    await mkdir(path.join(outDir, folder), { recursive: true });
    await writeFile(path.join(outDir, folder, name), `${JSON.stringify(body, null, 1)}\n`);
    files++;
  };

  const games: Record<string, number> = {};
  for (const league of DEMO_LEAGUES) {
    const window = demoGamesBetween(league, from, to, today, seed);
    games[league.key] = window.length;
    await writeSchedules(league, from, to, today, seed, write);
    const random = seededRandom(`${seed}:${league.key}:markets:${today}`);
    if (league.kalshiSeries) {
      const series = league.kalshiSeries;
      await write("kalshi", `markets-${series}.json`, {
        cursor: "",
        markets: window.flatMap((g) => kalshiMarkets(series, g, random)),
      });
      await write("kalshi", `events-${series}.json`, {
        cursor: "",
        events: window.map((g) => kalshiEvent(series, g)),
        milestones: [],
      });
    }
    // /odds lists upcoming games only, like the real endpoint.
    const upcoming = window.filter((g: DemoGame) => g.result === null);
    await write(
      "the-odds-api",
      `odds-${league.oddsApiSportKey}-us-decimal-demo.json`,
      upcoming.map((g) => oddsApiEvent(g, random, observedAt)),
    );
  }
  return { outDir, from, to, files, games };
}

type Write = (folder: string, name: string, body: unknown) => Promise<void>;

/**
 * One schedule or scoreboard file per day of the window, days without games included, plus a
 * day either side: clients query neighbouring days to cover time-zone edges.
 */
async function writeSchedules(
  league: DemoLeague,
  from: string,
  to: string,
  today: string,
  seed: string,
  write: Write,
) {
  const gamesOn = (day: string) => (day >= from && day <= to ? demoGamesOn(league, day, today, seed) : []);
  for (let day = addDaysIso(from, -1); day <= addDaysIso(to, 1); day = addDaysIso(day, 1)) {
    if (league.key === "nhl") {
      await write("nhl", `schedule-${day}.json`, nhlSchedulePayload(day, gamesOn));
    } else {
      const { sport, league: leagueSlug } = espnLeaguePath(league);
      await write(
        "espn",
        `${espnSlug(sport, leagueSlug)}-scoreboard-${day}.json`,
        espnScoreboardPayload(league, day, gamesOn(day)),
      );
    }
  }
}
