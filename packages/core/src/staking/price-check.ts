// The price check at placement: a recommendation is ordered at the price it was made on, but if
// the market has since moved so far that the edge fell below the sport's minimum, the order is not
// sent. And the floor a person at a book may accept: the lowest odds that keep the minimum edge.
import type { VenueRules } from "@edgeline/sdk";
import { Decimal } from "decimal.js";

/**
 * The edge at `current` gross odds of a bet whose edge was `edge` at `recommended`: the expected
 * return scales with the net odds (exact for a moneyline, p × odds − 1; for a line with a push
 * chance, a close approximation).
 */
export function edgeAtPrice(
  edge: number,
  recommended: number,
  current: number,
  rules: Pick<VenueRules, "netOdds">,
): number {
  const before = rules.netOdds(recommended);
  return before > 0 ? ((1 + edge) * rules.netOdds(current)) / before - 1 : -1;
}

/**
 * The lowest gross decimal odds (to the tick) at which the bet's edge is still `minEdge`:
 * net odds ≥ (1 + minEdge) × net(recommended) / (1 + edge), found by bisection over the venue's
 * (increasing) net odds; never above the recommended price.
 */
export function minAcceptableOdds(
  edge: number,
  recommended: Decimal,
  minEdge: number,
  rules: Pick<VenueRules, "netOdds">,
): Decimal {
  const price = recommended.toNumber();
  const target = ((1 + minEdge) * rules.netOdds(price)) / (1 + edge);
  let lo = 1;
  let hi = price;
  if (rules.netOdds(hi) < target) return recommended;
  for (let i = 0; i < 50; i++) {
    const mid = (lo + hi) / 2;
    if (rules.netOdds(mid) >= target) hi = mid;
    else lo = mid;
  }
  // To the tick: the nearest 4-place price, one tick up if rounding lost the edge.
  let floor = new Decimal(hi).toDecimalPlaces(4, Decimal.ROUND_HALF_UP);
  if (rules.netOdds(floor.toNumber()) < target * (1 - 1e-12)) floor = floor.plus("0.0001");
  return Decimal.min(recommended, floor);
}
