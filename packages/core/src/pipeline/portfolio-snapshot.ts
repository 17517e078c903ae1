// portfolio_hourly_snapshot -> portfolio_snapshots: one row per UTC hour, valued by the portfolio
// module (`valuePortfolio`, `cashBalance`). Open bets are marked at the current fair price of
// their outcome where the game has odds (each book's latest moneyline quote, de-vigged and
// averaged: odds/fair-price.ts); a bet whose market has no usable quote is marked at the price it
// was struck at, i.e. at cost (no unrealized P&L), rather than guessed. A snapshot of an hour already
// past (a missed hour, a backfill) values the portfolio as it stood then: bets placed by then, marked
// at the prices quoted by then, results counted once their game had had time to finish.

import type { Broker, PlacedBetRow } from "@edgeline/sdk";
import { Decimal } from "decimal.js";
import { isCommitted } from "../brokers/bet-status.ts";
import { fairProbabilities } from "../odds/index.ts";
import { cashBalance, valuePortfolio } from "../portfolio/index.ts";
import { gamesByIds } from "../repositories/games.ts";
import { type OddsRow, oddsForGames } from "../repositories/odds.ts";
import { allBets } from "../repositories/placed-bets.ts";
import {
  hourOf,
  insertHourlySnapshot,
  type PortfolioSnapshotInput,
} from "../repositories/portfolio-snapshots.ts";
import type { Queryable } from "../repositories/queryable.ts";
import { quotesAt } from "../repositories/quotes.ts";
import { routerOf } from "./deps.ts";
import type { HourlyJobDefinition } from "./step.ts";

/** Current fair probability of an open bet's outcome, or undefined when its market has no usable quotes. */
export type FairPriceOf = (bet: PlacedBetRow) => number | undefined;

/** Fair prices from the games' moneyline rows, keyed by the bet's game and outcome. */
export function fairPricesFrom(
  odds: ReadonlyArray<Pick<OddsRow, "gameId" | "bookmaker" | "marketName" | "outcomeName" | "price">>,
): FairPriceOf {
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

/**
 * How long after its scheduled start a game's result counts as known when a past hour is valued:
 * unified_games has no end time, and the bundled sports' games are over within it.
 */
export const RESULT_KNOWN_AFTER_MS = 4 * 3_600_000;

/**
 * The bets as they stood at `at`: those placed by then, a settled one still open until its game
 * (starting at `startOf(bet)`) had had time to finish. A bet without a known start keeps its result.
 */
export function betsAsOf(
  bets: readonly PlacedBetRow[],
  at: Date,
  startOf: (bet: PlacedBetRow) => Date | null,
): PlacedBetRow[] {
  return bets
    .filter((b) => b.placedTimeUtc === null || b.placedTimeUtc <= at)
    .map((b) => {
      const start = startOf(b);
      if (b.status === "pending" || !start || start.getTime() + RESULT_KNOWN_AFTER_MS <= at.getTime())
        return b;
      return { ...b, status: "pending", result: null };
    });
}

/** The fair prices of the open bets' games from the moneyline quotes of the price history at `at`. */
export async function fairPricesAt(
  db: Queryable,
  bets: readonly PlacedBetRow[],
  at: Date,
): Promise<FairPriceOf> {
  const games = [...new Set(bets.flatMap((b) => (b.status === "pending" && b.gameId ? [b.gameId] : [])))];
  const quotes = await quotesAt(db, games, at, { markets: ["moneyline"] });
  return fairPricesFrom(quotes.flatMap((q) => (q.price === null ? [] : [{ ...q, price: q.price }])));
}

export function snapshotOf(
  bankroll: Decimal,
  allBets: readonly PlacedBetRow[],
  at: Date,
  fairPrice: FairPriceOf = () => undefined,
  /** The venues' own balance, when trading live at venues that report one: it is the cash. */
  venueCash?: Decimal,
): PortfolioSnapshotInput {
  // A bet awaiting a person, cancelled or expired stakes nothing.
  const bets = allBets.filter((b) => isCommitted(b.status));
  const open = bets.filter((b) => b.status === "pending");
  const settled = bets.filter((b) => b.status !== "pending" && b.result !== null);
  const valuation = valuePortfolio({
    cash:
      venueCash ??
      cashBalance(
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

/** The sum of the live venues' balances, or undefined when none reports one (paper: the notional bankroll). */
export async function venueBalances(brokers: Iterable<Broker>): Promise<Decimal | undefined> {
  let total: Decimal | undefined;
  for (const b of brokers) if (b.balance) total = (total ?? new Decimal(0)).plus((await b.balance()).cash);
  return total;
}

export const portfolioHourlySnapshot: HourlyJobDefinition = {
  name: "portfolio_hourly_snapshot",
  async prepare(deps, at) {
    const live = at >= hourOf(deps.now());
    const venueCash = live ? await venueBalances(routerOf(deps).liveBrokers().values()) : undefined;
    return async (client) => {
      const bets = await allBets(client);
      if (live) {
        return insertHourlySnapshot(
          client,
          snapshotOf(deps.bankroll, bets, at, await currentFairPrices(client, bets), venueCash),
        );
      }
      const games = await gamesByIds(
        client,
        bets.flatMap((b) => (b.gameId ? [b.gameId] : [])),
      );
      const then = betsAsOf(
        bets,
        at,
        (b) => (b.gameId && games.get(b.gameId)?.commenceTime) || b.marketCloseTimeUtc,
      );
      return insertHourlySnapshot(
        client,
        snapshotOf(deps.bankroll, then, at, await fairPricesAt(client, then, at)),
      );
    };
  },
};
