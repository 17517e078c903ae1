export * from "./database-gauges.ts";
export * from "./http-observer.ts";
export * from "./metrics.ts";
