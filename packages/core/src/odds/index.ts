/**
 * Odds to probabilities: overround; margin removal (multiplicative, additive, power, Shin, odds
 * ratio) with stated solver tolerance; consensus fair probability across bookmakers, and a
 * market's current fair price from complete books (for marking open positions). Pure. Price
 * conversions (decimal, American, fractional, contract prices, DECIMAL(10,4) storage) are the
 * SDK's (prices/), so plugins convert the same way.
 */
export * from "./consensus.ts";
export * from "./devig.ts";
export * from "./fair-price.ts";
