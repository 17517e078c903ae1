// The demo's calendar: deterministic games for a sport's DemoLeague. Each (seed, sport, day) has
// its own random stream, so any window of days yields the same games for the days it shares with
// another window, and the hidden team strengths give the ratings something to find.
import { addDays, type DemoGame, type DemoLeague, seededRandom, weekday } from "@edgeline/sdk";

/** Hidden team strengths in Elo points, fixed per seed and sport. */
export function teamStrengths(sport: string, league: DemoLeague, seed: string): Map<string, number> {
  const random = seededRandom(`${seed}:${sport.toLowerCase()}:strength`);
  return new Map(league.teams.map((t) => [t.id, Math.round((random.next() - 0.5) * 300)]));
}

/** The games of a sport on `date`; days before `today` are played. */
export function demoGamesOn(
  sport: string,
  league: DemoLeague,
  date: string,
  today: string,
  seed: string,
): DemoGame[] {
  const random = seededRandom(`${seed}:${sport.toLowerCase()}:${date}`);
  const { games, starts } = league.slate(weekday(date));
  const strengths = teamStrengths(sport, league, seed);
  const teams = random.shuffle(league.teams);
  const out: DemoGame[] = [];
  for (let i = 0; i < games && 2 * i + 1 < teams.length; i++) {
    const home = teams[2 * i]!;
    const away = teams[2 * i + 1]!;
    const [dayOffset, hhmm] = starts[i % starts.length]!;
    const start = new Date(`${addDays(date, dayOffset)}T${hhmm}:00Z`);
    const diff = strengths.get(home.id)! - strengths.get(away.id)! + league.homeAdvantage;
    const pHomeNoDraw = 1 / (1 + 10 ** (-diff / 400));
    const pDraw = league.drawRate;
    const pHome = (1 - pDraw) * pHomeNoDraw;
    const pAway = 1 - pDraw - pHome;
    let result: DemoGame["result"] = null;
    if (date < today) {
      const u = random.next();
      const winner = u < pHome ? "home" : u < pHome + pDraw ? "draw" : "away";
      result = league.score(winner, random.int(0, 99));
    }
    out.push({ sport, date, index: i, start, home, away, pHome, pDraw, pAway, result });
  }
  return out;
}

/** Every game of the sport whose day lies in [from, to]. */
export function demoGamesBetween(
  sport: string,
  league: DemoLeague,
  from: string,
  to: string,
  today: string,
  seed: string,
): DemoGame[] {
  const games: DemoGame[] = [];
  for (let day = from; day <= to; day = addDays(day, 1))
    games.push(...demoGamesOn(sport, league, day, today, seed));
  return games;
}
