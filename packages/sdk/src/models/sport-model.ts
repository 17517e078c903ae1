// How a sport's games are priced: the Elo model every sport has (ratings, moneyline), and what a
// sport may add for the markets Elo alone cannot price well: a margin model for point spreads (Elo
// sports), a goals model (Dixon-Coles) for low-scoring sports, which of the two is bet, and how the
// model is pooled with the market's de-vigged consensus (the blend). Data only: core resolves the
// names and does the arithmetic.
import { z } from "zod";
import { type EloConfig, eloConfigSchema } from "./elo-config.ts";

/** Dixon-Coles settings, for sports whose scores are goals (soccer, hockey). */
export interface GoalsModelSettings {
  /** Time decay per day of the fit's weights (penaltyblog's ξ; 0.0018 is its documented example). */
  xi: number;
  /** A game is priced only once both teams have this many games in the fit. @defaultValue 3 */
  minGamesPerTeam?: number;
  /** Only games played this many days before the decision day are fitted. @defaultValue 730 */
  windowDays?: number;
  /** Goals per side of the score grid. @defaultValue 14 (penaltyblog's) */
  maxGoals?: number;
  /**
   * Hockey: fit the score at the end of regulation, not the final. Overtime and the shootout add
   * one goal to the winner's final, which a goals model would read as scoring; here a game that
   * went past regulation is fitted as the tie it was, and the two-way moneyline is P(home ahead
   * after regulation) + P(tied) × the home side's share of the earlier games decided after
   * regulation. Games whose regulation score is not known are left out of the fit.
   * @defaultValue false
   */
  regulation?: boolean;
  /**
   * With `regulation`: model the last minutes apart (a trailing side's pulled goalie), as
   * transitions from one- and two-goal leads (an empty-net goal, an equaliser) fitted on the
   * earlier seasons' games; see core's goals/late-goals.ts. @defaultValue false
   */
  lateGoals?: boolean;
}

/**
 * How the model's probability is pooled with the market's de-vigged consensus (log-odds, weight w
 * on the model). The weight is fitted per market on games played before each decision day.
 */
export interface BlendSettings {
  /** Played games with a closing consensus needed before a weight is fitted. @defaultValue 100 */
  minGames?: number;
  /**
   * The model's weight until then. @defaultValue 1 (the raw model, bounded by the maximum edge):
   * with no history nothing says how far to trust either side; 0 would bet only on price gaps.
   */
  defaultWeight?: number;
  /**
   * Standard errors the fitted weight is shrunk by toward the market: the weight used is the
   * maximum-likelihood weight less that many standard errors, floored at 0, so the model is
   * trusted only as far as the games show with confidence. @defaultValue 0 (the fitted weight)
   */
  shrinkage?: number;
}

export interface SportModel {
  /** A named Elo preset of core's ("fivethirtyeight-nhl"), a saved tuned preset, or a configuration. */
  elo: string | EloConfig;
  /**
   * Point spreads (and totals about the consensus total) for an Elo sport: a margin model preset
   * of core's by name ("fivethirtyeight-nfl-margin"). Without one, an Elo sport bets no spreads.
   */
  margin?: string;
  /** The goals model, for sports whose games it prices (every market from its score matrix). */
  goals?: GoalsModelSettings;
  /** Which model's probabilities are bet. @defaultValue "elo"; "goals" needs `goals`. */
  betting?: "elo" | "goals";
  blend?: BlendSettings;
}

export const goalsModelSettingsSchema = z
  .object({
    xi: z.number().min(0, "xi must be ≥ 0").max(0.1, "xi must be ≤ 0.1 (a half-life under a week)"),
    minGamesPerTeam: z.number().int().min(1).optional(),
    windowDays: z.number().int().min(30, "windowDays must be ≥ 30").optional(),
    maxGoals: z.number().int().min(5).max(30).optional(),
    regulation: z.boolean().optional(),
    lateGoals: z.boolean().optional(),
  })
  .refine((g) => !g.lateGoals || g.regulation === true, {
    message:
      "lateGoals needs regulation: true (the transitions are from the score before the end of regulation)",
    path: ["lateGoals"],
  });

export const blendSettingsSchema = z.object({
  minGames: z.number().int().min(1, "minGames must be ≥ 1").optional(),
  defaultWeight: z
    .number()
    .min(0, "defaultWeight must be in [0, 1]")
    .max(1, "defaultWeight must be in [0, 1]")
    .optional(),
  shrinkage: z.number().min(0, "shrinkage must be ≥ 0").max(10, "shrinkage must be ≤ 10").optional(),
});

export const sportModelSchema = z
  .object({
    elo: z.union([z.string().min(1), eloConfigSchema]),
    margin: z.string().min(1).optional(),
    goals: goalsModelSettingsSchema.optional(),
    betting: z.enum(["elo", "goals"]).optional(),
    blend: blendSettingsSchema.optional(),
  })
  .refine((m) => m.betting !== "goals" || m.goals !== undefined, {
    message: 'betting "goals" needs goals settings',
    path: ["goals"],
  });
