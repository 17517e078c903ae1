export * from "./daily-summary.ts";
export * from "./deliver.ts";
export * from "./emit.ts";
export * from "./event-types.ts";
export * from "./execution-events.ts";
export * from "./pipeline-events.ts";
export * from "./sink-request.ts";
export * from "./sinks.ts";
