// One bet's stake: Kelly at the venue's net odds, fractioned, capped and rounded.
import type { Decimal } from "decimal.js";
import {
  type AllocatedStake,
  allocateStakes,
  type ExistingExposure,
  type StakingLimits,
  type Venue,
} from "./caps.ts";
import { kalshiMarginalNetOdds } from "./kalshi-fees.ts";
import { kellyFraction } from "./kelly.ts";

export interface KellyStakeInput {
  bankroll: Decimal;
  probability: number;
  /** Gross decimal odds; for Kalshi leave it out: the price sets the odds (net of fees). */
  odds?: number;
  venue: Venue;
  limits: StakingLimits;
  eventId?: string;
  existing?: ExistingExposure;
}

export interface KellyStake extends AllocatedStake {
  /** Odds Kelly used: gross for a sportsbook, net of the fee rate on Kalshi. */
  odds: number;
  /** Full Kelly fraction before the Kelly multiplier and caps. */
  fullKelly: number;
}

/** The odds a stake is sized at: Kalshi net of fees (per-contract rate), otherwise the quoted odds. */
export function stakingOdds(venue: Venue, odds?: number): number {
  if (venue.kind === "kalshi") return kalshiMarginalNetOdds(venue.price, venue.role);
  if (odds === undefined) throw new Error("odds are required for a sportsbook stake");
  return odds;
}

/** Kelly stake for one bet: 0 without edge, never above a cap, in the venue's unit. */
export function kellyStake(input: KellyStakeInput): KellyStake {
  const odds = stakingOdds(input.venue, input.odds);
  const fullKelly = kellyFraction(input.probability, odds);
  const [allocated] = allocateStakes(
    input.bankroll,
    [
      {
        id: "bet",
        eventId: input.eventId ?? "event",
        fraction: fullKelly * input.limits.kellyFraction,
        venue: input.venue,
      },
    ],
    input.limits,
    input.existing,
  );
  return { ...allocated!, odds, fullKelly };
}
