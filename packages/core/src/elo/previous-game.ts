// The walk that every schedule fact shares (rest days, travel): each side's previous played game of
// the same season, and a measure from it to the game at hand. An unplayed game (a postponement) is
// nobody's previous game; a side's first game of a season has none.
import type { EloGame } from "./replay.ts";

export interface SideMeasures {
  home: number | undefined;
  away: number | undefined;
}

/**
 * For each game (in date order), `between(previous, current)` for each side, where a game's `place`
 * is what the measure needs of it (its day, its site): undefined without a previous game.
 */
export function sincePreviousGame<P>(
  games: readonly EloGame[],
  place: (g: EloGame) => P,
  between: (previous: P, current: P) => number | undefined,
): SideMeasures[] {
  const last = new Map<string, { season: number; at: P }>();
  const measure = (id: string, season: number, at: P) => {
    const prev = last.get(id);
    return prev && prev.season === season ? between(prev.at, at) : undefined;
  };
  return games.map((g) => {
    const at = place(g);
    const sides = { home: measure(g.home, g.season, at), away: measure(g.away, g.season, at) };
    if (g.homeScore !== null && g.awayScore !== null) {
      last.set(g.home, { season: g.season, at });
      last.set(g.away, { season: g.season, at });
    }
    return sides;
  });
}
