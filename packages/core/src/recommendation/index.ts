/**
 * The recommendation rule: from a day's games, their odds (only quotes before each start) and
 * both sides' stored ratings (never valid after the game's date), the candidate
 * bet_recommendations rows under per-sport thresholds (minimum edge, odds range, maximum per day),
 * sized by capped fractional Kelly, in a deterministic order. Pure.
 */
export * from "./recommend.ts";
