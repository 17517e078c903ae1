/**
 * Elo ratings, configurable per sport: probabilities from two ratings (with home advantage,
 * playoff and draw models, rest and travel), one-game updates (margin of victory, favourite correction, K that may
 * shrink with games played), season reversion, a chronological replay that yields the rows of
 * `elo_ratings`, and a plain-float replay with the same probabilities and no rows (fast-replay.ts,
 * for tuning and backtests). Presets: fivethirtyeight-nfl / -nba / -nhl (reproduce 538's data); the
 * model's shape (EloConfig) is the SDK's, so a sport plugin can bring its own. Pure: no I/O.
 */
export * from "./fast-replay.ts";
export * from "./history.ts";
export * from "./multipliers.ts";
export * from "./presets.ts";
export * from "./probability.ts";
export * from "./replay.ts";
export * from "./schedule.ts";
export * from "./state.ts";
export * from "./travel.ts";
export * from "./update.ts";
