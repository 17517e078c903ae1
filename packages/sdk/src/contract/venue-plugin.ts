// A venue: where a bet is executed. It declares how it charges (fees), in which unit it takes
// stakes (cents, whole contracts), what it pays, and how it settles a tie; the modelling core
// sizes and grades every bet through these rules and knows no venue by name. A venue with an
// API also brings a broker.
import { Decimal } from "decimal.js";
import { z } from "zod";
import type { Broker } from "./broker.ts";
import { fn, type PluginCommon, pluginCommonShape } from "./plugin-common.ts";
import type { PluginContext } from "./plugin-context.ts";

/** A stake the venue accepts: cash committed, and its units where the venue counts them. */
export interface VenueStake {
  /** Cash committed, fee included (stake to the cent; Kalshi contracts × price + fee). */
  stake: Decimal;
  /** Whole contracts, on exchanges that trade them. */
  contracts?: number;
  /** The fee inside `stake`. */
  fee?: Decimal;
}

/** How a 2-way bet on one side settles when the game ends level. */
export type TieRule =
  /** The stake is returned (sportsbooks). */
  | { kind: "void" }
  /** The proposition failed: the stake is lost. */
  | { kind: "lose" }
  /** Paid at a share of the full payout (Kalshi settles a tie at $0.50 a contract). */
  | { kind: "payout-fraction"; fraction: number };

export interface VenueRules {
  /** Decimal odds a stake earns at quoted gross odds `odds`, net of the venue's fees (edge and Kelly use these). */
  netOdds(odds: number): number;
  /** The largest stake the venue accepts that does not exceed `amount` at gross odds `odds`. */
  roundStake(amount: Decimal, odds: Decimal): VenueStake;
  /** Gross payout of a winning stake, stake included, to the cent. */
  payout(stake: VenueStake, odds: Decimal): Decimal;
  onTie: TieRule;
}

/** A bookmaker without fees: odds as quoted, stakes in cents, stake × odds paid, ties void. */
export const SPORTSBOOK_RULES: VenueRules = {
  netOdds: (odds) => odds,
  roundStake: (amount) => ({
    stake: amount.lte(0) ? new Decimal(0) : amount.toDecimalPlaces(2, Decimal.ROUND_DOWN),
  }),
  payout: (stake, odds) => stake.stake.times(odds).toDecimalPlaces(2, Decimal.ROUND_DOWN),
  onTie: { kind: "void" },
};

export interface VenuePlugin<Config = unknown> extends PluginCommon<Config> {
  kind: "venue";
  /** Unique lower-case name ("kalshi", "manual"). */
  name: string;
  displayName: string;
  /**
   * The bookmakers (as quotes name them) whose prices this venue executes: `["Kalshi"]`; `"*"` takes
   * every book no other venue claims (the manual venue for sportsbooks without an API).
   */
  bookmakers: readonly string[] | "*";
  rules: VenueRules;
  /** Orders over the venue's API; absent for a venue where a person places the bet. */
  createBroker?(ctx: PluginContext<Config>): Broker;
}

export const VENUE_NAME_PATTERN = /^[a-z][a-z0-9-]{1,39}$/;

export const venuePluginSchema = z.object({
  kind: z.literal("venue"),
  ...pluginCommonShape,
  name: z.string().regex(VENUE_NAME_PATTERN, "must be lower-case letters, digits and '-'"),
  displayName: z.string().trim().min(1),
  bookmakers: z.union([z.literal("*"), z.array(z.string().min(1)).min(1)]),
  rules: z.object({
    netOdds: fn("netOdds"),
    roundStake: fn("roundStake"),
    payout: fn("payout"),
    onTie: z.discriminatedUnion("kind", [
      z.object({ kind: z.literal("void") }),
      z.object({ kind: z.literal("lose") }),
      z.object({ kind: z.literal("payout-fraction"), fraction: z.number().min(0).max(1) }),
    ]),
  }),
  createBroker: fn("createBroker").optional(),
});

/** Declares a venue. Only types it: the registry validates it at load. */
export function defineVenue<C = undefined>(plugin: Omit<VenuePlugin<C>, "kind">): VenuePlugin<C> {
  return { kind: "venue", ...plugin };
}
