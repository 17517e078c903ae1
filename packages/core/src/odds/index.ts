/**
 * Odds: conversions between decimal, American, fractional, implied probability and Kalshi prices
 * (dollar strings and cents); overround; margin removal (multiplicative, additive, power, Shin,
 * odds ratio) with stated solver tolerance; consensus fair probability across bookmakers. Pure.
 */
export * from "./consensus.ts";
export * from "./convert.ts";
export * from "./devig.ts";
