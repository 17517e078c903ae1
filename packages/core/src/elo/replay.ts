// Chronological replay. `applyEloDay` is the single step; `replayElo` is a fold of it over days,
// so "one new day on top of the state" equals "a full replay" by construction (and by test).

import { assertCalendarDay, type EloConfig, nextDay } from "@edgeline/sdk";
import { type EloHistoryRow, storedRating } from "./history.ts";
import { type GameProbabilities, gameProbabilities } from "./probability.ts";
import { gameContext } from "./schedule.ts";
import {
  cloneEloState,
  type EloState,
  type EntityState,
  emptyEloState,
  type NewStateOptions,
  revertedRating,
  startingRating,
} from "./state.ts";
import { rateGame } from "./update.ts";

/** A game to rate. Home is the first-named side (team1 in 538's files; player 1 in tennis). */
export interface EloGame {
  /** YYYY-MM-DD. */
  date: string;
  season: number;
  home: string;
  away: string;
  /** Null when not yet played: the game gets probabilities and moves no rating. */
  homeScore: number | null;
  awayScore: number | null;
  neutral?: boolean;
  playoff?: boolean;
  /** Days since each side's previous played game of the season (see schedule.ts); absent: its first. */
  homeRest?: number;
  awayRest?: number;
  /** Miles each side travelled from its previous game of the season (see travel.ts); absent: not known. */
  homeTravel?: number;
  awayTravel?: number;
  /** De-vigged closing home probability, for a model with marketUpdate (a backtest fills it). */
  closingHome?: number;
  /** A played game's score at the end of regulation, where known (a goals model on regulation fits it). */
  regulation?: { home: number; away: number };
}

/** A game with the ratings it was played at, its pre-game probabilities and (if played) the result. */
export interface EloGameRating {
  game: EloGame;
  /** Pre-game ratings, after any season reversion: 538's elo1_pre / elo2_pre. */
  homePre: number;
  awayPre: number;
  probabilities: GameProbabilities;
  /** Post-game ratings; equal to the pre-game ones for an unplayed game. */
  homePost: number;
  awayPost: number;
}

export interface EloDayResult {
  state: EloState;
  games: EloGameRating[];
  /** elo_ratings rows to upsert on (entity, validFrom): new rows, and closed former current rows. */
  rows: EloHistoryRow[];
}

/** Rounds to the stored 2 dp in `stored` mode; identity in `full` mode. */
function carried(state: EloState, rating: number): number {
  return state.precision === "stored" ? storedRating(rating).toNumber() : rating;
}

/** Sets an entity's open row to start on `validFrom`, closing the previous one. */
function writeRow(
  entity: EntityState,
  entityId: string,
  validFrom: string,
  upserts: Map<string, EloHistoryRow>,
) {
  const row: EloHistoryRow = {
    entityId,
    rating: storedRating(entity.rating),
    validFrom,
    validTo: null,
    gamesPlayed: entity.gamesPlayed,
  };
  const previous = entity.current;
  if (previous.validFrom !== validFrom) {
    const closed = { ...previous, validTo: validFrom };
    upserts.set(`${entityId}\u0000${closed.validFrom}`, closed);
  }
  entity.current = row;
  upserts.set(`${entityId}\u0000${validFrom}`, row);
}

/** The entity as it stands at the start of a game of `season` on `date`: created or reverted if due. */
function entityForGame(
  config: EloConfig,
  state: EloState,
  entityId: string,
  season: number,
  date: string,
  upserts: Map<string, EloHistoryRow>,
): EntityState {
  let entity = state.entities.get(entityId);
  if (!entity) {
    const rating = carried(state, startingRating(config, state, entityId, season));
    entity = {
      rating,
      season,
      gamesPlayed: 0,
      current: { entityId, rating: storedRating(rating), validFrom: date, validTo: null, gamesPlayed: 0 },
    };
    state.entities.set(entityId, entity);
    upserts.set(`${entityId}\u0000${date}`, entity.current);
    return entity;
  }
  if (entity.season !== null && entity.season !== season) {
    entity.rating = carried(state, revertedRating(config, entityId, entity.rating, season));
    writeRow(entity, entityId, date, upserts);
  }
  entity.season = season;
  return entity;
}

/** Throws, naming the game, unless it is a well-formed game of day `date`. */
export function validateGame(game: EloGame, date: string, index: number): void {
  const problem = gameProblem(game, date);
  if (problem !== null)
    throw new Error(`game ${index + 1} (${game.date} ${game.home} v ${game.away}): ${problem}`);
}

/** What is wrong with a game of day `date`, or null. Runs once per game of every replay: no allocation. */
function gameProblem(game: EloGame, date: string): string | null {
  if (game.date !== date) return `all games of one day must share the date ${date}`;
  if (!Number.isInteger(game.season)) return "season must be an integer";
  if (!game.home || !game.away) return "both sides need an id";
  if (game.home === game.away) return "a side cannot play itself";
  const hs = game.homeScore;
  const as = game.awayScore;
  if ((hs === null) !== (as === null)) return "give both scores or neither";
  if (hs !== null && !(Number.isFinite(hs) && hs >= 0)) return "scores must be numbers ≥ 0";
  if (as !== null && !(Number.isFinite(as) && as >= 0)) return "scores must be numbers ≥ 0";
  return null;
}

