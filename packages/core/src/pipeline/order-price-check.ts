// The price check at placement: the price of each recommendation's own quote (its odds id) is read
// again from the price history as of the decision; if it moved so far that the edge is below the
// sport's minimum, the order is refused. A market no longer quoted is left to the recommendation's
// own price (its expiry guards it). Also the minimum acceptable odds shown with every bet.
import type { VenueRules } from "@edgeline/sdk";
import type { Decimal } from "decimal.js";
import { oddsForGames } from "../repositories/odds.ts";
import type { Queryable } from "../repositories/queryable.ts";
import { quotesAt } from "../repositories/quotes.ts";
import type { RecommendationRow } from "../repositories/recommendations.ts";
import { edgeAtPrice, minAcceptableOdds } from "../staking/price-check.ts";
import type { PipelineDeps } from "./deps.ts";

export interface PriceCheck {
  minEdge: number;
  /** The latest quote of an odds id at the decision. */
  current(oddsId: string): Decimal | undefined;
  /** Recommendations written before prices were kept with them fall back to their odds row. */
  legacyPrice(rec: RecommendationRow): Decimal | undefined;
  legacyBookmaker(rec: RecommendationRow): string | undefined;
  /** The venue's own id of a recommendation's market (a Kalshi ticker), for exchange brokers. */
  venueMarketId(rec: RecommendationRow): string | undefined;
}

export async function priceCheckOf(
  db: Queryable,
  deps: Pick<PipelineDeps, "plugins">,
  sport: string,
  recs: readonly RecommendationRow[],
  at: Date,
): Promise<PriceCheck> {
  const gameIds = [...new Set(recs.map((r) => r.gameId))];
  const quotes = new Map((await quotesAt(db, gameIds, at)).map((q) => [q.oddsId, q.price]));
  // Every game's odds rows: legacy recommendations take their price from them, exchange orders
  // their market id.
  const odds = new Map((await oddsForGames(db, gameIds)).map((o) => [o.oddsId, o]));
  return {
    minEdge: deps.plugins.sport(sport).thresholds.minEdge,
    current: (id) => quotes.get(id) ?? undefined,
    legacyPrice: (rec) => odds.get(rec.marketId)?.price,
    legacyBookmaker: (rec) => odds.get(rec.marketId)?.bookmaker,
    venueMarketId: (rec) => odds.get(rec.marketId)?.externalId ?? undefined,
  };
}

/** The refusal reason when the price moved the edge below the minimum, and the odds floor. */
export function orderPriceCheck(
  rec: RecommendationRow,
  check: PriceCheck,
  rules: Pick<VenueRules, "netOdds">,
): { refusal?: string; minOdds: Decimal | undefined } {
  const price = rec.price ?? check.legacyPrice(rec);
  if (!price) return { minOdds: undefined };
  const edge = rec.edge.toNumber();
  const minOdds = minAcceptableOdds(edge, price, check.minEdge, rules);
  const now = check.current(rec.marketId);
  if (!now || now.eq(price)) return { minOdds };
  const edgeNow = edgeAtPrice(edge, price.toNumber(), now.toNumber(), rules);
  if (edgeNow >= check.minEdge) return { minOdds };
  return {
    minOdds,
    refusal: `price moved from ${price.toFixed(4)} to ${now.toFixed(4)}: edge ${(edgeNow * 100).toFixed(2)}% is below the minimum ${(check.minEdge * 100).toFixed(2)}%`,
  };
}
