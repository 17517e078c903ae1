// A sport's rules for which value bets become recommendations: the one definition and the one
// schema, used by the sport plugin contract and the recommendation module alike.
import { z } from "zod";

/**
 * The edge here is expected return, p × odds − 1 (the quantity bet_recommendations.edge stores),
 * not p − 1/odds.
 */
export interface RecommendationThresholds {
  /** Smallest edge (p × odds − 1, net of fees) worth recommending. */
  minEdge: number;
  /**
   * Edges above this are treated as a data or model error: the quote is recorded as suspect, never
   * bet. @defaultValue {@link DEFAULT_MAX_EDGE} (0.25)
   */
  maxEdge?: number;
  /** Decimal odds range accepted (inclusive). */
  minOdds: number;
  maxOdds: number;
  /** Most recommendations per day across the slate, best edges first. */
  maxPerDay: number;
}

/**
 * maxEdge when a sport gives none: 25%. Against a market that prices games within a few percent,
 * a quarter of the stake in expected profit is a stale quote, a wrong line or the model's own
 * error far more often than value (the raw Elo demo found "edges" of 63%).
 */
export const DEFAULT_MAX_EDGE = 0.25;

/** Where the team sports Edgeline ships start (NHL, NBA, MLB, NFL, NCAAB): tune per sport by backtest. */
export const TEAM_SPORT_THRESHOLDS: RecommendationThresholds = {
  minEdge: 0.05,
  minOdds: 1.4,
  maxOdds: 4,
  maxPerDay: 5,
};

const num = (what: string) => z.number({ error: `${what} must be a number` });

export const recommendationThresholdsSchema = z
  .object({
    minEdge: num("minEdge").min(0, "minEdge must be ≥ 0"),
    maxEdge: num("maxEdge")
      .gt(0, "maxEdge must be > 0")
      .max(9.9999, "maxEdge must fit DECIMAL(5,4) (≤ 9.9999)")
      .optional(),
    minOdds: num("minOdds").gt(1, "minOdds must be > 1"),
    maxOdds: num("maxOdds").gt(1, "maxOdds must be > 1"),
    maxPerDay: z.number().int("maxPerDay must be a whole number").min(0, "maxPerDay must be ≥ 0"),
  })
  .refine((t) => t.minOdds <= t.maxOdds, { message: "minOdds must be ≤ maxOdds" })
  .refine((t) => t.minEdge <= (t.maxEdge ?? DEFAULT_MAX_EDGE), { message: "minEdge must be ≤ maxEdge" });

/** Validates thresholds (e.g. from a sport plugin's settings), naming what is wrong. */
export function parseRecommendationThresholds(input: unknown): RecommendationThresholds {
  const r = recommendationThresholdsSchema.safeParse(input);
  if (!r.success)
    throw new Error(`Invalid recommendation thresholds: ${r.error.issues.map((i) => i.message).join("; ")}`);
  return r.data;
}