/**
 * Applies one day's games, in the order given (so a doubleheader's second game starts from the
 * first game's result), to a copy of `state`. Throws if the day is not after the state's last day.
 */
export function applyEloDay(
  config: EloConfig,
  state: EloState,
  date: string,
  games: readonly EloGame[],
): EloDayResult {
  return applyDayInPlace(config, cloneEloState(state), date, games);
}

/** {@link applyEloDay} on a state the caller owns (the replay's working copy): no copy per day. */
function applyDayInPlace(
  config: EloConfig,
  next: EloState,
  date: string,
  games: readonly EloGame[],
): EloDayResult {
  assertCalendarDay(date, "Elo day");
  if (next.lastDate !== null && date <= next.lastDate) {
    throw new Error(
      `Elo day ${date} is not after the last day applied (${next.lastDate}): games must be in date order`,
    );
  }
  const upserts = new Map<string, EloHistoryRow>();
  const played = new Set<string>();
  const rated: EloGameRating[] = [];
  for (const [i, game] of games.entries()) validateGame(game, date, i);
  for (const game of games) {
    if (next.firstSeason === null) next.firstSeason = game.season;
    const home = entityForGame(config, next, game.home, game.season, date, upserts);
    const away = entityForGame(config, next, game.away, game.season, date, upserts);
    const context = gameContext(game);
    const homePre = home.rating;
    const awayPre = away.rating;
    if (game.homeScore === null || game.awayScore === null) {
      const probabilities = gameProbabilities(config, homePre, awayPre, context);
      rated.push({ game, homePre, awayPre, probabilities, homePost: homePre, awayPost: awayPre });
      continue;
    }
    const result = rateGame(
      config,
      homePre,
      awayPre,
      { homeScore: game.homeScore, awayScore: game.awayScore },
      context,
      { home: home.gamesPlayed, away: away.gamesPlayed },
    );
    home.rating = result.homePost;
    away.rating = result.awayPost;
    home.gamesPlayed += 1;
    away.gamesPlayed += 1;
    played.add(game.home).add(game.away);
    rated.push({ game, homePre, awayPre, probabilities: result.probabilities, ...pick(result) });
  }
  // Results of day D are in force from day D + 1; stored mode rounds here, once per day.
  const after = nextDay(date);
  for (const id of played) {
    const entity = next.entities.get(id)!;
    entity.rating = carried(next, entity.rating);
    writeRow(entity, id, after, upserts);
  }
  next.lastDate = date;
  return { state: next, games: rated, rows: [...upserts.values()] };
}

function pick(r: { homePost: number; awayPost: number }) {
  return { homePost: r.homePost, awayPost: r.awayPost };
}

export interface ReplayResult {
  games: EloGameRating[];
  /** Every elo_ratings row, sorted by entity then validFrom; each entity's last row is current. */
  history: EloHistoryRow[];
  /** Full state after the last day: pass to {@link applyEloDay} to continue. */
  state: EloState;
}

/**
 * Checks game `index`'s date against the previous game's (null for the first): a real date, not
 * before it. Returns whether the game starts a new day.
 */
export function checkGameDate(game: EloGame, index: number, previous: string | null): boolean {
  if (game.date === previous) return false;
  assertCalendarDay(game.date, `game ${index + 1}`);
  if (previous !== null && game.date < previous) {
    throw new Error(
      `game ${index + 1} (${game.date} ${game.home} v ${game.away}) is dated before the game before it (${previous}): games must be in date order`,
    );
  }
  return true;
}

/** Groups games by date; throws on a game dated before the one before it. */
export function groupByDay(games: readonly EloGame[]): Array<[string, EloGame[]]> {
  const days: Array<[string, EloGame[]]> = [];
  for (const [i, game] of games.entries()) {
    if (checkGameDate(game, i, days[days.length - 1]?.[0] ?? null)) days.push([game.date, [game]]);
    else days[days.length - 1]![1].push(game);
  }
  return days;
}

/** Replays games in date order from an empty state (or `from`, to continue a history). */
export function replayElo(
  config: EloConfig,
  games: readonly EloGame[],
  options: NewStateOptions & { from?: EloState } = {},
): ReplayResult {
  let state = options.from ? cloneEloState(options.from) : emptyEloState(options);
  const rated: EloGameRating[] = [];
  // Upserts of one entity arrive in validFrom order, so each lands on or after its last row.
  const byEntity = new Map<string, EloHistoryRow[]>();
  for (const [date, dayGames] of groupByDay(games)) {
    const day = applyDayInPlace(config, state, date, dayGames);
    state = day.state;
    for (const g of day.games) rated.push(g);
    for (const row of day.rows) {
      const rows = byEntity.get(row.entityId) ?? [];
      if (rows.length === 0) byEntity.set(row.entityId, rows);
      const last = rows[rows.length - 1];
      if (last && last.validFrom === row.validFrom) rows[rows.length - 1] = row;
      else rows.push(row);
    }
  }
  const ids = [...byEntity.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { games: rated, history: ids.flatMap((id) => byEntity.get(id)!), state };
}
