// portfolio_hourly_snapshot -> portfolio_snapshots: one row per UTC hour, valued by the portfolio
// module. Open paper bets are marked at the probability implied by the price they were placed at
// (no live quotes for paper bets), so they count at cost and unrealized P&L is zero.
import { Decimal } from "decimal.js";
import { cashBalance, valuePortfolio } from "../portfolio/index.ts";
import { allBets, type PlacedBetRow } from "../repositories/placed-bets.ts";
import { insertHourlySnapshot, type PortfolioSnapshotInput } from "../repositories/portfolio-snapshots.ts";
import type { HourlyJobDefinition } from "./step.ts";

export function snapshotOf(
  bankroll: Decimal,
  bets: readonly PlacedBetRow[],
  at: Date,
): PortfolioSnapshotInput {
  const open = bets.filter((b) => b.status === "pending");
  const settled = bets.filter((b) => b.status !== "pending" && b.result !== null);
  const valuation = valuePortfolio({
    cash: cashBalance(
      bankroll,
      bets.map((b) => ({
        stake: b.stake,
        result: b.status === "pending" ? null : (b.result ?? new Decimal(0)),
      })),
    ),
    open: open.map((b) => ({
      stake: b.stake,
      payout: b.stake.times(b.odds),
      fairProbability: new Decimal(1).div(b.odds).toNumber(),
    })),
    settled: settled.map((b) => ({ stake: b.stake, result: b.result! })),
  });
  return { snapshotTime: at, ...valuation };
}

export const portfolioHourlySnapshot: HourlyJobDefinition = {
  name: "portfolio_hourly_snapshot",
  async prepare(deps, at) {
    return async (client) =>
      insertHourlySnapshot(client, snapshotOf(deps.bankroll, await allBets(client), at));
  },
};
