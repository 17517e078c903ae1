// A strategy file: JSON naming a strategy plugin and its parameters (`{ "name": ..., "strategy":
// "sharp-reference", "parameters": ... }`). The parameters the host reads for every strategy are
// here: which prices a backtest takes (opening, a lead time before the start, or closing), which
// markets and books (venues) it may bet, the oldest quote it may use, thresholds and staking, its
// bankroll, and (for strategies reading the model) how the model is blended with the market. The
// other keys are the plugin's own, validated by its zod schema. A file without `strategy` is
// model-edge, as before plugins. Every field is validated and every default is filled in, so a
// stored run says exactly what was run.

import type { StrategyPlugin } from "@edgeline/sdk";
import {
  describeZodError,
  MARKET_NAMES,
  type MarketName,
  type RecommendationThresholds,
  recommendationThresholdsSchema,
} from "@edgeline/sdk";
import { Decimal } from "decimal.js";
import { z } from "zod";
import { DEFAULT_STAKING_LIMITS, type StakingLimits, stakingLimitsSchema } from "../staking/caps.ts";
import { BUNDLED_STRATEGIES } from "../strategies/index.ts";

/** When a game's price is taken. */
export type PriceTiming =
  /** The first quote of each book before the start; decided once every book has opened. */
  | { at: "opening" }
  /** The latest quotes `minutes` before the start. */
  | { at: "lead"; minutes: number }
  /** The last quotes before the start. */
  | { at: "closing" };

/** The blend: fitted walk-forward (the live rule), or a fixed model weight (1 = the raw model, 0 = the market). */
export type BlendChoice =
  | { weight: "fitted"; minGames?: number; defaultWeight?: number; shrinkage?: number }
  | { weight: number };

export interface Strategy {
  name: string;
  /** The strategy plugin's name ("model-edge", the live rule on the blended probability, by default). */
  strategy: string;
  /** The plugin's own parameters, as its schema parsed them. */
  options: unknown;
  /** Quotes older than this many minutes at the decision are never used. */
  maxQuoteAgeMinutes?: number;
  prices: PriceTiming;
  /** Markets bet; default the ones the sport's model prices among those it offers. */
  markets?: MarketName[];
  /** Which of the sport's models is bet, if not the sport's own choice ("goals" needs its goals model). */
  betting?: "elo" | "goals";
  /** Books whose prices may be bet (case-insensitive); default every book. */
  bookmakers?: string[];
  /** Books whose prices make the consensus; default every book. */
  consensusBookmakers?: string[];
  /** Default the sport's. */
  thresholds?: RecommendationThresholds;
  staking: StakingLimits;
  /** Starting bankroll, a decimal string. */
  bankroll: string;
  blend: BlendChoice;
}

const timingSchema = z.discriminatedUnion("at", [
  z.object({ at: z.literal("opening") }),
  z.object({ at: z.literal("lead"), minutes: z.number().int().min(1).max(10_080) }),
  z.object({ at: z.literal("closing") }),
]);

const blendSchema = z.union([
  z.object({
    weight: z.literal("fitted"),
    minGames: z.number().int().min(1).optional(),
    defaultWeight: z.number().min(0).max(1).optional(),
    shrinkage: z.number().min(0).max(10).optional(),
  }),
  z.object({
    weight: z.number().min(0, "a fixed weight is in [0, 1]").max(1, "a fixed weight is in [0, 1]"),
  }),
]);

