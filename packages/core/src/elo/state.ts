// The engine's state between days: every entity's full-precision rating, the season of its last
// game (for reversion), its games played and its open history row.

import type { EloConfig } from "@edgeline/sdk";
import { type EloHistoryRow, storedRating } from "./history.ts";

/**
 * How ratings carry from one day to the next.
 * - `full` (default): the state keeps full precision; stored rows are rounded copies. This is
 *   538's arithmetic (needed to reproduce its data). To add a day to a history, pass the
 *   EloState of the previous run (or replay from the start; a replay of 17k games takes ms).
 * - `stored`: every rating is rounded to the stored 2 dp whenever a row is written (first
 *   appearance, reversion, end of each game day), so the `elo_ratings` table alone is the state:
 *   {@link stateFromHistoryRows} rebuilds it exactly and applying one more day to it equals the
 *   full replay in this mode.
 */
export type RatingPrecision = "full" | "stored";

export interface EntityState {
  rating: number;
  /** Season of the entity's last game; null before its first. */
  season: number | null;
  gamesPlayed: number;
  /** The entity's current (open) history row. */
  current: EloHistoryRow;
}

export interface EloState {
  precision: RatingPrecision;
  /** Season of the first game replayed: entities first seen later get `newEntityRating`. */
  firstSeason: number | null;
  /** Last day applied; the next day must be later. */
  lastDate: string | null;
  /** Ratings supplied for the start of history (e.g. 538's initial_elos.csv), by entity. */
  initialRatings: Readonly<Record<string, number>> | null;
  entities: Map<string, EntityState>;
}

export interface NewStateOptions {
  precision?: RatingPrecision;
  /** Starting ratings by entity id. When given, an entity missing from it is a new entity. */
  initialRatings?: Readonly<Record<string, number>>;
}

export function emptyEloState(options: NewStateOptions = {}): EloState {
  return {
    precision: options.precision ?? "full",
    firstSeason: null,
    lastDate: null,
    initialRatings: options.initialRatings ?? null,
    entities: new Map(),
  };
}

/** A deep copy, so that applying a day never mutates the caller's state. */
export function cloneEloState(state: EloState): EloState {
  const entities = new Map<string, EntityState>();
  for (const [id, e] of state.entities) entities.set(id, { ...e, current: { ...e.current } });
  return { ...state, entities };
}

/** The rating an entity starts with the first time it appears, in a game of `season`. */
export function startingRating(
  config: EloConfig,
  state: Pick<EloState, "initialRatings" | "firstSeason">,
  entityId: string,
  season: number,
): number {
  if (state.initialRatings) return state.initialRatings[entityId] ?? config.newEntityRating;
  return state.firstSeason === null || season === state.firstSeason
    ? config.initialRating
    : config.newEntityRating;
}

/** The rating after the between-season reversion into `season` (538 NFL's special cases first). */
export function revertedRating(config: EloConfig, entityId: string, rating: number, season: number): number {
  const reversion = config.seasonReversion;
  if (!reversion) return rating;
  const special = reversion.special.find((s) => s.entityId === entityId && s.season === season);
  if (special) return special.rating;
  return reversion.mean * reversion.fraction + rating * (1 - reversion.fraction);
}

export interface StoredStateOptions {
  /** Season of each entity's last game (not stored in elo_ratings; take it from unified_games). */
  lastSeasonByEntity: Readonly<Record<string, number>>;
  firstSeason: number;
  lastDate: string;
  initialRatings?: Readonly<Record<string, number>>;
}

/**
 * Rebuilds a `stored`-precision state from elo_ratings rows (all rows of one sport; only the
 * current rows, validTo null, matter). Exact for histories produced in `stored` mode.
 */
export function stateFromHistoryRows(rows: readonly EloHistoryRow[], options: StoredStateOptions): EloState {
  const state = emptyEloState({ precision: "stored", initialRatings: options.initialRatings });
  state.firstSeason = options.firstSeason;
  state.lastDate = options.lastDate;
  for (const row of rows) {
    if (row.validTo !== null) continue;
    if (state.entities.has(row.entityId)) {
      throw new Error(`elo_ratings has two current rows (valid_to NULL) for entity "${row.entityId}"`);
    }
    const season = options.lastSeasonByEntity[row.entityId];
    if (season === undefined) {
      throw new Error(`No last season given for entity "${row.entityId}": needed to decide reversion`);
    }
    state.entities.set(row.entityId, {
      rating: storedRating(row.rating.toNumber()).toNumber(),
      season,
      gamesPlayed: row.gamesPlayed,
      current: { ...row },
    });
  }
  return state;
}
