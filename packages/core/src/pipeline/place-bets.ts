// place_bets -> placed_bets: every active recommendation of the day goes to the broker at the
// price it was made on (stored with it), never at whatever the market says now. Orders are placed
// in the prepare phase (a live broker talks to a venue) with deterministic bet ids, so a crash
// after placing and before the write is repaired by the rerun: the venue sees the same id, the
// insert the same key. A replayed past day places its bets at its decision time.
import { betId, type OrderRequest, type PlacedBetRow } from "@edgeline/sdk";
import { emitBetPlacedEvents } from "../events/pipeline-events.ts";
import { oddsForGames } from "../repositories/odds.ts";
import { insertBets } from "../repositories/placed-bets.ts";
import { activeRecommendations, markExecuted } from "../repositories/recommendations.ts";
import { runClock } from "./run-clock.ts";
import type { StepDefinition } from "./step.ts";

const OUTCOME_OF_SIDE: Record<string, string> = {
  home: "home_team_win",
  away: "away_team_win",
  draw: "draw",
  over: "over",
  under: "under",
};

const MARKETS = new Set(["moneyline", "spread", "total"]);

export const placeBets: StepDefinition = {
  name: "place_bets",
  async prepare(deps, target) {
    const { sport, date } = target;
    const clock = await runClock(deps.pool, deps, deps.plugins.sport(sport).plugin, target);
    const recs = await activeRecommendations(deps.pool, sport, date);
    // Recommendations written before prices were kept with them fall back to their odds row.
    const legacy = recs.filter((r) => r.price === null);
    const odds = new Map(
      (await oddsForGames(deps.pool, [...new Set(legacy.map((r) => r.gameId))])).map((o) => [o.oddsId, o]),
    );
    const placed: PlacedBetRow[] = [];
    const executed: number[] = [];
    for (const rec of recs) {
      const price = rec.price ?? odds.get(rec.marketId)?.price;
      const outcome = OUTCOME_OF_SIDE[rec.side];
      const market = rec.recommendationType ?? "moneyline";
      if (!price || !outcome || !MARKETS.has(market)) continue;
      // A spread or total is graded at its line: one without it (a row from elsewhere) is not placed.
      if (market !== "moneyline" && rec.line === null) continue;
      const request: OrderRequest = {
        betId: betId({
          bookmaker: deps.broker.bookmaker,
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
        venueBookmaker: rec.bookmaker ?? odds.get(rec.marketId)?.bookmaker ?? null,
        placedAt: clock.decidesAt,
        marketTitle: `${rec.gameId} ${rec.recommendationType} ${rec.side}`,
        marketCloseTime: rec.expiresAt,
      };
      placed.push(await deps.broker.placeOrder(request));
      executed.push(rec.recommendationId);
    }
    return async (client) => {
      const written = (await insertBets(client, placed)) + (await markExecuted(client, executed));
      await emitBetPlacedEvents(client, deps.plugins, placed);
      return written;
    };
  },
};
