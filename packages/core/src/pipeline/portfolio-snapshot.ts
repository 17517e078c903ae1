// portfolio_hourly_snapshot -> portfolio_snapshots: one row per UTC hour, valued by the portfolio
// module (`valuePortfolio`, `cashBalance`). Open bets are marked at the current fair price of
// their outcome where the game has odds (each book's latest moneyline quote, de-vigged and
// averaged: odds/fair-price.ts); a bet whose market has no usable quote is marked at the price it
// was struck at, i.e. at cost (no unrealized P&L), rather than guessed.

import type { PlacedBetRow } from "@edgeline/sdk";
import { Decimal } from "decimal.js";
import { fairProbabilities } from "../odds/index.ts";
import { cashBalance, valuePortfolio } from "../portfolio/index.ts";
import { type OddsRow, oddsForGames } from "../repositories/odds.ts";
import { allBets } from "../repositories/placed-bets.ts";
import { insertHourlySnapshot, type PortfolioSnapshotInput } from "../repositories/portfolio-snapshots.ts";
import type { Queryable } from "../repositories/queryable.ts";
import type { HourlyJobDefinition } from "./step.ts";

/** Current fair probability of an open bet's outcome, or undefined when its market has no usable quotes. */
export type FairPriceOf = (bet: PlacedBetRow) => number | undefined;

/** Fair prices from the games' moneyline rows, keyed by the bet's game and outcome. */
export function fairPricesFrom(odds: readonly OddsRow[]): FairPriceOf {
  const byGame = new Map<string, Map<string, number>>();
  const quotes = new Map<string, Array<{ bookmaker: string; outcome: string; odds: number }>>();
  for (const o of odds) {
    if (o.marketName !== "moneyline" || !o.outcomeName) continue;
    const list = quotes.get(o.gameId) ?? [];
    list.push({ bookmaker: o.bookmaker, outcome: o.outcomeName, odds: o.price.toNumber() });
    quotes.set(o.gameId, list);
  }
  for (const [gameId, q] of quotes) byGame.set(gameId, fairProbabilities(q));
  return (bet) => (bet.gameId === null ? undefined : byGame.get(bet.gameId)?.get(bet.outcome));
}

/** The fair prices of every game with an open bet, from the latest quotes (in-play ones included). */
export async function currentFairPrices(db: Queryable, bets: readonly PlacedBetRow[]): Promise<FairPriceOf> {
  const games = [...new Set(bets.flatMap((b) => (b.status === "pending" && b.gameId ? [b.gameId] : [])))];
  return fairPricesFrom(await oddsForGames(db, games, { inPlay: true }));
}

export function snapshotOf(
  bankroll: Decimal,
  bets: readonly PlacedBetRow[],
  at: Date,
  fairPrice: FairPriceOf = () => undefined,
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
    open: open.map((b) => {
      const payout = b.potentialPayout ?? b.stake.times(b.odds);
      return {
        stake: b.stake,
        payout,
        // At cost when there is no quote: payout × stake / payout = stake.
        fairProbability: fairPrice(b) ?? (payout.isZero() ? 0 : b.stake.div(payout).toNumber()),
      };
    }),
    settled: settled.map((b) => ({ stake: b.stake, result: b.result! })),
  });
  return { snapshotTime: at, ...valuation };
}

export const portfolioHourlySnapshot: HourlyJobDefinition = {
  name: "portfolio_hourly_snapshot",
  async prepare(deps, at) {
    return async (client) => {
      const bets = await allBets(client);
      return insertHourlySnapshot(
        client,
        snapshotOf(deps.bankroll, bets, at, await currentFairPrices(client, bets)),
      );
    };
  },
};
