export * from "./database-gauges.ts";
export * from "./metrics.ts";
export * from "./http-observer.ts";
