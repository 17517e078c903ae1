// The one rule for "the rating in force on a day": the elo_ratings row of the entity with the
// latest valid_from on or before the day, unless that row ended (valid_to ≤ day). A game on day D
// moves ratings from D + 1 (elo/history.ts), so for a game on D this is its pre-game rating. Every
// reader (pipeline, API resolvers, the SQL compiler, backtests) uses one of the forms below.
import type { Prisma } from "../generated/prisma/client.ts";

/** SQL condition: row `alias` of elo_ratings is in force on the day `day` (an SQL expression of type date). */
export function ratingInForceSql(alias: string, day: string): string {
  return `${alias}.valid_from <= ${day} AND (${alias}.valid_to IS NULL OR ${alias}.valid_to > ${day})`;
}

/**
 * A subquery of zero or one elo_ratings row, for a FROM or JOIN LATERAL; the arguments are SQL
 * expressions (columns of the outer query, or parameters). Served by the unique index on
 * (sport, entity_id, valid_from).
 */
export function ratingInForceRow(sport: string, entityId: string, day: string): string {
  return `(SELECT r.* FROM (SELECT e.* FROM elo_ratings e
             WHERE e.sport = ${sport} AND e.entity_id = ${entityId} AND e.valid_from <= ${day}
             ORDER BY e.valid_from DESC LIMIT 1) r
          WHERE r.valid_to IS NULL OR r.valid_to > ${day})`;
}

/** The same rule as a Prisma filter (`day` is the DATE as Prisma passes it). */
export function ratingInForceWhere(day: Date): Prisma.EloRatingWhereInput {
  return { validFrom: { lte: day }, OR: [{ validTo: null }, { validTo: { gt: day } }] };
}

/** The same rule on a row already read (YYYY-MM-DD strings). */
export function isRatingInForce(row: { validFrom: string; validTo: string | null }, day: string): boolean {
  return row.validFrom <= day && (row.validTo === null || row.validTo > day);
}
