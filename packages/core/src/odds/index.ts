/**
 * Odds: conversions between decimal, American, fractional, implied probability and Kalshi prices
 * (dollar strings and cents), exact (Decimal) and as numbers; storage as DECIMAL(10,4); overround;
 * margin removal (multiplicative, additive, power, Shin, odds ratio) with stated solver tolerance;
 * consensus fair probability across bookmakers, and a market's current fair price from complete
 * books (for marking open positions). Pure. The one home of odds conversions: the odds
 * sources call these.
 */
export * from "./consensus.ts";
export * from "./convert.ts";
export * from "./devig.ts";
export * from "./fair-price.ts";
export * from "./stored.ts";
