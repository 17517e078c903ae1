/**
 * The recommendation rule: from a day's games, their forecasts (or stored ratings, never valid
 * after the game's date) and the quotes known before each start, the candidate
 * bet_recommendations rows for the moneyline, spreads and totals: the betting probability blends
 * the model with the de-vigged consensus, the edge is computed on it, an edge above the maximum is
 * recorded as suspect; bets are sized by capped fractional Kelly, in a deterministic order. Pure.
 */
export * from "./blend-weights.ts";
export * from "./candidates.ts";
export * from "./quotes.ts";
export * from "./recommend.ts";
