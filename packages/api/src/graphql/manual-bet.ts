// Validation of a manually recorded bet (for bookmakers without an API, such as BetMGM). Amounts
// are Decimal strings checked against their columns: stake DECIMAL(10,2), odds DECIMAL(10,4).
import { ManualBetError } from "@edgeline/core";
import { GraphQLError } from "graphql";
import { z } from "zod";
import { conflict, invalidArgument } from "./errors.ts";
import { Prisma } from "./prisma.ts";

const { Decimal } = Prisma;

/** A positive decimal string with at most `scale` fraction digits that fits DECIMAL(precision, scale). */
function decimalColumn(precision: number, scale: number, min: { value: string; inclusive: boolean }) {
  const max = new Decimal(10).pow(precision - scale).minus(new Decimal(10).pow(-scale));
  return z
    .string()
    .regex(/^\d+(\.\d+)?$/, "must be a plain decimal number such as 12.50")
    .refine((s) => (s.split(".")[1] ?? "").length <= scale, `must have at most ${scale} decimal places`)
    .refine(
      (s) => {
        const d = new Decimal(s);
        return min.inclusive ? d.gte(min.value) : d.gt(min.value);
      },
      `must be ${min.inclusive ? "at least" : "greater than"} ${min.value}`,
    )
    .refine((s) => new Decimal(s).lte(max), `must be at most ${max.toFixed(scale)}`);
}

const text = (max: number) =>
  z.string().trim().min(1, "must not be empty").max(max, `must be at most ${max} characters`);

export const manualBetSchema = z
  .object({
    bookmaker: text(64),
    marketId: text(200),
    outcome: text(200),
    stake: decimalColumn(10, 2, { value: "0", inclusive: false }),
    odds: decimalColumn(10, 4, { value: "1", inclusive: false }).describe("decimal odds"),
    gameId: text(100).nullish(),
    marketTitle: text(500).nullish(),
    betId: z
      .string()
      .regex(/^[A-Za-z0-9._:-]{1,100}$/, "must be 1-100 letters, digits or . _ : -")
      .nullish(),
    recommendationId: z
      .string()
      .regex(/^[1-9]\d{0,9}$/, "must be a recommendation id")
      .nullish(),
    placedAt: z.date().nullish(),
  })
  .superRefine((bet, ctx) => {
    const payout = new Decimal(bet.stake).times(bet.odds);
    if (payout.gt("99999999.99")) {
      ctx.addIssue({
        code: "custom",
        path: ["stake"],
        message: "stake × odds (the potential payout) exceeds 99999999.99",
      });
    }
  });

export type ManualBet = z.infer<typeof manualBetSchema>;

/** The validated bet, or a BAD_USER_INPUT error naming the first bad field as `input.<field>`. */
export function parseManualBet(input: unknown): ManualBet {
  const parsed = manualBetSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  throw invalidArgument(["input", ...issue.path.map(String)].join("."), issue.message);
}

/** stake × odds, rounded half-up to cents as the potential_payout column holds it. */
export function potentialPayout(bet: Pick<ManualBet, "stake" | "odds">): string {
  return new Decimal(bet.stake).times(bet.odds).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);
}

const betIdSchema = z.string().regex(/^[A-Za-z0-9._:-]{1,100}$/, "must be 1-100 letters, digits or . _ : -");

/** A bet id argument, or BAD_USER_INPUT naming `id`. */
export function parseBetId(id: string): string {
  const parsed = betIdSchema.safeParse(id);
  if (!parsed.success) throw invalidArgument("id", parsed.error.issues[0]!.message);
  return parsed.data;
}

/** A free-text reason (kill switch, cancellation): 1-500 characters, no NUL. */
export function parseReason(reason: string, argument = "reason"): string {
  const parsed = text(500)
    .refine((s) => !s.includes("\u0000"), "must not contain NUL")
    .safeParse(reason);
  if (!parsed.success) throw invalidArgument(argument, parsed.error.issues[0]!.message);
  return parsed.data;
}

/** Runs a manual-bet decision of core, answering its refusals as 404, 409 or 400. */
export async function manualDecision<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (!(error instanceof ManualBetError)) throw error;
    if (error.kind === "conflict") throw conflict(error.message);
    // A bet named by the id argument that does not exist is NOT_FOUND; a bad input field is BAD_USER_INPUT.
    if (error.kind === "not_found" && error.field === "betId")
      throw new GraphQLError(error.message, { extensions: { code: "NOT_FOUND" } });
    throw invalidArgument(`input.${error.field}`, error.message);
  }
}
