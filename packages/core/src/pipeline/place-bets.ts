// place_bets -> placed_bets: every active recommendation of the day goes to the broker, at the
// price of the odds row it was made on. Orders are placed in the prepare phase (a live broker
// talks to a venue) with deterministic bet ids, so a crash after placing and before the write is
// repaired by the rerun: the venue sees the same id, the insert the same key.
import { betId } from "../brokers/bet-id.ts";
import type { OrderRequest } from "../brokers/broker.ts";
import { oddsForGames } from "../repositories/odds.ts";
import type { PlacedBetRow } from "../repositories/placed-bets.ts";
import { insertBets } from "../repositories/placed-bets.ts";
import { activeRecommendations, markExecuted } from "../repositories/recommendations.ts";
import type { StepDefinition } from "./step.ts";

const OUTCOME_OF_SIDE: Record<string, string> = {
  home: "home_team_win",
  away: "away_team_win",
  draw: "draw",
};

export const placeBets: StepDefinition = {
  name: "place_bets",
  async prepare(deps, { sport, date }) {
    const recs = await activeRecommendations(deps.pool, sport, date);
    const odds = new Map(
      (await oddsForGames(deps.pool, [...new Set(recs.map((r) => r.gameId))])).map((o) => [o.oddsId, o]),
    );
    const placed: PlacedBetRow[] = [];
    const executed: number[] = [];
    for (const rec of recs) {
      const price = odds.get(rec.marketId)?.price;
      const outcome = OUTCOME_OF_SIDE[rec.side];
      if (!price || !outcome) continue;
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
        stake: rec.recommendedStake,
        price,
        placedAt: deps.now(),
        marketTitle: `${rec.gameId} ${rec.recommendationType} ${rec.side}`,
        marketCloseTime: rec.expiresAt,
      };
      placed.push(await deps.broker.placeOrder(request));
      executed.push(rec.recommendationId);
    }
    return async (client) => (await insertBets(client, placed)) + (await markExecuted(client, executed));
  },
};
