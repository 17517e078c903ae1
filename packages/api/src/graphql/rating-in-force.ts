// The one rule for "the Elo rating in force on a day": the row of the entity with the latest
// valid_from on or before the day, unless that row ended (valid_to) by then. Used by the batch
// loader of the resolvers (loaders.ts) and by the SQL compiler (compile/), so both agree.

/**
 * A subquery of zero or one elo_ratings row, for a FROM or JOIN LATERAL; the arguments are SQL
 * expressions (columns of the outer query, or parameters). Served by the unique index on
 * (sport, entity_id, valid_from).
 */
export function ratingInForce(sport: string, entityId: string, day: string): string {
  return `(SELECT r.* FROM (SELECT e.* FROM elo_ratings e
             WHERE e.sport = ${sport} AND e.entity_id = ${entityId} AND e.valid_from <= ${day}
             ORDER BY e.valid_from DESC LIMIT 1) r
          WHERE r.valid_to IS NULL OR r.valid_to > ${day})`;
}
