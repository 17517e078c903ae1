/**
 * Evaluation math, pure and reusable by backtests and reports: Brier score, log loss, accuracy
 * (binary and multi-outcome), calibration by decile, yield, ROI on bankroll, maximum drawdown and
 * closing-line value against de-vigged closing odds.
 */
export * from "./betting-metrics.ts";
export * from "./forecast-metrics.ts";
