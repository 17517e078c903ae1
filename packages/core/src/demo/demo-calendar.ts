import type { DemoLeague, DemoTeam } from "./demo-leagues.ts";
import { seededRandom } from "./seeded-random.ts";

/** One generated game: who, when, how likely, and (for past days) how it ended. */
export interface DemoGame {
  league: DemoLeague;
  /** League-local calendar day. */
  date: string;
  /** Index of the game on its day (stable ids). */
  index: number;
  start: Date;
  home: DemoTeam;
  away: DemoTeam;
  /** True probabilities of the outcomes; the books price around these. */
  pHome: number;
  pDraw: number;
  pAway: number;
  /** Final score for days before `today`; null for today and later. */
  result: { home: number; away: number; overtime: boolean } | null;
}

export function addDaysIso(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Hidden team strengths in Elo points, fixed per seed and league, so ratings have something to find. */
export function teamStrengths(league: DemoLeague, seed: string): Map<string, number> {
  const random = seededRandom(`${seed}:${league.key}:strength`);
  return new Map(league.teams.map((t) => [t.code, Math.round((random.next() - 0.5) * 300)]));
}

/**
 * The games of `league` on `date`. Each (seed, league, date) has its own random stream, so any
 * window of dates yields the same games for the days it shares with another window.
 */
export function demoGamesOn(league: DemoLeague, date: string, today: string, seed: string): DemoGame[] {
  const random = seededRandom(`${seed}:${league.key}:${date}`);
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  const { games, starts } = league.slate(weekday);
  const strengths = teamStrengths(league, seed);
  const teams = random.shuffle(league.teams);
  const out: DemoGame[] = [];
  for (let i = 0; i < games && 2 * i + 1 < teams.length; i++) {
    const home = teams[2 * i]!;
    const away = teams[2 * i + 1]!;
    const [dayOffset, hhmm] = starts[i % starts.length]!;
    const start = new Date(`${addDaysIso(date, dayOffset)}T${hhmm}:00Z`);
    const diff = strengths.get(home.code)! - strengths.get(away.code)! + league.homeAdvantage;
    const pHomeNoDraw = 1 / (1 + 10 ** (-diff / 400));
    const pDraw = league.drawRate;
    const pHome = (1 - pDraw) * pHomeNoDraw;
    const pAway = 1 - pDraw - pHome;
    const result = date < today ? playGame(league, random.next(), pHome, pDraw, random.int(0, 99)) : null;
    out.push({ league, date, index: i, start, home, away, pHome, pDraw, pAway, result });
  }
  return out;
}

function playGame(
  league: DemoLeague,
  u: number,
  pHome: number,
  pDraw: number,
  r: number,
): DemoGame["result"] {
  const winner = u < pHome ? "home" : u < pHome + pDraw ? "draw" : "away";
  let w: number;
  let l: number;
  let overtime = false;
  if (league.key === "nfl") {
    w = 17 + (r % 22);
    l = Math.max(0, w - 1 - (r % 17));
  } else if (league.key === "nhl") {
    w = 2 + (r % 4);
    l = r % w;
    overtime = w - l === 1 && r % 4 === 0;
  } else {
    w = 1 + (r % 3);
    l = winner === "draw" ? w : r % w;
  }
  if (winner === "draw") return { home: w, away: w, overtime: false };
  return winner === "home" ? { home: w, away: l, overtime } : { home: l, away: w, overtime };
}

/** Every game of the league whose day lies in [from, to]. */
export function demoGamesBetween(
  league: DemoLeague,
  from: string,
  to: string,
  today: string,
  seed: string,
): DemoGame[] {
  const games: DemoGame[] = [];
  for (let day = from; day <= to; day = addDaysIso(day, 1))
    games.push(...demoGamesOn(league, day, today, seed));
  return games;
}
