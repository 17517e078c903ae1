// arbitrage: an outcome set of one market (the moneyline, or a spread or total at one line) whose
// best prices across the allowed venues, net of each venue's fees, have implied probabilities
// summing below one: staking each leg in proportion to 1/net odds pays the same whatever happens,
// a locked return of 1/Σ(1/net) − 1. Also middles: over a total at one line and under it at a
// higher line elsewhere (or both sides of a spread with room between the lines), staked for equal
// payouts, so one leg always pays and a result between the lines pays both; proposed when the
// worst case costs at most `maxMiddleCost` of the stake.
import { CORE_VERSION, defineStrategy, type ProposedBet, type StrategyContext } from "@edgeline/sdk";
import { Decimal } from "decimal.js";
import { z } from "zod";
import {
  type BestQuote,
  bestQuotes,
  bookSet,
  describePrice,
  keyText,
  lineOf,
  marketsOf,
  NOT_VENUES,
  outcomesOf,
  pct,
} from "./markets.ts";
import { amountSchema } from "./stake-rule.ts";

const parameters = z
  .object({
    /** Cash staked across each set's legs. */
    setStake: amountSchema.default("100"),
    /** The smallest locked return worth a set (0.005 = 0.5%). */
    minProfit: z.number().min(0).max(1).default(0),
    /** Books that are not venues (the file's market maximum and average). */
    exclude: z.array(z.string().min(1)).default(() => [...NOT_VENUES]),
    middles: z.boolean().default(true),
    /** A middle's largest worst-case loss, as a share of its stake. */
    maxMiddleCost: z.number().min(0).max(1).default(0.03),
  })
  .strict();

type Params = z.infer<typeof parameters>;

/** Legs staked for one payout: stake_i = total × (1/net_i) / Σ(1/net_j). */
function legs(
  gameId: string,
  best: readonly BestQuote[],
  p: Params,
  group: NonNullable<ProposedBet["group"]>,
  reason: string,
): ProposedBet[] {
  const sum = best.reduce((s, b) => s + 1 / b.net, 0);
  const total = new Decimal(p.setStake);
  return best.map((b) => ({
    gameId,
    quote: b.quote,
    fairProbability: 1 / b.net / sum,
    edge: 1 / sum - 1,
    stake: {
      kind: "flat",
      amount: total
        .times(1 / b.net / sum)
        .toDecimalPlaces(2, Decimal.ROUND_HALF_UP)
        .toFixed(2),
    },
    reason,
    group,
  }));
}

function middles(
  ctx: StrategyContext,
  gameId: string,
  markets: ReturnType<typeof marketsOf>,
  p: Params,
  exclude: (b: string) => boolean,
): ProposedBet[] {
  const out: ProposedBet[] = [];
  for (const market of ["spread", "total"] as const) {
    const [a, b] = outcomesOf(market, ctx.ways) as ["home" | "over", "away" | "under"];
    const sides = [...markets.values()]
      .filter((m) => m.key.market === market)
      .map((m) => ({ key: m.key, best: bestQuotes(m.books, ctx, exclude) }));
    let chosen: { legs: [BestQuote, BestQuote]; worst: number; window: string } | undefined;
    for (const x of sides) {
      for (const y of sides) {
        // Spreads: home at the higher home line; totals: over at the lower total.
        const room = market === "spread" ? x.key.line! - y.key.line! : y.key.line! - x.key.line!;
        if (!(room > 0)) continue;
        const lo = market === "spread" ? -x.key.line! : x.key.line!;
        const hi = market === "spread" ? -y.key.line! : y.key.line!;
        if (Math.ceil(lo + 1e-9) >= hi) continue; // no whole score strictly between the lines
        const first = x.best.get(a);
        const second = y.best.get(b);
        if (!first || !second) continue;
        const worst = 1 / (1 / first.net + 1 / second.net) - 1;
        if (worst < -p.maxMiddleCost || (chosen && worst <= chosen.worst)) continue;
        const what = market === "spread" ? "home margin" : "total";
        chosen = { legs: [first, second], worst, window: `${what} strictly between ${lo} and ${hi}` };
      }
    }
    if (!chosen) continue;
    const [first, second] = chosen.legs;
    const both = 2 * (1 / (1 / first.net + 1 / second.net)) - 1;
    out.push(
      ...legs(
        gameId,
        chosen.legs,
        p,
        { id: `${gameId}:middle:${market}`, kind: "middle", lockedReturn: chosen.worst },
        `middle: ${describePrice(first.quote)} and ${describePrice(second.quote)}, equal payouts: ${pct(chosen.worst)} if one leg wins, ${pct(both)} if both do (${chosen.window})`,
      ),
    );
  }
  return out;
}

export const arbitrage = defineStrategy({
  name: "arbitrage",
  displayName: "Arbitrage and middles",
  description:
    "outcome sets across venues whose net implied probabilities sum below one, staked for equal payouts; middles on spreads and totals",
  coreVersion: `^${CORE_VERSION}`,
  parameters,
  propose(ctx, p) {
    const exclude = bookSet(p.exclude);
    const out: ProposedBet[] = [];
    for (const game of ctx.games) {
      const markets = marketsOf(game.quotes);
      for (const { key, books } of markets.values()) {
        const outcomes = outcomesOf(key.market, ctx.ways);
        const best = bestQuotes(books, ctx, exclude);
        const set = outcomes.map((o) => best.get(o));
        if (set.some((b) => b === undefined)) continue;
        const legsOf = set as BestQuote[];
        // Two legs at one book are no arbitrage, only its prices after fees (and never under-round).
        if (new Set(legsOf.map((b) => b.quote.bookmaker)).size < 2) continue;
        const sum = legsOf.reduce((s, b) => s + 1 / b.net, 0);
        const locked = 1 / sum - 1;
        if (!(sum < 1) || locked < p.minProfit) continue;
        out.push(
          ...legs(
            game.gameId,
            legsOf,
            p,
            { id: `${game.gameId}:arbitrage:${keyText(key)}`, kind: "arbitrage", lockedReturn: locked },
            `arbitrage on ${key.market}${key.line === null ? "" : ` ${lineOf(key, outcomes[0]!)}`}: ${legsOf.map((b) => describePrice(b.quote)).join(", ")}; net implied ${pct(sum)}, locked ${pct(locked)}`,
          ),
        );
      }
      if (p.middles) out.push(...middles(ctx, game.gameId, markets, p, exclude));
    }
    return out;
  },
});