const commonShape = {
  prices: timingSchema.default({ at: "closing" }),
  markets: z.array(z.enum(MARKET_NAMES)).min(1).optional(),
  betting: z.enum(["elo", "goals"]).optional(),
  bookmakers: z.array(z.string().min(1)).min(1).optional(),
  consensusBookmakers: z.array(z.string().min(1)).min(1).optional(),
  thresholds: recommendationThresholdsSchema.optional(),
  staking: stakingLimitsSchema.partial().default({}),
  bankroll: z
    .string()
    .regex(/^\d{1,10}(\.\d{1,2})?$/, 'bankroll must be an amount as a string, e.g. "1000"')
    .refine((v) => Number(v) > 0, "bankroll must be > 0")
    .default("1000"),
  blend: blendSchema.default({ weight: "fitted" }),
  maxQuoteAgeMinutes: z.number().positive().optional(),
};
const COMMON_KEYS = new Set(Object.keys(commonShape));
const parametersSchema = z.object(commonShape).loose();

export const strategyFileSchema = z
  .object({
    name: z
      .string()
      .trim()
      .min(1, "a strategy needs a name")
      .max(64, "a name of at most 64 characters")
      .refine((n) => [...n].every((ch) => ch.charCodeAt(0) >= 0x20), "a name without control characters"),
    strategy: z.string().min(1).default("model-edge"),
    parameters: parametersSchema.prefault({}),
  })
  .strict();

/** The strategy a backtest runs when given none: the live rule at the closing price. */
export function defaultStrategy(): Strategy {
  return parseStrategy({ name: "default" }, "default strategy");
}

/** The strategy plugins a file may name, by name. */
export type StrategyCatalog = ReadonlyMap<string, StrategyPlugin>;

export const BUNDLED_CATALOG: StrategyCatalog = new Map(BUNDLED_STRATEGIES.map((p) => [p.name, p]));

const fail = (where: string, error: z.ZodError, prefix?: string) => {
  const { jsonPath, message } = describeZodError(error);
  const path = prefix === undefined ? jsonPath : jsonPath === "$" ? prefix : `${prefix}.${jsonPath}`;
  return new Error(`${where}: ${path}: ${message}`);
};

/**
 * Validates a strategy file's JSON against the common parameters and the named plugin's own,
 * naming the field at fault: `strategy.json: parameters.threshold: ...`.
 */
export function parseStrategy(
  json: unknown,
  where: string,
  catalog: StrategyCatalog = BUNDLED_CATALOG,
): Strategy {
  const parsed = strategyFileSchema.safeParse(json);
  if (!parsed.success) throw fail(where, parsed.error);
  const { name, strategy, parameters: all } = parsed.data;
  const plugin = catalog.get(strategy);
  if (!plugin)
    throw new Error(
      `${where}: strategy: unknown strategy "${strategy}"; strategies: ${[...catalog.keys()].join(", ")}`,
    );
  const own = Object.fromEntries(Object.entries(all).filter(([k]) => !COMMON_KEYS.has(k)));
  const options = plugin.parameters.safeParse(own);
  if (!options.success) throw fail(where, options.error, "parameters");
  const p = all as z.infer<z.ZodObject<typeof commonShape>>;
  return {
    name,
    strategy,
    options: options.data,
    prices: p.prices,
    ...(p.markets ? { markets: [...new Set(p.markets)] } : {}),
    ...(p.betting ? { betting: p.betting } : {}),
    ...(p.bookmakers ? { bookmakers: p.bookmakers } : {}),
    ...(p.consensusBookmakers ? { consensusBookmakers: p.consensusBookmakers } : {}),
    ...(p.thresholds ? { thresholds: p.thresholds } : {}),
    ...(p.maxQuoteAgeMinutes === undefined ? {} : { maxQuoteAgeMinutes: p.maxQuoteAgeMinutes }),
    staking: { ...DEFAULT_STAKING_LIMITS, ...p.staking },
    bankroll: new Decimal(p.bankroll).toFixed(2),
    blend: p.blend,
  };
}

/** A book filter from a list of names (case-insensitive), or everything. */
export function bookFilter(names: readonly string[] | undefined): (bookmaker: string) => boolean {
  if (!names) return () => true;
  const set = new Set(names.map((n) => n.toLowerCase()));
  return (bookmaker) => set.has(bookmaker.toLowerCase());
}
