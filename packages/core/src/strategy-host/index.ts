// Running any strategy plugin the same way: its context (only the quotes known at the decision,
// none older than the maximum age, the model's pricing where it runs), the sizing of what it
// proposes, the best price per outcome across the allowed venues, and the screener's list of
// current opportunities.
export * from "./best-prices.ts";
export * from "./context.ts";
export * from "./size.ts";
