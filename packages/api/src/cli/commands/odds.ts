// `edgeline odds devig` and `edgeline odds convert`: margin removal and price conversions.
import {
  americanFromDecimal,
  contractPriceFromDecimal,
  contractPriceFromDollars,
  DEVIG_METHODS,
  DEVIG_TOLERANCE,
  type DevigMethod,
  decimalFromAmerican,
  decimalFromContractPrice,
  decimalFromFractional,
  devig,
  fractionalFromDecimal,
  impliedProbability,
} from "@edgeline/core";
import type { Command } from "commander";
import { z } from "zod";

const FORMATS = ["decimal", "american", "fractional", "kalshi"] as const;
type Format = (typeof FORMATS)[number];

const formatSchema = z.enum(FORMATS, { error: `--format must be one of ${FORMATS.join(", ")}` });
const methodSchema = z.enum(DEVIG_METHODS, { error: `--method must be one of ${DEVIG_METHODS.join(", ")}` });

/** Parses a CLI option with zod, throwing the schema's own message. */
function option<T>(schema: z.ZodType<T>, value: unknown): T {
  const r = schema.safeParse(value);
  if (!r.success) throw new Error(r.error.issues[0]?.message ?? "invalid option");
  return r.data;
}

/** Above this, decimal odds are a typo (and their American form overflows a double). */
const MAX_DECIMAL_ODDS = 1_000_000;

/** One price in `format` to decimal odds, with an error naming the argument. */
export function toDecimalOdds(text: string, format: Format): number {
  try {
    const odds = parsedOdds(text, format);
    if (!Number.isFinite(odds) || odds > MAX_DECIMAL_ODDS)
      throw new Error(`is beyond decimal odds of ${MAX_DECIMAL_ODDS}`);
    return odds;
  } catch (err) {
    throw new Error(`price "${text}" (${format}): ${(err as Error).message}`);
  }
}

function parsedOdds(text: string, format: Format): number {
  switch (format) {
    case "decimal": {
      const n = Number(text);
      if (text.trim() === "" || !Number.isFinite(n) || n <= 1)
        throw new Error("must be decimal odds above 1");
      return n;
    }
    case "american": {
      if (!/^[+-]?\d+(\.\d+)?$/.test(text.trim())) throw new Error("must be American odds like +150 or -200");
      return decimalFromAmerican(Number(text));
    }
    case "fractional":
      return decimalFromFractional(text);
    case "kalshi":
      return decimalFromContractPrice(contractPriceFromDollars(text));
  }
}

export function runDevig(prices: string[], options: { method?: string; format?: string }): string[] {
  const method: DevigMethod = option(methodSchema, options.method ?? "multiplicative");
  const format = option(formatSchema, options.format ?? "decimal");
  if (prices.length < 2) throw new Error(`give at least two prices, one per outcome (got ${prices.length})`);
  const odds = prices.map((p) => toDecimalOdds(p, format));
  const r = devig(odds, method);
  const lines = [
    `method ${method}: margin ${(100 * r.margin).toFixed(4)}% (booksum ${(1 + r.margin).toFixed(6)})`,
  ];
  if (r.parameter) {
    lines.push(
      `${r.parameter.name} = ${r.parameter.value.toPrecision(12)} (bisection to ${DEVIG_TOLERANCE})`,
    );
  }
  lines.push("outcome  odds  fair_probability  fair_odds");
  for (const [i, p] of r.probabilities.entries()) {
    lines.push(`${i + 1}  ${Number(odds[i]!.toFixed(6))}  ${p.toFixed(12)}  ${(1 / p).toFixed(6)}`);
  }
  return lines;
}

export function runConvert(price: string, options: { from?: string }): string[] {
  const format = option(formatSchema, options.from ?? "decimal");
  const odds = toDecimalOdds(price, format);
  const american = americanFromDecimal(odds);
  const lines = [
    `decimal     ${odds.toFixed(6)}`,
    `american    ${american > 0 ? "+" : ""}${american.toFixed(2)}`,
    `fractional  ${fractionalFromDecimal(odds)}`,
    `implied     ${impliedProbability(odds).toFixed(6)}`,
  ];
  if (odds > 1 / 0.9999 && odds < 10_000)
    lines.push(`kalshi      ${contractPriceFromDecimal(odds).toFixed(4)}`);
  return lines;
}

export function registerOddsCommands(program: Command): void {
  const odds = program.command("odds").description("odds conversions and margin removal");
  odds
    .command("devig")
    .description("fair probabilities from one book's prices on all outcomes of a market")
    .argument("<prices...>", "one price per outcome")
    .option("--method <name>", `${DEVIG_METHODS.join(" | ")}`, "multiplicative")
    .option("--format <name>", `${FORMATS.join(" | ")} (kalshi: dollar strings like 0.6500)`, "decimal")
    .action((prices: string[], options: { method?: string; format?: string }) => {
      for (const line of runDevig(prices, options)) console.log(line);
    });
  odds
    .command("convert")
    .description("one price in every format")
    .argument("<price>", "the price")
    .option("--from <format>", FORMATS.join(" | "), "decimal")
    .action((price: string, options: { from?: string }) => {
      for (const line of runConvert(price, options)) console.log(line);
    });
}
