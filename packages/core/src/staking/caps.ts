// From Kelly fractions to stakes a venue accepts: caps per bet, per event and on daily exposure
// (fractions of bankroll), then rounding down to the venue's unit by its rules, so a stake never
// exceeds a cap. The venue is its VenueRules: this module knows no venue by name.
import { groupBy, type VenueRules, type VenueStake } from "@edgeline/sdk";
import { Decimal } from "decimal.js";
import { z } from "zod";

/** Staking limits, all as fractions of bankroll. */
export interface StakingLimits {
  /** Multiplier on full Kelly (¼ Kelly = 0.25). */
  kellyFraction: number;
  maxPerBet: number;
  /** Total on one event (game), across its outcomes and markets. */
  maxPerEvent: number;
  /** Total newly staked per day, including bets already placed that day. */
  maxDailyExposure: number;
}

/** Defaults suggested in shared notes §4 from practitioner rules: ¼ Kelly, 2% / 3% / 10%. */
export const DEFAULT_STAKING_LIMITS: Readonly<StakingLimits> = {
  kellyFraction: 0.25,
  maxPerBet: 0.02,
  maxPerEvent: 0.03,
  maxDailyExposure: 0.1,
};

const fraction = (what: string) =>
  z
    .number({ error: `${what} must be a number` })
    .gt(0, `${what} must be > 0`)
    .lte(1, `${what} must be ≤ 1`);

export const stakingLimitsSchema = z.object({
  kellyFraction: fraction("kellyFraction"),
  maxPerBet: fraction("maxPerBet"),
  maxPerEvent: fraction("maxPerEvent"),
  maxDailyExposure: fraction("maxDailyExposure"),
});

/** Validates limits (e.g. from a sport plugin's settings), naming the bad field. */
export function parseStakingLimits(input: unknown): StakingLimits {
  const r = stakingLimitsSchema.safeParse(input);
  if (!r.success)
    throw new Error(`Invalid staking limits: ${r.error.issues.map((i) => i.message).join("; ")}`);
  return r.data;
}

/** The largest stake the venue accepts that does not exceed `amount` at gross decimal odds `odds`. */
export function roundStakeToVenue(amount: Decimal, venue: VenueRules, odds: Decimal): VenueStake {
  return venue.roundStake(Decimal.max(amount, 0), odds);
}

export interface StakeRequest {
  /** Caller's key, returned with the result. */
  id: string;
  eventId: string;
  /** Desired stake as a fraction of bankroll (already Kelly-fractioned). */
  fraction: number;
  venue: VenueRules;
  /** Gross decimal odds of the quote the stake is placed at. */
  odds: Decimal;
}

export interface ExistingExposure {
  /** Already staked today. */
  today: Decimal;
  /** Already staked per event (open bets). */
  byEvent: Readonly<Record<string, Decimal>>;
}

export interface AllocatedStake extends VenueStake {
  id: string;
  eventId: string;
  /** Which caps reduced the stake, in the order applied. */
  cappedBy: Array<"per-bet" | "per-event" | "daily">;
}

/**
 * Caps and rounds a set of stakes placed together. Each stake is first cut to the per-bet cap;
 * an event over its remaining room has all its stakes scaled down in proportion, then the day;
 * finally each is rounded down to the venue's unit. Only ever lowers a stake, so no cap is exceeded.
 */
export function allocateStakes(
  bankroll: Decimal,
  requests: readonly StakeRequest[],
  limits: StakingLimits,
  existing: ExistingExposure = { today: new Decimal(0), byEvent: {} },
): AllocatedStake[] {
  if (bankroll.isNegative()) throw new Error(`bankroll must be ≥ 0, got ${bankroll}`);
  const perBet = bankroll.times(limits.maxPerBet);
  const amounts = requests.map((r) => {
    if (!Number.isFinite(r.fraction) || r.fraction < 0)
      throw new Error(`stake fraction of "${r.id}" must be ≥ 0`);
    const want = bankroll.times(new Decimal(r.fraction));
    const capped = Decimal.min(want, perBet);
    return { amount: capped, cappedBy: capped.lt(want) ? (["per-bet"] as AllocatedStake["cappedBy"]) : [] };
  });
  const scale = (indices: number[], room: Decimal, why: "per-event" | "daily") => {
    const total = indices.reduce((s, i) => s.plus(amounts[i]!.amount), new Decimal(0));
    if (total.lte(room)) return;
    const factor = Decimal.max(room, 0).div(total);
    for (const i of indices) {
      amounts[i]!.amount = amounts[i]!.amount.times(factor);
      amounts[i]!.cappedBy.push(why);
    }
  };
  const events = groupBy(
    requests.map((_r, i) => i),
    (i) => requests[i]!.eventId,
  );
  for (const [eventId, indices] of events) {
    const room = bankroll.times(limits.maxPerEvent).minus(existing.byEvent[eventId] ?? 0);
    scale(indices, room, "per-event");
  }
  scale(
    requests.map((_, i) => i),
    bankroll.times(limits.maxDailyExposure).minus(existing.today),
    "daily",
  );
  return requests.map((r, i) => ({
    id: r.id,
    eventId: r.eventId,
    cappedBy: amounts[i]!.cappedBy,
    ...roundStakeToVenue(amounts[i]!.amount, r.venue, r.odds),
  }));
}
