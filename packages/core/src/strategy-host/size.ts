// From a strategy's proposals to stakes, the same for every strategy and every host: Kelly-sized
// proposals are chosen best edge first (at most `maxPerDay`), sized by Kelly at the fair
// probability and the venue's net odds (simultaneous over one game's moneyline outcomes, with
// pushes for line bets) times the Kelly fraction, then capped per bet, per event and per day and
// rounded to the venue's unit; flat proposals (and arbitrage legs) take their amount rounded to the
// venue's unit. A stake that rounds to nothing is dropped; suspects are returned apart.
import type { MarketName, ProposedBet, VenueRules, VenueStake } from "@edgeline/sdk";
import { Decimal } from "decimal.js";
import { betKellyFractions } from "../staking/bet-fractions.ts";
import {
  allocateStakes,
  type ExistingExposure,
  roundStakeToVenue,
  type StakingLimits,
} from "../staking/caps.ts";

const SELECTION_ORDER: Record<string, number> = { home: 0, draw: 1, away: 2, over: 3, under: 4 };
const MARKET_ORDER: Record<MarketName, number> = { moneyline: 0, spread: 1, total: 2 };

interface Ranked {
  edge: number;
  commenceTime: Date;
  gameId: string;
  market: MarketName;
  selection: string;
}

/** The order bets are chosen in: best edge first; ties: earlier start, game id, market, outcome. */
export function compareBets(a: Ranked, b: Ranked): number {
  return (
    b.edge - a.edge ||
    a.commenceTime.getTime() - b.commenceTime.getTime() ||
    (a.gameId < b.gameId ? -1 : a.gameId > b.gameId ? 1 : 0) ||
    MARKET_ORDER[a.market] - MARKET_ORDER[b.market] ||
    SELECTION_ORDER[a.selection]! - SELECTION_ORDER[b.selection]!
  );
}

/** A quote's price as stored (DECIMAL(10,4)): a number's shortest form is its 4-dp text. */
export const quotePrice = (q: { price: number }) =>
  new Decimal(q.price).toDecimalPlaces(4, Decimal.ROUND_HALF_UP);

export interface SizedBet {
  proposal: ProposedBet;
  commenceTime: Date;
  venue: VenueRules;
  /** Net odds after the venue's fees. */
  odds: number;
  stake: VenueStake;
}

export interface SizingOptions {
  bankroll: Decimal;
  limits: StakingLimits;
  venueRules: (bookmaker: string) => VenueRules;
  commenceTime: (gameId: string) => Date;
  /** At most this many Kelly-sized bets. */
  maxPerDay?: number;
  existing?: ExistingExposure;
}

export function sizeProposals(
  proposals: readonly ProposedBet[],
  o: SizingOptions,
): { bets: SizedBet[]; suspects: ProposedBet[] } {
  const suspects = proposals.filter((p) => p.suspect);
  const entries = proposals
    .filter((p) => !p.suspect)
    .map((proposal) => {
      const venue = o.venueRules(proposal.quote.bookmaker);
      return {
        proposal,
        venue,
        odds: venue.netOdds(proposal.quote.price),
        commenceTime: o.commenceTime(proposal.gameId),
        gameId: proposal.gameId,
        market: proposal.quote.market,
        selection: proposal.quote.selection,
        edge: proposal.edge,
        probability: proposal.fairProbability,
        ...(proposal.lines ? { lineOutcome: proposal.lines } : {}),
      };
    });
  const kelly = entries.filter((e) => e.proposal.stake.kind === "kelly").sort(compareBets);
  const chosen = o.maxPerDay === undefined ? kelly : kelly.slice(0, o.maxPerDay);
  const fractions = betKellyFractions(chosen);
  const stakes = allocateStakes(
    o.bankroll,
    chosen.map((c, i) => ({
      id: String(i),
      eventId: c.gameId,
      fraction: fractions.get(c)! * o.limits.kellyFraction,
      venue: c.venue,
      odds: quotePrice(c.proposal.quote),
    })),
    o.limits,
    o.existing,
  );
  const bets: SizedBet[] = [];
  chosen.forEach((c, i) => {
    if (!stakes[i]!.stake.isZero()) bets.push({ ...c, stake: stakes[i]! });
  });
  for (const e of entries) {
    const rule = e.proposal.stake;
    if (rule.kind !== "flat") continue;
    const stake = roundStakeToVenue(new Decimal(rule.amount), e.venue, quotePrice(e.proposal.quote));
    if (!stake.stake.isZero()) bets.push({ ...e, stake });
  }
  return { bets, suspects };
}
