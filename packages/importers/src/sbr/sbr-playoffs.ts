/**
 * The archive does not mark playoff games; the schedule does, by a rule a test checks on every real
 * file. In a regular season every team plays the same number of games G; the teams that miss the
 * playoffs end the file on exactly G, the others go on. So G is the most common number of games a
 * team has in the file, and a game is a playoff game when both its teams had already played G games
 * of the file before it. Both leagues finish the regular season before the playoffs start, so the
 * playoffs are every game from the first day with such a game on: a team's game refused as a bad
 * row (missing from its count), or a game cancelled and never played, moves nothing.
 *
 * The rule needs a whole season: it gives no answer (null) when fewer than a quarter of the teams
 * end on G (a part of a season, a file of one team) or G is under 20.
 */
export interface SidesInOrder {
  date: string;
  home: string;
  away: string;
}

const MIN_REGULAR_GAMES = 20;

/** Per game, in file order: playoff or not, or null for every game when the file is not a whole season. */
export function inferPlayoffs(
  games: readonly SidesInOrder[],
): { playoff: boolean[]; regularGames: number } | null {
  const totals = new Map<string, number>();
  for (const g of games) {
    totals.set(g.home, (totals.get(g.home) ?? 0) + 1);
    totals.set(g.away, (totals.get(g.away) ?? 0) + 1);
  }
  const byCount = new Map<number, number>();
  for (const n of totals.values()) byCount.set(n, (byCount.get(n) ?? 0) + 1);
  let regular = 0;
  let teamsAtRegular = 0;
  for (const [n, teams] of byCount) {
    if (teams > teamsAtRegular || (teams === teamsAtRegular && n < regular)) {
      regular = n;
      teamsAtRegular = teams;
    }
  }
  if (regular < MIN_REGULAR_GAMES || teamsAtRegular * 4 < totals.size) return null;
  const played = new Map<string, number>();
  let firstDay: string | undefined;
  for (const g of games) {
    const h = played.get(g.home) ?? 0;
    const a = played.get(g.away) ?? 0;
    played.set(g.home, h + 1);
    played.set(g.away, a + 1);
    if (h >= regular && a >= regular && (firstDay === undefined || g.date < firstDay)) firstDay = g.date;
  }
  const playoff = games.map((g) => firstDay !== undefined && g.date >= firstDay);
  return { playoff, regularGames: regular };
}
