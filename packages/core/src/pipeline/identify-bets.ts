// identify_bets -> bet_recommendations: Elo probabilities of the day's scheduled games against the
// best moneyline price per outcome, filtered by the sport's thresholds, staked by fractional Kelly
// against the notional bankroll. Stale active recommendations (their game has started) expire.
import { Decimal } from "decimal.js";
import { eloPreset, gameProbabilities } from "../elo/index.ts";
import { ratingsOn } from "../repositories/elo-ratings.ts";
import { gamesBetween } from "../repositories/games.ts";
import { type OddsRow, oddsForGames } from "../repositories/odds.ts";
import {
  expireRecommendations,
  type RecommendationInput,
  upsertRecommendations,
} from "../repositories/recommendations.ts";
import { expectedValue, kellyStake, probabilityEdge } from "../staking/index.ts";
import type { StepDefinition } from "./step.ts";

const SIDE_OF_OUTCOME: Record<string, "home" | "away" | "draw"> = {
  home_team_win: "home",
  away_team_win: "away",
  draw: "draw",
};

export const identifyBets: StepDefinition = {
  name: "identify_bets",
  async prepare(deps, { sport, date }) {
    const plugin = deps.plugins.require(sport);
    const config = eloPreset(plugin.eloPreset);
    const thresholds = plugin.recommendation;
    return async (client) => {
      const now = deps.now();
      const expired = await expireRecommendations(client, sport, now);
      const games = (await gamesBetween(client, sport, date, date)).filter(
        (g) => g.status === "Scheduled" && g.homeTeamId && g.awayTeamId,
      );
      const ratings = await ratingsOn(client, sport, date);
      const odds = await oddsForGames(
        client,
        games.map((g) => g.gameId),
      );
      const candidates: RecommendationInput[] = [];
      for (const game of games) {
        const rating = (id: string) => ratings.get(id)?.toNumber() ?? config.initialRating;
        const p = gameProbabilities(config, rating(game.homeTeamId!), rating(game.awayTeamId!));
        for (const best of bestPrices(odds.filter((o) => o.gameId === game.gameId))) {
          const side = SIDE_OF_OUTCOME[best.outcomeName ?? ""];
          const probability = side === "home" ? p.home : side === "away" ? p.away : p.draw;
          if (!side || probability === undefined) continue;
          const price = best.price.toNumber();
          if (price < thresholds.minOdds || price > thresholds.maxOdds) continue;
          const edge = probabilityEdge(probability, price);
          if (edge < thresholds.minEdge) continue;
          const stake = kellyStake({
            bankroll: deps.bankroll,
            probability,
            odds: price,
            venue: { kind: "sportsbook" },
            limits: deps.stakingLimits,
            eventId: game.gameId,
          }).stake;
          if (stake.lte(0)) continue;
          candidates.push({
            sport,
            gameId: game.gameId,
            marketId: best.oddsId,
            recommendationType: "moneyline",
            side,
            confidence: new Decimal(probability),
            edge: new Decimal(edge),
            recommendedStake: stake,
            expectedValue: expectedValue(stake, probability, price),
            generatedAt: now,
            expiresAt: game.commenceTime,
          });
        }
      }
      // Best edges first, at most maxPerDay; ties broken by market id so reruns pick the same.
      candidates.sort((a, b) => b.edge.comparedTo(a.edge) || a.marketId.localeCompare(b.marketId));
      const chosen = candidates.slice(0, thresholds.maxPerDay);
      return expired + (await upsertRecommendations(client, chosen));
    };
  },
};

/** The longest moneyline price per outcome of one game (ties: the smaller odds id). */
export function bestPrices(odds: readonly OddsRow[]): OddsRow[] {
  const best = new Map<string, OddsRow>();
  for (const o of odds) {
    if (o.marketName !== "moneyline" || !o.outcomeName) continue;
    const current = best.get(o.outcomeName);
    if (!current || o.price.gt(current.price) || (o.price.eq(current.price) && o.oddsId < current.oddsId)) {
      best.set(o.outcomeName, o);
    }
  }
  return [...best.values()];
}
