// @edgeline/core public surface. Each concept re-exports from its own folder, and each name has one
// home: two folders exporting the same name is a type error here (TS2308), not a silent shadow.
// The SDK's surface (contracts, records, calendar, prices, HTTP client) is re-exported so that a
// host imports one package; plugins depend on @edgeline/sdk alone.

export * from "@edgeline/sdk";
export * from "./backtest/index.ts";
export * from "./blend/index.ts";
export * from "./brokers/index.ts";
export * from "./clv/index.ts";
export * from "./config/config.ts";
export * from "./config/logger.ts";
export * from "./db/index.ts";
export * from "./elo/index.ts";
export * from "./evaluation/index.ts";
export * from "./events/index.ts";
export * from "./forecast/index.ts";
export * from "./goals/index.ts";
export * from "./imports/index.ts";
export * from "./margins/index.ts";
export * from "./metrics/index.ts";
export * from "./odds/index.ts";
export * from "./pipeline/index.ts";
export * from "./plugins/index.ts";
export * from "./portfolio/index.ts";
export * from "./recommendation/index.ts";
export * from "./repositories/index.ts";
export * from "./research/index.ts";
export * from "./risk/index.ts";
export * from "./screener/index.ts";
export * from "./settlement/index.ts";
export * from "./staking/index.ts";
export * from "./strategies/index.ts";
export * from "./strategy-host/index.ts";
export * from "./trading/index.ts";
