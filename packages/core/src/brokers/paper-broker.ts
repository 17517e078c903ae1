// Paper trading: every order fills in full at the recommended price, and bets settle from the
// final scores in unified_games. No money moves anywhere.
import { Decimal } from "decimal.js";
import type { GameRow } from "../repositories/games.ts";
import type { BetStatusUpdate, PlacedBetRow } from "../repositories/placed-bets.ts";
import type { Broker, OrderRequest } from "./broker.ts";

/** Looks up games by id (the paper broker's only view of the world). */
export type GameLookup = (gameIds: readonly string[]) => Promise<Map<string, GameRow>>;

export class PaperBroker implements Broker {
  readonly bookmaker = "Paper";

  constructor(private readonly games: GameLookup) {}

  async placeOrder(request: OrderRequest): Promise<PlacedBetRow> {
    return {
      betId: request.betId,
      gameId: request.gameId,
      marketId: request.marketId,
      bookmaker: this.bookmaker,
      outcome: request.outcome,
      stake: request.stake,
      odds: request.price,
      potentialPayout: request.stake.times(request.price).toDecimalPlaces(2, Decimal.ROUND_DOWN),
      status: "pending",
      result: null,
      placedTimeUtc: request.placedAt,
      marketTitle: request.marketTitle,
      marketCloseTimeUtc: request.marketCloseTime,
      openingOdds: request.price,
    };
  }

  async syncBets(bets: readonly PlacedBetRow[]): Promise<BetStatusUpdate[]> {
    const open = bets.filter((b) => b.status === "pending" && b.gameId !== null);
    const games = await this.games(open.map((b) => b.gameId!));
    const updates: BetStatusUpdate[] = [];
    for (const bet of open) {
      const settled = settleMoneyline(bet, games.get(bet.gameId!));
      if (settled) updates.push(settled);
    }
    return updates;
  }
}

/**
 * Settles a moneyline bet on a game's final score: win pays stake × (odds − 1), loss costs the
 * stake, a cancelled or postponed game voids it. Undecided games return undefined.
 */
export function settleMoneyline(bet: PlacedBetRow, game: GameRow | undefined): BetStatusUpdate | undefined {
  if (!game) return undefined;
  if (game.status === "Cancelled" || game.status === "Postponed") {
    return { betId: bet.betId, status: "void", result: new Decimal(0) };
  }
  if (game.status !== "Final" || game.homeScore === null || game.awayScore === null) return undefined;
  const winner =
    game.homeScore > game.awayScore
      ? "home_team_win"
      : game.homeScore < game.awayScore
        ? "away_team_win"
        : "draw";
  const won = bet.outcome === winner;
  const result = won
    ? bet.stake.times(bet.odds.minus(1)).toDecimalPlaces(2, Decimal.ROUND_DOWN)
    : bet.stake.neg();
  return { betId: bet.betId, status: won ? "win" : "loss", result };
}
