/**
 * Forecasts: what the model says about a game from what was known at the start of its decision
 * day, in the shape every market asks (moneyline probabilities, grade probabilities of spread and
 * total bets at any line): Elo ratings at any day's start from one fast replay, the goals model
 * fitted per decision day (for hockey on regulation scores, overtime apart), and the sport's
 * model resolved to numbers. Pure.
 */
export * from "./elo-timeline.ts";
export * from "./game-forecast.ts";
export * from "./goals-timeline.ts";
export * from "./late-goals-by-season.ts";
export * from "./overtime-record.ts";
export * from "./sport-forecaster.ts";
