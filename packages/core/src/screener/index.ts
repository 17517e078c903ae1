// The screener: current opportunities of any strategy (`edgeline screen`, GraphQL `opportunities`).
export * from "./format.ts";
export * from "./screen.ts";
