import type { GameStatus } from "@edgeline/sdk";

/** The status text wins over gameStatus: a postponed game keeps gameStatus 1 and says "PPD". */
export function nbaStatus(game: { gameStatus: 1 | 2 | 3; gameStatusText: string }): GameStatus {
  const text = game.gameStatusText.trim().toUpperCase();
  if (text === "PPD" || text.startsWith("POSTPONED")) return "Postponed";
  if (text.startsWith("CANCEL")) return "Cancelled";
  return game.gameStatus === 1 ? "Scheduled" : game.gameStatus === 2 ? "InProgress" : "Final";
}
