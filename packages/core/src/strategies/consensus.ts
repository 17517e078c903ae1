// consensus, after Kaunitz, Zhong and Kreiner ("Beating the bookies with their own numbers",
// 2017): the fair probability of an outcome is the implied probability of the books' average
// price less a margin α (they used α = 0.05): p = 1/mean(odds) − α. `method: "devigged"` averages
// each book's de-vigged probabilities instead (less `alpha`, 0 by default there). The outcome is bet
// at the best allowed price when p × net odds − 1 ≥ minEdge. Books that are no book (the file's
// market maximum and average columns) stay out of the average unless named.
import { CORE_VERSION, defineStrategy, type ProposedBet } from "@edgeline/sdk";
import { z } from "zod";
import {
  bestQuotes,
  bookSet,
  completeQuote,
  describePrice,
  marketsOf,
  NOT_VENUES,
  outcomesOf,
  pct,
} from "./markets.ts";
import { stakeRuleSchema } from "./stake-rule.ts";

const parameters = z
  .object({
    method: z.enum(["kaunitz", "devigged"]).default("kaunitz"),
    /** The margin taken off the consensus probability. @defaultValue 0.05 (kaunitz), 0 (devigged) */
    alpha: z.number().min(0).max(0.5).optional(),
    /** Books averaged; default every book but those in `exclude`. */
    books: z.array(z.string().min(1)).min(1).optional(),
    exclude: z.array(z.string().min(1)).default(() => [...NOT_VENUES]),
    /** Fewest books with a complete quote for a consensus. */
    minBooks: z.number().int().min(1).default(3),
    minEdge: z.number().min(0).max(1).default(0),
    maxOdds: z.number().gt(1).optional(),
    stake: stakeRuleSchema.default({ kind: "kelly" }),
  })
  .strict();

export const consensus = defineStrategy({
  name: "consensus",
  displayName: "Market consensus",
  description:
    "the books' average price less a margin as the fair probability (Kaunitz et al. 2017); bet the best allowed price beating it",
  coreVersion: `^${CORE_VERSION}`,
  parameters,
  propose(ctx, p) {
    const alpha = p.alpha ?? (p.method === "kaunitz" ? 0.05 : 0);
    const included = p.books ? bookSet(p.books) : (b: string) => !bookSet(p.exclude)(b);
    const out: ProposedBet[] = [];
    for (const game of ctx.games) {
      for (const { key, books } of marketsOf(game.quotes).values()) {
        const outcomes = outcomesOf(key.market, ctx.ways);
        const rows: number[][] = [];
        for (const [bookmaker, book] of books) {
          if (!included(bookmaker)) continue;
          const qs = completeQuote(book, outcomes);
          if (!qs) continue;
          const odds = qs.map((q) => q.price);
          const row = p.method === "kaunitz" ? odds : ctx.devig(odds);
          if (row) rows.push(row);
        }
        if (rows.length < p.minBooks) continue;
        const mean = (i: number) => rows.reduce((s, r) => s + r[i]!, 0) / rows.length;
        const best = bestQuotes(books, ctx);
        outcomes.forEach((selection, i) => {
          const b = best.get(selection);
          const fair = (p.method === "kaunitz" ? 1 / mean(i) : mean(i)) - alpha;
          if (!b || !(fair > 0)) return;
          if (p.maxOdds !== undefined && b.net > p.maxOdds) return;
          const edge = fair * b.net - 1;
          if (!(edge > 0) || edge < p.minEdge) return;
          out.push({
            gameId: game.gameId,
            quote: b.quote,
            fairProbability: fair,
            edge,
            stake: p.stake,
            reason: `${describePrice(b.quote)} beats the ${rows.length} books' consensus ${pct(fair + alpha)} less ${pct(alpha)} = ${pct(fair)} by ${pct(edge)}`,
          });
        });
      }
    }
    return out;
  },
});
