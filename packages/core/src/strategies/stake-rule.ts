// The stake rule a bundled strategy's parameters choose: Kelly within the run's caps (the
// default), or a flat amount per bet (one unit, the way a season's yield is usually quoted).
import type { StakeRule } from "@edgeline/sdk";
import { z } from "zod";

const amount = z
  .string()
  .regex(/^\d{1,10}(\.\d{1,2})?$/, 'an amount as a string, e.g. "10"')
  .refine((v) => Number(v) > 0, "an amount > 0");

export const stakeRuleSchema: z.ZodType<StakeRule> = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("kelly") }).strict(),
  z.object({ kind: z.literal("flat"), amount }).strict(),
]);

export { amount as amountSchema };
