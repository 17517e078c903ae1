/**
 * Evaluation math, pure and reusable by backtests and reports: Brier score, log loss, accuracy
 * (binary and multi-outcome), calibration by decile, one report per forecaster and a comparison of
 * several on the same games (raw model, blend, de-vigged close), yield, ROI on bankroll, maximum
 * drawdown and closing-line value against de-vigged closing odds.
 */
export * from "./betting-metrics.ts";
export * from "./forecast-metrics.ts";
export * from "./forecast-report.ts";
