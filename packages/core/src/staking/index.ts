/**
 * Staking: edge and expected value at a price, Kelly (single, fractional, exact simultaneous for
 * mutually exclusive outcomes, line bets with pushes and quarter lines) at odds net of the venue's
 * fees, caps per bet, per event and per day as fractions of bankroll, and rounding to the venue's
 * unit (by its VenueRules). Money is Decimal; probabilities and odds are numbers. Pure.
 */
export * from "./bet-fractions.ts";
export * from "./caps.ts";
export * from "./kelly.ts";
export * from "./kelly-stake.ts";
export * from "./price-check.ts";
export * from "./value.ts";
