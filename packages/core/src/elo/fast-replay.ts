// The replay for tuning and backtests: the same ratings and probabilities as replayElo (full
// precision), in plain floating point, without building elo_ratings history rows or copying state.
// It calls the same one-game functions (rateGame, gameProbabilities, startingRating,
// revertedRating), so the arithmetic is the engine's, step for step; a test holds the two paths
// equal on FiveThirtyEight's NFL, NBA and NHL files. History rows are built once, by replayElo,
// for what is stored.
import type { EloConfig } from "@edgeline/sdk";
import { gameProbabilities } from "./probability.ts";
import { checkGameDate, type EloGame, validateGame } from "./replay.ts";
import { gameContext } from "./schedule.ts";
import { type EloState, revertedRating, startingRating } from "./state.ts";
import { rateGame } from "./update.ts";

/** Games checked once and indexed, so that many replays (a parameter search) skip the checks. */
export interface CompiledEloGames {
  games: readonly EloGame[];
  /** Entity ids in order of first appearance; `home`/`away` index into it. */
  entities: string[];
  home: Int32Array;
  away: Int32Array;
}

/** Validates games as replayElo does (date order, one date per day, scores) and indexes their sides. */
export function compileEloGames(games: readonly EloGame[]): CompiledEloGames {
  const index = new Map<string, number>();
  const entities: string[] = [];
  const home = new Int32Array(games.length);
  const away = new Int32Array(games.length);
  let previous: string | null = null;
  for (let i = 0; i < games.length; i++) {
    const game = games[i]!;
    checkGameDate(game, i, previous);
    validateGame(game, game.date, i);
    previous = game.date;
    home[i] = entityIndex(index, entities, game.home);
    away[i] = entityIndex(index, entities, game.away);
  }
  return { games, entities, home, away };
}

function entityIndex(index: Map<string, number>, entities: string[], id: string): number {
  const known = index.get(id);
  if (known !== undefined) return known;
  index.set(id, entities.length);
  entities.push(id);
  return entities.length - 1;
}

export interface FastReplayOptions {
  /** Starting ratings by entity id (as replayElo's); an entity missing from it is a new entity. */
  initialRatings?: Readonly<Record<string, number>>;
}

/** Pre-game ratings and probabilities of every game, in input order, and the final ratings. */
export interface FastReplayResult {
  homePre: Float64Array;
  awayPre: Float64Array;
  /** Post-game ratings; equal to the pre-game ones for an unplayed game. */
  homePost: Float64Array;
  awayPost: Float64Array;
  home: Float64Array;
  away: Float64Array;
  /** Present when the config has a draw model. */
  draw: Float64Array | null;
  /** Full-precision rating of every entity after the last game. */
  ratings: Map<string, number>;
}

/** Entity `e` at the start of a game of season `s`: created, or reverted at its first game of a new season. */
function enter(
  config: EloConfig,
  entities: readonly string[],
  start: Pick<EloState, "initialRatings" | "firstSeason">,
  rating: Float64Array,
  season: Float64Array,
  e: number,
  s: number,
): void {
  const last = season[e]!;
  if (last === s) return;
  if (Number.isNaN(last)) rating[e] = startingRating(config, start, entities[e]!, s);
  else rating[e] = revertedRating(config, entities[e]!, rating[e]!, s);
  season[e] = s;
}

/**
 * Replays games in date order from the start, in full precision (replayElo's default), returning
 * what a backtest or a tuner reads: each game's pre-game ratings and probabilities.
 */
export function fastReplayElo(
  config: EloConfig,
  games: readonly EloGame[] | CompiledEloGames,
  options: FastReplayOptions = {},
): FastReplayResult {
  const compiled = "entities" in games ? games : compileEloGames(games);
  const list = compiled.games;
  const n = list.length;
  const rating = new Float64Array(compiled.entities.length);
  const played = new Int32Array(compiled.entities.length);
  const season = new Float64Array(compiled.entities.length).fill(Number.NaN); // NaN: not seen yet
  const start = { initialRatings: options.initialRatings ?? null, firstSeason: null as number | null };
  const out: FastReplayResult = {
    homePre: new Float64Array(n),
    awayPre: new Float64Array(n),
    homePost: new Float64Array(n),
    awayPost: new Float64Array(n),
    home: new Float64Array(n),
    away: new Float64Array(n),
    draw: config.draws.kind === "none" ? null : new Float64Array(n),
    ratings: new Map(),
  };
  for (let i = 0; i < n; i++) {
    const g = list[i]!;
    if (start.firstSeason === null) start.firstSeason = g.season;
    const h = compiled.home[i]!;
    const a = compiled.away[i]!;
    enter(config, compiled.entities, start, rating, season, h, g.season);
    enter(config, compiled.entities, start, rating, season, a, g.season);
    const context = gameContext(g);
    const homePre = rating[h]!;
    const awayPre = rating[a]!;
    out.homePre[i] = homePre;
    out.awayPre[i] = awayPre;
    let p: ReturnType<typeof gameProbabilities>;
    if (g.homeScore === null || g.awayScore === null) {
      p = gameProbabilities(config, homePre, awayPre, context);
    } else {
      const r = rateGame(
        config,
        homePre,
        awayPre,
        { homeScore: g.homeScore, awayScore: g.awayScore },
        context,
        {
          home: played[h]!,
          away: played[a]!,
        },
      );
      p = r.probabilities;
      rating[h] = r.homePost;
      rating[a] = r.awayPost;
      played[h]! += 1;
      played[a]! += 1;
    }
    out.homePost[i] = rating[h]!;
    out.awayPost[i] = rating[a]!;
    out.home[i] = p.home;
    out.away[i] = p.away;
    if (out.draw) out.draw[i] = p.draw!;
  }
  compiled.entities.forEach((id, e) => {
    out.ratings.set(id, rating[e]!);
  });
  return out;
}
