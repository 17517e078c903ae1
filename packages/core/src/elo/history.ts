// elo_ratings rows. A row says "this entity's rating at the start of day validFrom, until the
// start of day validTo" (half-open; validTo null = current). So the rating a game on day D starts
// from is the row covering D, and no result of day D is visible before day D ends: a game's
// post-game rating starts the next day. Every change on one day (a doubleheader, a reversion and a
// game) collapses into one row, as the table's unique (sport, entity_id, valid_from) requires.
import { Decimal } from "decimal.js";

/** One `elo_ratings` row (sport is implied by the config that produced it). */
export interface EloHistoryRow {
  entityId: string;
  /** The stored value: DECIMAL(10,2), rounded half-up (as PostgreSQL rounds numeric). */
  rating: Decimal;
  /** First day (YYYY-MM-DD) this rating is in force. */
  validFrom: string;
  /** First day it is no longer in force; null for the entity's current row. */
  validTo: string | null;
  /** Games the entity had played before day validFrom. */
  gamesPlayed: number;
}

/** The stored form of a full-precision rating. */
export function storedRating(rating: number): Decimal {
  return new Decimal(rating).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

/** The row in force on `date`, or undefined before the entity's first row. Rows of one entity. */
export function ratingOn(rows: readonly EloHistoryRow[], date: string): EloHistoryRow | undefined {
  return rows.find((r) => r.validFrom <= date && (r.validTo === null || date < r.validTo));
}

/**
 * Merges upserts into a row list keyed by (entityId, validFrom): a later row with the same key
 * replaces the earlier one. The result is sorted by entity, then validFrom.
 */
export function mergeHistoryRows(
  base: readonly EloHistoryRow[],
  upserts: readonly EloHistoryRow[],
): EloHistoryRow[] {
  const byKey = new Map<string, EloHistoryRow>();
  for (const row of [...base, ...upserts]) byKey.set(`${row.entityId}\u0000${row.validFrom}`, row);
  return [...byKey.values()].sort((a, b) =>
    a.entityId === b.entityId ? a.validFrom.localeCompare(b.validFrom) : a.entityId < b.entityId ? -1 : 1,
  );
}
