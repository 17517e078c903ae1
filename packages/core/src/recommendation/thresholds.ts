// Per-sport rules for which value bets become recommendations.
import { z } from "zod";
import type { EloSport } from "../elo/config.ts";

/**
 * Structurally compatible with the sport plugin contract's `recommendation` field, so a plugin's
 * thresholds can be passed as they are. Note the edge here is expected return, p × odds − 1 (the
 * quantity bet_recommendations.edge stores), not p − 1/odds.
 */
export interface ValueBetThresholds {
  /** Smallest edge (p × odds − 1, net of fees) worth recommending. */
  minEdge: number;
  /** Edges above this are treated as a data or model error and skipped (default 1: a 100% edge is not real). */
  maxEdge?: number;
  /** Decimal odds range accepted (inclusive). */
  minOdds: number;
  maxOdds: number;
  /** Most recommendations per day across the slate, best edges first. */
  maxPerDay: number;
}

/** maxEdge when a sport gives none. */
export const DEFAULT_MAX_EDGE = 1;

const num = (what: string) => z.number({ error: `${what} must be a number` });

export const recommendationThresholdsSchema = z
  .object({
    minEdge: num("minEdge").min(0, "minEdge must be ≥ 0"),
    maxEdge: num("maxEdge")
      .gt(0, "maxEdge must be > 0")
      .max(9.9999, "maxEdge must fit DECIMAL(5,4) (≤ 9.9999)"),
    minOdds: num("minOdds").gt(1, "minOdds must be > 1"),
    maxOdds: num("maxOdds").gt(1, "maxOdds must be > 1"),
    maxPerDay: z.number().int("maxPerDay must be a whole number").min(0, "maxPerDay must be ≥ 0"),
  })
  .refine((t) => t.minOdds <= t.maxOdds, { message: "minOdds must be ≤ maxOdds" })
  .refine((t) => t.minEdge <= (t.maxEdge ?? DEFAULT_MAX_EDGE), { message: "minEdge must be ≤ maxEdge" });

/** Validates thresholds (e.g. from a sport plugin's settings), naming what is wrong. */
export function parseValueBetThresholds(input: unknown): ValueBetThresholds {
  const r = recommendationThresholdsSchema.safeParse(input);
  if (!r.success)
    throw new Error(`Invalid recommendation thresholds: ${r.error.issues.map((i) => i.message).join("; ")}`);
  return r.data;
}

const US = { minEdge: 0.03, maxEdge: 1, minOdds: 1.25, maxOdds: 5, maxPerDay: 5 };

/**
 * Edgeline's starting defaults. Not from a published source: a 3% edge is above typical 2-way
 * margins' noise, the odds range avoids heavy favourites and long shots where Elo is least
 * calibrated; soccer asks more edge (3-way markets carry more margin). Tune by backtest.
 */
export const DEFAULT_RECOMMENDATION_THRESHOLDS: Readonly<Record<EloSport, ValueBetThresholds>> = {
  NFL: US,
  NBA: US,
  NHL: US,
  MLB: US,
  NCAAB: { ...US, minEdge: 0.04 },
  EPL: { ...US, minEdge: 0.05, maxOdds: 6 },
  LIGUE1: { ...US, minEdge: 0.05, maxOdds: 6 },
  TENNIS: { ...US, minEdge: 0.04 },
};
