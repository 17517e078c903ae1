import { z } from "zod";

/**
 * The five statuses a game row can have (`unified_games.status`). Every source maps onto these;
 * the raw upstream state never leaks past the plugin.
 */
export const GAME_STATUSES = ["Scheduled", "InProgress", "Final", "Postponed", "Cancelled"] as const;

export const gameStatusSchema = z.enum(GAME_STATUSES);

export type GameStatus = z.infer<typeof gameStatusSchema>;

/** True when the result is known and may be settled on. A postponed game is never final. */
export function isSettleable(status: GameStatus): boolean {
  return status === "Final";
}

/** True when no result will come from this fixture (bets on it are void). */
export function isVoided(status: GameStatus): boolean {
  return status === "Postponed" || status === "Cancelled";
}
