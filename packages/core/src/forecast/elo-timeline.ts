// Ratings as they stood at the start of any day, for every game of a history, from one fast replay
// (elo/fast-replay.ts). A decision made on day D sees only results of games dated before D: the
// rating of each side is its rating after its last game before D, entered into the game's season
// as the replay enters it (created, or reverted at its first game of a new season). For the
// game's own day this is exactly the replay's pre-game rating of the side's first game that day
// (a doubleheader's second game is decided on the morning's ratings, as the live pipeline does).
import type { EloConfig } from "@edgeline/sdk";
import { compileEloGames, type FastReplayResult, fastReplayElo } from "../elo/fast-replay.ts";
import type { EloGame } from "../elo/replay.ts";
import { revertedRating, startingRating } from "../elo/state.ts";

/** One entity's played games in date order: their dates, seasons and post-game ratings. */
interface EntityHistory {
  dates: string[];
  seasons: number[];
  post: number[];
}

export class EloTimeline {
  readonly replay: FastReplayResult;
  private readonly histories = new Map<string, EntityHistory>();
  private readonly start: {
    initialRatings: Readonly<Record<string, number>> | null;
    firstSeason: number | null;
  };

  constructor(
    readonly config: EloConfig,
    readonly games: readonly EloGame[],
    options: { initialRatings?: Readonly<Record<string, number>> } = {},
  ) {
    const compiled = compileEloGames(games);
    this.replay = fastReplayElo(config, compiled, options);
    this.start = { initialRatings: options.initialRatings ?? null, firstSeason: games[0]?.season ?? null };
    games.forEach((g, i) => {
      if (g.homeScore === null || g.awayScore === null) return;
      this.push(g.home, g.date, g.season, this.replay.homePost[i]!);
      this.push(g.away, g.date, g.season, this.replay.awayPost[i]!);
    });
  }

  private push(entity: string, date: string, season: number, post: number): void {
    let h = this.histories.get(entity);
    if (!h) {
      h = { dates: [], seasons: [], post: [] };
      this.histories.set(entity, h);
    }
    h.dates.push(date);
    h.seasons.push(season);
    h.post.push(post);
  }

  /** An entity's rating for a game of `season`, from the results of games dated before `day`. */
  ratingAt(entity: string, season: number, day: string): number {
    const h = this.histories.get(entity);
    const k = h ? lastBefore(h.dates, day) : -1;
    if (!h || k < 0) return startingRating(this.config, this.start, entity, season);
    const rating = h.post[k]!;
    return h.seasons[k] === season ? rating : revertedRating(this.config, entity, rating, season);
  }

  /** Both sides' ratings for game `i` as known at the start of `day` (not after the game's date). */
  ratingsAt(i: number, day: string): { home: number; away: number } {
    const g = this.games[i]!;
    if (day > g.date) throw new Error(`game ${i + 1} (${g.date}) cannot be decided on a later day, ${day}`);
    return { home: this.ratingAt(g.home, g.season, day), away: this.ratingAt(g.away, g.season, day) };
  }
}

/** Index of the last date strictly before `day` in an ascending list, or −1. */
function lastBefore(dates: readonly string[], day: string): number {
  let lo = 0;
  let hi = dates.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (dates[mid]! < day) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}
