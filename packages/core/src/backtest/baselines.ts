// The baselines every report shows beside the strategy, on the same games and prices: one unit on
// the home side of every game, one unit on the market's favourite (the outcome the de-vigged
// consensus at the decision makes likeliest), each at the best bettable price the timing takes;
// and betting the consensus itself (the strategy with the model's weight at 0: it bets only where a
// book's price beats the consensus by the minimum edge, about zero edge before the margin).

import { SPORTSBOOK_RULES } from "@edgeline/sdk";
import { Decimal } from "decimal.js";
import {
  knownQuotes,
  type MoneylineOutcome,
  marketConsensus,
  type OddsQuote,
} from "../recommendation/quotes.ts";
import { settleBet } from "../settlement/settle.ts";
import { stakingOdds } from "../staking/kelly-stake.ts";
import { bootstrapYieldInterval, longestLosingRun, type SettledBet } from "./betting-summary.ts";
import { type BacktestOptions, betMarket } from "./engine.ts";
import type { PreparedHistory } from "./history.ts";
import { bookFilter } from "./strategy.ts";

export interface FlatBaseline {
  /** Unit stakes placed. */
  bets: number;
  /** Net result in units. */
  profit: number;
  yield: number | null;
  yieldInterval: [number, number] | null;
  longestLosingRun: number;
}

export const BASELINE_DEFINITIONS: Readonly<Record<string, string>> = {
  alwaysHome: "1 unit on the home moneyline of every game, at the best bettable price of the timing",
  favourite:
    "1 unit on the outcome the de-vigged consensus at the decision makes likeliest (the shortest price without one)",
  consensus: "the strategy with the model's weight 0: the de-vigged consensus is the probability bet",
};

const ORDER: Record<2 | 3, MoneylineOutcome[]> = { 2: ["home", "away"], 3: ["home", "draw", "away"] };

function summary(bets: SettledBet[]): FlatBaseline {
  const staked = bets.reduce((s, b) => s + b.stake.toNumber(), 0);
  const profit = bets.reduce((s, b) => s + b.result.toNumber(), 0);
  return {
    bets: bets.length,
    profit: Math.round(profit * 100) / 100,
    yield: staked === 0 ? null : profit / staked,
    yieldInterval: bootstrapYieldInterval(bets),
    longestLosingRun: longestLosingRun(bets),
  };
}

/** The two flat baselines over the span's games. */
export function flatBaselines(
  h: PreparedHistory,
  o: BacktestOptions,
): { alwaysHome: FlatBaseline; favourite: FlatBaseline } {
  const { games, ways } = h.history;
  const venueRules = o.venueRules ?? (() => SPORTSBOOK_RULES);
  const bettable = bookFilter(o.strategy.bookmakers);
  const consensusBooks = bookFilter(o.strategy.consensusBookmakers);
  const home: SettledBet[] = [];
  const favourite: SettledBet[] = [];
  const unit = new Decimal(1);
  games.forEach((g, i) => {
    if (g.date < o.from || g.date > o.to) return;
    const decision = h.decision(i, o.strategy.prices);
    if (!decision) return;
    const known = knownQuotes(g.gameId, decision.odds, decision.decidedAt, g.commenceTime, ["moneyline"]);
    const best = new Map<MoneylineOutcome, OddsQuote>();
    for (const q of known) {
      if (!bettable(q.bookmaker)) continue;
      const side = q.outcome as MoneylineOutcome;
      const seen = best.get(side);
      const net = stakingOdds(venueRules(q.bookmaker), q.price);
      if (net > 1 && (!seen || net > stakingOdds(venueRules(seen.bookmaker), seen.price))) best.set(side, q);
    }
    const settle = (q: OddsQuote, side: MoneylineOutcome): SettledBet => {
      const venue = venueRules(q.bookmaker);
      const price = new Decimal(q.price).toDecimalPlaces(4);
      const played = h.isPlayed(i);
      const s = played
        ? settleBet(
            {
              stake: unit,
              odds: price,
              potentialPayout: venue.payout({ stake: unit }, price),
              market: betMarket({ recommendationType: "moneyline", side, line: null }, ways, venue),
            },
            {
              status: "Final",
              homeScore: g.homeScore,
              awayScore: g.awayScore,
              scheduledStart: g.commenceTime,
            },
            g.commenceTime,
          )
        : { result: new Decimal(0) };
      return { stake: unit, result: s.result ?? new Decimal(0) };
    };
    const h0 = best.get("home");
    if (h0) home.push(settle(h0, "home"));
    const c = marketConsensus(
      known.filter((q) => consensusBooks(q.bookmaker)),
      ways,
    ).moneyline;
    const order = ORDER[ways];
    let fav: MoneylineOutcome | undefined;
    if (c) fav = order[c.indexOf(Math.max(...c))];
    else {
      const priced = order.filter((s) => best.has(s));
      fav = priced.sort((a, b) => best.get(a)!.price - best.get(b)!.price)[0];
    }
    const q = fav && best.get(fav);
    if (fav && q) favourite.push(settle(q, fav));
  });
  return { alwaysHome: summary(home), favourite: summary(favourite) };
}
