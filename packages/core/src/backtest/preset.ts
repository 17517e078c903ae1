// A tuned preset: the Elo parameters and betting thresholds a `backtest --tune` chose on its
// training span, saved under a name the pipelines can use (a sport plugin's `model.elo` may name
// it, or EDGELINE_MODEL_PRESETS maps a sport to it). Data only; research/model-presets.ts files it.
import {
  type EloConfig,
  eloConfigSchema,
  type RecommendationThresholds,
  recommendationThresholdsSchema,
} from "@edgeline/sdk";
import { z } from "zod";

export interface TunedPreset {
  /** Lower-case letters, digits and '-': the file name and the name a sport refers to. */
  name: string;
  sport: string;
  createdAt: string;
  elo: EloConfig;
  thresholds: RecommendationThresholds;
  kellyFraction: number;
  /** The span it was tuned on, and its training score. */
  tunedOn: { from: string; trainTo: string; games: number; logLoss: number };
  /** The later span it was reported on, and the stored run of that report. */
  reportedOn?: { from: string; to: string; backtestRunId: string };
}

export const PRESET_NAME_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be YYYY-MM-DD");

export const tunedPresetSchema = z.object({
  name: z.string().regex(PRESET_NAME_PATTERN, "must be lower-case letters, digits and '-'"),
  sport: z.string().regex(/^[A-Z0-9]{2,12}$/),
  createdAt: z.string().min(1),
  elo: eloConfigSchema,
  thresholds: recommendationThresholdsSchema,
  kellyFraction: z.number().gt(0).lte(1),
  tunedOn: z.object({ from: day, trainTo: day, games: z.number().int().min(1), logLoss: z.number() }),
  reportedOn: z.object({ from: day, to: day, backtestRunId: z.string() }).optional(),
}) satisfies z.ZodType<TunedPreset>;
