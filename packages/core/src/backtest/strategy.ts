// A backtest strategy: which prices it takes (opening, a lead time before the start, or closing),
// which markets and books it bets, its thresholds and staking, its bankroll, and how it blends the
// model with the market. A strategy file is JSON naming a strategy kind and its parameters, the
// shape strategy plugins will take (`{ "name": ..., "strategy": "model-edge", "parameters": ... }`);
// every field is validated with zod and every default is filled in, so a stored run says exactly
// what was run.
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
  | { weight: "fitted"; minGames?: number; defaultWeight?: number }
  | { weight: number };

export interface Strategy {
  name: string;
  /** The strategy kind; "model-edge" (the live rule on the blended probability) is the one there is. */
  strategy: "model-edge";
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
  }),
  z.object({
    weight: z.number().min(0, "a fixed weight is in [0, 1]").max(1, "a fixed weight is in [0, 1]"),
  }),
]);

const parametersSchema = z
  .object({
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
  })
  .strict();

export const strategyFileSchema = z
  .object({
    name: z
      .string()
      .trim()
      .min(1, "a strategy needs a name")
      .max(64, "a name of at most 64 characters")
      .refine((n) => [...n].every((ch) => ch.charCodeAt(0) >= 0x20), "a name without control characters"),
    strategy: z
      .literal("model-edge", { error: 'the one strategy kind is "model-edge"' })
      .default("model-edge"),
    parameters: parametersSchema.prefault({}),
  })
  .strict();

/** The strategy a backtest runs when given none: the live rule at the closing price. */
export function defaultStrategy(): Strategy {
  return parseStrategy({ name: "default" }, "default strategy");
}

/** Validates a strategy file's JSON, naming the field at fault: `strategy.json: $.parameters.prices.at: ...`. */
export function parseStrategy(json: unknown, where: string): Strategy {
  const parsed = strategyFileSchema.safeParse(json);
  if (!parsed.success) {
    const { jsonPath, message } = describeZodError(parsed.error);
    throw new Error(`${where}: ${jsonPath}: ${message}`);
  }
  const { name, strategy, parameters: p } = parsed.data;
  return {
    name,
    strategy,
    prices: p.prices,
    ...(p.markets ? { markets: [...new Set(p.markets)] } : {}),
    ...(p.betting ? { betting: p.betting } : {}),
    ...(p.bookmakers ? { bookmakers: p.bookmakers } : {}),
    ...(p.consensusBookmakers ? { consensusBookmakers: p.consensusBookmakers } : {}),
    ...(p.thresholds ? { thresholds: p.thresholds } : {}),
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
