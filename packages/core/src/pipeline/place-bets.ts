// place_bets -> placed_bets: every active recommendation of the day goes to the venue whose price
// it was made on (brokers/broker-routing.ts), at that price (stored with it), never at whatever
// the market says now. Everything happens in the step's one transaction, under the sport's lock:
// the recommendations are re-read and locked there (a rejection racing the step either wins, and
// no bet is made, or waits and finds the bet), and before each order the kill switch, the current
// price and the risk limits are checked; a refused order is recorded with its reason. Bet ids are
// deterministic, so a crash after an order reached a venue and before the commit is repaired by
// the rerun: the venue sees the same id, the insert the same key. A replayed past day places its
// bets at its decision time, always on paper.
import { betId, type OrderRequest, type PlacedBetRow } from "@edgeline/sdk";
import type { Decimal } from "decimal.js";
import type pg from "pg";
import { emitManualBetAwaitingEvents, emitRiskRefusedEvents } from "../events/execution-events.ts";
import { emitBetPlacedEvents } from "../events/pipeline-events.ts";
import { type OrderRefusalInput, recordRefusals } from "../repositories/order-refusals.ts";
import { insertBets, type PlacedBetRecord } from "../repositories/placed-bets.ts";
import {
  activeRecommendations,
  markExecuted,
  type RecommendationRow,
} from "../repositories/recommendations.ts";
import { riskExposure } from "../repositories/risk-exposure.ts";
import { checkRiskLimits, withOrder } from "../risk/risk-limits.ts";
import { type PipelineDeps, riskLimitsOfDeps, routerOf } from "./deps.ts";
import { orderPriceCheck, type PriceCheck, priceCheckOf } from "./order-price-check.ts";
import { RESULT_KNOWN_AFTER_MS } from "./portfolio-snapshot.ts";
import { runClock } from "./run-clock.ts";
import type { StepDefinition, StepTarget } from "./step.ts";
import { tradingPaused } from "./trading-pause.ts";

const OUTCOME_OF_SIDE: Record<string, string> = {
  home: "home_team_win",
  away: "away_team_win",
  draw: "draw",
  over: "over",
  under: "under",
};

const MARKETS = new Set(["moneyline", "spread", "total"]);

/** The order a recommendation makes, or undefined when it cannot be placed (no price, no line). */
function orderOf(
  rec: RecommendationRow,
  price: Decimal | undefined,
  venueBookmaker: string | null,
  date: string,
  placedAt: Date,
): OrderRequest | undefined {
  const outcome = OUTCOME_OF_SIDE[rec.side];
  const market = rec.recommendationType ?? "moneyline";
  if (!price || !outcome || !MARKETS.has(market)) return undefined;
  // A spread or total is graded at its line: one without it (a row from elsewhere) is not placed.
  if (market !== "moneyline" && rec.line === null) return undefined;
  return {
    betId: betId({
      bookmaker: venueBookmaker ?? "Paper",
      gameId: rec.gameId,
      marketId: rec.marketId,
      outcome,
      date,
    }),
    gameId: rec.gameId,
    marketId: rec.marketId,
    outcome,
    ...(market === "moneyline" ? {} : { marketName: market as "spread" | "total", line: rec.line! }),
    stake: rec.recommendedStake,
    price,
    ...(rec.contracts === null ? {} : { contracts: rec.contracts }),
    venueBookmaker,
    placedAt,
    marketTitle: `${rec.gameId} ${rec.recommendationType} ${rec.side}`,
    marketCloseTime: rec.expiresAt,
  };
}

/** Places the day's orders on the step's transaction. Returns rows written. */
async function placeDay(
  client: pg.PoolClient,
  deps: PipelineDeps,
  target: StepTarget,
  clock: { replay: boolean; decidesAt: Date },
): Promise<number> {
  const { sport, date } = target;
  const router = clock.replay ? routerOf(deps).onPaper() : routerOf(deps);
  const limits = riskLimitsOfDeps(deps);
  const recs = await activeRecommendations(client, sport, date, { lock: true });
  const prices: PriceCheck = await priceCheckOf(client, deps, sport, recs, clock.decidesAt);
  let exposure = await riskExposure(client, date, clock.decidesAt, RESULT_KNOWN_AFTER_MS);
  const placed: PlacedBetRecord[] = [];
  const reasons: string[] = [];
  const executed: number[] = [];
  const refusals: OrderRefusalInput[] = [];
  for (const rec of recs) {
    const venueBookmaker = rec.bookmaker ?? prices.legacyBookmaker(rec) ?? null;
    const request = orderOf(rec, rec.price ?? prices.legacyPrice(rec), venueBookmaker, date, clock.decidesAt);
    if (!request) continue;
    const route = router.route(venueBookmaker);
    const refuse = (rule: string, reason: string) =>
      refusals.push({
        recommendationId: rec.recommendationId,
        sport,
        runDate: date,
        venue: route.venue,
        rule,
        reason,
        stake: request.stake,
        refusedAt: deps.now(),
      });
    // The kill switch is read again before every order: a pause from any process stops the next one.
    const paused = await tradingPaused(client);
    if (paused) {
      refuse("trading_paused", paused);
      continue;
    }
    if (rec.expiresAt && rec.expiresAt <= clock.decidesAt) {
      refuse("game_started", `the game started at ${rec.expiresAt.toISOString()}`);
      continue;
    }
    const price = orderPriceCheck(rec, prices, deps.plugins.rulesFor(venueBookmaker ?? ""));
    if (price.refusal) {
      refuse("price_moved", price.refusal);
      continue;
    }
    const risk = checkRiskLimits({ gameId: rec.gameId, stake: request.stake }, exposure, limits);
    if (risk) {
      refuse(risk.rule, risk.reason);
      continue;
    }
    const venueMarketId = prices.venueMarketId(rec);
    const row: PlacedBetRow = await route.broker.placeOrder({
      ...request,
      minOdds: price.minOdds,
      ...(venueMarketId ? { venueMarketId } : {}),
    });
    placed.push({
      ...row,
      bookmaker: venueBookmaker ?? row.bookmaker,
      tradingMode: route.mode,
      venue: route.venue,
      recommendationId: rec.recommendationId,
      minOdds: price.minOdds,
    });
    reasons.push(
      `placed ${route.mode === "paper" ? "on paper" : "live"} at ${route.venue} (${venueBookmaker ?? "unknown book"}) at ${request.price.toFixed(4)}`,
    );
    executed.push(rec.recommendationId);
    exposure = withOrder(exposure, { gameId: rec.gameId, stake: request.stake });
  }
  const written =
    (await insertBets(client, placed, { at: deps.now(), reasons })) +
    (await markExecuted(client, executed)) +
    (await recordRefusals(client, refusals));
  await emitBetPlacedEvents(client, deps.plugins, placed);
  await emitManualBetAwaitingEvents(client, placed);
  await emitRiskRefusedEvents(client, refusals);
  return written;
}

export const placeBets: StepDefinition = {
  name: "place_bets",
  async prepare(deps, target) {
    const clock = await runClock(deps.pool, deps, deps.plugins.sport(target.sport).plugin, target);
    // Nothing is sent before the lock: orders go out inside the write (see the header).
    return (client) => placeDay(client, deps, target, clock);
  },
};
