// Writing history files (results, prices, forecasts) through the pipelines' write paths.
export * from "./write-history.ts";
