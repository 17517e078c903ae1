// Repositories: one module per table, set-based reads and writes over a plain `pg` pool.
export * from "./backtest-runs.ts";
export * from "./bet-status-changes.ts";
export * from "./elo-ratings.ts";
export * from "./external-forecasts.ts";
export * from "./games.ts";
export * from "./odds.ts";
export * from "./order-refusals.ts";
export * from "./pipeline-runs.ts";
export * from "./placed-bets.ts";
export * from "./portfolio-snapshots.ts";
export * from "./prices.ts";
export * from "./queryable.ts";
export * from "./quotes.ts";
export * from "./rating-in-force.ts";
export * from "./recommendations.ts";
export * from "./risk-exposure.ts";
export * from "./trading-switch.ts";
