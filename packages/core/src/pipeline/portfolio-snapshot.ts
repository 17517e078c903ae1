// portfolio_hourly_snapshot -> portfolio_snapshots: one row per UTC hour. Paper bets are valued
// at cost (no mark-to-market): cash = bankroll + realised P&L − open stakes.
import { Decimal } from "decimal.js";
import { allBets, type PlacedBetRow } from "../repositories/placed-bets.ts";
import { insertHourlySnapshot, type PortfolioSnapshotInput } from "../repositories/portfolio-snapshots.ts";
import type { HourlyJobDefinition } from "./step.ts";

export function valuePortfolio(
  bankroll: Decimal,
  bets: readonly PlacedBetRow[],
  at: Date,
): PortfolioSnapshotInput {
  let invested = new Decimal(0);
  let realized = new Decimal(0);
  for (const bet of bets) {
    if (bet.status === "pending") invested = invested.plus(bet.stake);
    else realized = realized.plus(bet.result ?? 0);
  }
  const cash = bankroll.plus(realized).minus(invested);
  return {
    snapshotTime: at,
    totalValue: cash.plus(invested),
    cashBalance: cash,
    investedAmount: invested,
    unrealizedPnl: new Decimal(0),
    realizedPnl: realized,
  };
}

export const portfolioHourlySnapshot: HourlyJobDefinition = {
  name: "portfolio_hourly_snapshot",
  async prepare(deps, at) {
    return async (client) =>
      insertHourlySnapshot(client, valuePortfolio(deps.bankroll, await allBets(client), at));
  },
};
