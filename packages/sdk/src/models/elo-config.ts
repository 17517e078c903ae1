// The shape of an Elo model. Every number a sport needs lives here, so a model is data (a sport
// plugin names a preset of core's or brings its own configuration) and the engine in core has no
// sport-specific branches.
import { z } from "zod";

/**
 * How many rating points a game can move. `constant` is classic Elo; `shrinking` gives each entity
 * its own K = numerator / (gamesPlayed + offset)^exponent (FiveThirtyEight's tennis form), so
 * established players move less than newcomers. With `shrinking` an update is not zero-sum.
 */
export type KFactor =
  | { kind: "constant"; value: number }
  | { kind: "shrinking"; numerator: number; offset: number; exponent: number };

/**
 * Margin-of-victory multiplier, a function of the absolute score margin only. The favourite
 * (autocorrelation) correction is separate, see {@link FavouriteMultiplier}.
 * - `log`: ln(max(margin, floor) + 1) (538 NFL).
 * - `power`: (margin + offset)^exponent (538 NBA numerator).
 * - `log-linear`: slope·ln(margin) + intercept (538 NHL; margin ≥ 1 since OT/SO winners score last).
 * - `goal-difference`: 1 for a margin ≤ 1, 1.5 for 2, (11 + margin)/8 beyond (eloratings.net).
 * - `custom`: any pure function, for experiments.
 */
export type MarginOfVictory =
  | { kind: "none" }
  | { kind: "log"; floor: number }
  | { kind: "power"; offset: number; exponent: number }
  | { kind: "log-linear"; slope: number; intercept: number }
  | { kind: "goal-difference" }
  | { kind: "custom"; multiplier: (margin: number) => number };

/**
 * Damps the update when the favourite wins (and boosts it when the underdog wins), so that
 * margin-of-victory Elo does not inflate favourites: numerator / (base + slope·winnerEloDiff), where
 * winnerEloDiff is the game's Elo difference (with home and playoff adjustments) seen from the
 * winner. `onDraw` replaces the whole factor on a draw (538 NFL's code uses 2.2 / 1.0 there).
 */
export type FavouriteMultiplier =
  | { kind: "none" }
  | { kind: "ratio"; numerator: number; base: number; slope: number; onDraw: number };

/**
 * Between seasons an entity's rating moves `fraction` of the way to `mean`, applied lazily at its
 * first game of a new season (as 538's NFL code does). `special` overrides the result for given
 * entity-seasons (538 NFL's hard-coded REVERSIONS).
 */
export interface SeasonReversion {
  fraction: number;
  mean: number;
  special: ReadonlyArray<{ entityId: string; season: number; rating: number }>;
}

/**
 * How a three-way (home/draw/away) market is priced from one Elo expected score E.
 * `quadratic`: P(draw) = drawRateAtEven · 4·E·(1−E), P(home) = E − P(draw)/2, P(away) = 1 − E − P(draw)/2.
 * The expected score home + draw/2 stays exactly E (so the Elo update, which scores a draw as 0.5,
 * and the 3-way prices agree), the three sum to 1 by construction, the draw is likeliest between
 * equals, and drawRateAtEven ≤ 0.5 keeps every probability ≥ 0.
 */
export type DrawModel = { kind: "none" } | { kind: "quadratic"; drawRateAtEven: number };

/**
 * What the schedule tells (538's NBA fatigue term, in Elo points): a side playing the day after a
 * game (the second night of a back-to-back) loses `backToBack` points; a side with three or more
 * days since its last game gains `rested`. A side's first game of a season gets neither.
 */
export interface ScheduleTerms {
  backToBack: number;
  rested: number;
  /**
   * Travel (538's NBA form): a side loses `travelPerCubeRootMile × miles^(1/3)` points, miles the
   * great-circle distance from its previous game's site (the sport plugin's `venueLocation`).
   * Nothing where either site is unknown (a neutral site, a sport without locations, a side's
   * first game of a season). Absent: no travel term.
   */
  travelPerCubeRootMile?: number;
}

export interface EloConfig {
  /** Name of the model, e.g. "fivethirtyeight-nfl"; sport plugins may refer to core's presets by it. */
  name: string;
  kFactor: KFactor;
  /** Elo points added to the home side; 0 at neutral sites. */
  homeAdvantage: number;
  /** Logistic scale: a difference of `scale` points means 10:1 odds. 400 everywhere. */
  scale: number;
  marginOfVictory: MarginOfVictory;
  favouriteMultiplier: FavouriteMultiplier;
  /** Playoff games multiply the (home-adjusted) Elo difference by this; 1 = no adjustment. */
  playoffMultiplier: number;
  /** Rest, back-to-backs and travel; absent: the schedule is ignored. */
  schedule?: ScheduleTerms;
  /**
   * Ratings that also learn from the market: after a game with a de-vigged closing price, the two
   * ratings move a further `share` of the way from the game's Elo difference to the one the close
   * implies (each side half of it). A game's price is public once it starts, so no decision sees a
   * later one. Absent: results only (538's Elo).
   */
  marketUpdate?: { share: number };
  seasonReversion: SeasonReversion | null;
  /** Rating of every entity present when the history starts (unless an initial rating is given). */
  initialRating: number;
  /** Rating of an entity first seen in a later season than the first one replayed (expansion team, debutant). */
  newEntityRating: number;
  draws: DrawModel;
  /** Where each number comes from: parameter name → source. */
  sources: Readonly<Record<string, string>>;
}

const finite = z.number().finite();
const positive = finite.gt(0);

/**
 * Runtime check of an Elo configuration a plugin brings, so a typo stops start-up with the field
 * named instead of rating every game with NaN.
 */
export const eloConfigSchema = z.object({
  name: z.string().min(1),
  kFactor: z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("constant"), value: positive }),
    z.object({
      kind: z.literal("shrinking"),
      numerator: positive,
      offset: finite.min(0),
      exponent: finite.min(0),
    }),
  ]),
  homeAdvantage: finite,
  scale: positive,
  marginOfVictory: z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("none") }),
    z.object({ kind: z.literal("log"), floor: finite.min(0) }),
    z.object({ kind: z.literal("power"), offset: finite, exponent: finite }),
    z.object({ kind: z.literal("log-linear"), slope: finite, intercept: finite }),
    z.object({ kind: z.literal("goal-difference") }),
    z.object({
      kind: z.literal("custom"),
      multiplier: z.custom<(margin: number) => number>((v) => typeof v === "function", "must be a function"),
    }),
  ]),
  favouriteMultiplier: z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("none") }),
    z.object({ kind: z.literal("ratio"), numerator: finite, base: finite, slope: finite, onDraw: finite }),
  ]),
  playoffMultiplier: positive,
  schedule: z
    .object({ backToBack: finite, rested: finite, travelPerCubeRootMile: finite.min(0).optional() })
    .optional(),
  marketUpdate: z.object({ share: finite.min(0).max(1) }).optional(),
  seasonReversion: z
    .object({
      fraction: finite.min(0).max(1),
      mean: finite,
      special: z.array(z.object({ entityId: z.string().min(1), season: z.number().int(), rating: finite })),
    })
    .nullable(),
  initialRating: finite,
  newEntityRating: finite,
  draws: z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("none") }),
    z.object({ kind: z.literal("quadratic"), drawRateAtEven: finite.min(0).max(0.5) }),
  ]),
  sources: z.record(z.string(), z.string()),
}) satisfies z.ZodType<EloConfig>;
