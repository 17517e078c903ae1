// One bet's stake: Kelly at the venue's net odds, fractioned, capped and rounded.
import type { VenueRules } from "@edgeline/sdk";
import { Decimal } from "decimal.js";
import { type AllocatedStake, allocateStakes, type ExistingExposure, type StakingLimits } from "./caps.ts";
import { kellyFraction } from "./kelly.ts";

export interface KellyStakeInput {
  bankroll: Decimal;
  probability: number;
  /** Gross decimal odds as quoted. */
  odds: number;
  /** The venue's rules: its fees set the odds Kelly uses, its unit the rounding. */
  venue: VenueRules;
  limits: StakingLimits;
  eventId?: string;
  existing?: ExistingExposure;
}

export interface KellyStake extends AllocatedStake {
  /** Odds Kelly used: the quote net of the venue's fees. */
  odds: number;
  /** Full Kelly fraction before the Kelly multiplier and caps. */
  fullKelly: number;
}

/** The odds a stake is sized at: the quoted odds net of the venue's fees. */
export function stakingOdds(venue: VenueRules, odds: number): number {
  return venue.netOdds(odds);
}

/** Kelly stake for one bet: 0 without edge, never above a cap, in the venue's unit. */
export function kellyStake(input: KellyStakeInput): KellyStake {
  const odds = stakingOdds(input.venue, input.odds);
  // Fees can leave nothing to win (net odds ≤ 1): no bet, however likely the outcome.
  const fullKelly = odds > 1 ? kellyFraction(input.probability, odds) : 0;
  const [allocated] = allocateStakes(
    input.bankroll,
    [
      {
        id: "bet",
        eventId: input.eventId ?? "event",
        fraction: fullKelly * input.limits.kellyFraction,
        venue: input.venue,
        odds: new Decimal(input.odds),
      },
    ],
    input.limits,
    input.existing,
  );
  return { ...allocated!, odds, fullKelly };
}
