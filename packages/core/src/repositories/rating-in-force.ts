// The one rule for "the rating in force on a day": the elo_ratings row with valid_from ≤ day and
// (valid_to null or valid_to > day). A game on day D moves ratings from D + 1 (elo/history.ts), so
// for a game on D this is its pre-game rating. Every reader (pipeline, API, backtest) uses this.

/** SQL condition: row `alias` of elo_ratings is in force on the day `day` (an SQL expression of type date). */
export function ratingInForceSql(alias: string, day: string): string {
  return `${alias}.valid_from <= ${day} AND (${alias}.valid_to IS NULL OR ${alias}.valid_to > ${day})`;
}

/** The same rule on a row already read (YYYY-MM-DD strings). */
export function isRatingInForce(row: { validFrom: string; validTo: string | null }, day: string): boolean {
  return row.validFrom <= day && (row.validTo === null || row.validTo > day);
}
