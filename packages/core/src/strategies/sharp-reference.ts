// sharp-reference: the fair probability is the de-vigged price of a sharp book (Pinnacle by
// default, or a weighted set), quoted no later than the decision (the context holds nothing
// later) and no older than `maxAgeMinutes`; any allowed venue whose price beats it by `threshold`
// (p_fair × net odds − 1 ≥ threshold) is bet, at the best such price (line shopping). A sharp
// quote too old is refused: a stale reference is how a soft book's correct price looks like value.
import {
  CORE_VERSION,
  defineStrategy,
  type ProposedBet,
  type StrategyGame,
  type StrategySelection,
} from "@edgeline/sdk";
import { z } from "zod";
import {
  type BookQuotes,
  bestQuotes,
  bookSet,
  completeQuote,
  describePrice,
  marketsOf,
  outcomesOf,
  pct,
} from "./markets.ts";
import { stakeRuleSchema } from "./stake-rule.ts";

const parameters = z
  .object({
    /** Sharp books and their weights in the reference (normalised over those with a fresh, complete quote). */
    sharp: z
      .record(z.string().min(1), z.number().positive("a weight is > 0"))
      .refine((r) => Object.keys(r).length > 0, "name at least one sharp book")
      .default({ pinnacle: 1 }),
    /** The oldest a sharp quote may be at the decision, in minutes. */
    maxAgeMinutes: z
      .number()
      .positive()
      .default(7 * 24 * 60),
    /** How much the price must beat the fair price by: p_fair × net odds − 1 ≥ threshold. */
    threshold: z.number().min(0).max(1).default(0.02),
    /** De-vigging method of the sharp book's market. */
    devig: z.enum(["multiplicative", "additive", "power", "shin", "odds-ratio"]).default("multiplicative"),
    /** Whether the sharp books' own prices may be bet. */
    betSharp: z.boolean().default(false),
    maxOdds: z.number().gt(1).optional(),
    stake: stakeRuleSchema.default({ kind: "kelly" }),
  })
  .strict();

export type SharpReferenceParameters = z.infer<typeof parameters>;

/** The weighted de-vigged reference of one market, from the sharp books fresh at the decision. */
function reference(
  game: StrategyGame,
  books: ReadonlyMap<string, BookQuotes>,
  outcomes: readonly StrategySelection[],
  p: SharpReferenceParameters,
  devig: (odds: readonly number[], method?: string) => number[] | undefined,
): { probabilities: number[]; from: string[] } | undefined {
  const oldest = game.decidedAt.getTime() - p.maxAgeMinutes * 60_000;
  const sum = outcomes.map(() => 0);
  let weight = 0;
  const from: string[] = [];
  for (const [name, w] of Object.entries(p.sharp)) {
    const book = [...books].find(([b]) => b.toLowerCase() === name.toLowerCase())?.[1];
    const qs = book && completeQuote(book, outcomes);
    if (!qs || qs.some((q) => q.quotedAt.getTime() < oldest)) continue; // stale or incomplete: refused
    const fair = devig(
      qs.map((q) => q.price),
      p.devig,
    );
    if (!fair) continue;
    fair.forEach((x, i) => {
      sum[i]! += w * x;
    });
    weight += w;
    from.push(name);
  }
  return weight === 0 ? undefined : { probabilities: sum.map((x) => x / weight), from };
}

export const sharpReference = defineStrategy({
  name: "sharp-reference",
  displayName: "Sharp reference",
  description:
    "the de-vigged price of a sharp book (Pinnacle) as the fair probability; bet any allowed venue beating it by a threshold",
  coreVersion: `^${CORE_VERSION}`,
  parameters,
  propose(ctx, p) {
    const out: ProposedBet[] = [];
    const isSharp = bookSet(Object.keys(p.sharp));
    for (const game of ctx.games) {
      for (const { key, books } of marketsOf(game.quotes).values()) {
        const outcomes = outcomesOf(key.market, ctx.ways);
        const ref = reference(game, books, outcomes, p, ctx.devig);
        if (!ref) continue;
        const best = bestQuotes(books, ctx, p.betSharp ? undefined : isSharp);
        outcomes.forEach((selection, i) => {
          const b = best.get(selection);
          const fair = ref.probabilities[i]!;
          if (!b || !(fair > 0)) return;
          if (p.maxOdds !== undefined && b.net > p.maxOdds) return;
          const edge = fair * b.net - 1;
          if (edge < p.threshold) return;
          out.push({
            gameId: game.gameId,
            quote: b.quote,
            fairProbability: fair,
            edge,
            stake: p.stake,
            reason: `${describePrice(b.quote)} beats ${ref.from.join("+")}'s de-vigged ${pct(fair)} (fair ${(1 / fair).toFixed(2)}) by ${pct(edge)}`,
          });
        });
      }
    }
    return out;
  },
});
