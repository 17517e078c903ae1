// model-edge: today's rule. The betting probability is the sport's model blended with the
// de-vigged consensus; each outcome's best bettable quote (the host's model view shops the line
// across the allowed venues) is bet when its edge at the venue's net odds clears the run's
// thresholds, sized by Kelly. An edge above the maximum is proposed as suspect, never bet.
import { CORE_VERSION, defineStrategy, type ProposedBet } from "@edgeline/sdk";
import { z } from "zod";
import { describePrice, pct } from "./markets.ts";

export const modelEdge = defineStrategy({
  name: "model-edge",
  displayName: "Model edge",
  description:
    "the sport's model blended with the de-vigged consensus; bet the best allowed price when its edge clears the thresholds",
  coreVersion: `^${CORE_VERSION}`,
  parameters: z.object({}).strict(),
  needsModel: true,
  propose(ctx) {
    const out: ProposedBet[] = [];
    for (const game of ctx.games) {
      for (const { quote, price } of game.model?.candidates() ?? []) {
        const market =
          price.marketProbability === undefined ? "" : `, market ${pct(price.marketProbability)}`;
        out.push({
          gameId: game.gameId,
          quote,
          fairProbability: price.probability,
          edge: price.edge,
          ...(price.lines ? { lines: price.lines } : {}),
          stake: { kind: "kelly" },
          reason: `blend ${pct(price.probability)} (model ${pct(price.modelProbability)}, weight ${price.weight.toFixed(2)}${market}) at ${describePrice(quote)}: edge ${pct(price.edge)}`,
          ...(price.suspect ? { suspect: price.suspect } : {}),
          detail: price,
        });
      }
    }
    return out;
  },
});
