/**
 * Portfolio math for portfolio_snapshots: cash from the bet ledger, invested amount, unrealized
 * P&L (open bets marked at their current fair price), realized P&L and total value. Pure.
 */
export * from "./valuation.ts";
