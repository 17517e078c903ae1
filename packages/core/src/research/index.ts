/**
 * Research on stored history: backtests and model reports read from the tables (history-loader),
 * run through the pure backtest/ and stored (backtest_runs), and tuned presets filed under
 * EDGELINE_DATA_DIR/presets. I/O at the edge of the modelling core.
 */
export * from "./backtest-job.ts";
export * from "./history-loader.ts";
export * from "./model-presets.ts";
