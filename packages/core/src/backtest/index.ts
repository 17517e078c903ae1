/**
 * Backtests: a walk-forward replay of a sport's history day by day with only what was known at
 * each decision (ratings of the decision's day, prices the strategy's timing takes, the blend's
 * weight fitted on earlier games), through the live recommendation, staking and settlement code,
 * with a bankroll that evolves; its report (betting with a bootstrap interval of the yield,
 * drawdown, losing runs, CLV, forecasts of the model, the blend and the market on the same games,
 * calibration, baselines), strategy files, and tuning on a training span. Pure.
 */
export * from "./baselines.ts";
export * from "./betting-summary.ts";
export * from "./clv.ts";
export * from "./engine.ts";
export * from "./forecast-scores.ts";
export * from "./format.ts";
export * from "./history.ts";
export * from "./preset.ts";
export * from "./report.ts";
export * from "./strategy.ts";
export * from "./tune.ts";
