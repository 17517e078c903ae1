// Risk limits checked before every order (pure; placed_bets is read by the caller).
export * from "./risk-limits.ts";
