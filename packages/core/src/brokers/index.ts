// Brokers: where orders go. Only the paper broker exists; the interface is the seam for live ones.
export * from "./bet-id.ts";
export * from "./broker.ts";
export * from "./paper-broker.ts";
