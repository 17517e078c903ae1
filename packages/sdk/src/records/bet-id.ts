import { createHash } from "node:crypto";

/**
 * A bet's id from what makes it one bet: venue, game, market, outcome and the day it was placed
 * for. Rerunning place_bets for a day derives the same id, so the insert is a no-op.
 */
export function betId(parts: {
  bookmaker: string;
  gameId: string;
  marketId: string;
  outcome: string;
  date: string;
}): string {
  const digest = createHash("sha256")
    .update([parts.bookmaker, parts.gameId, parts.marketId, parts.outcome, parts.date].join("\u0000"))
    .digest("hex")
    .slice(0, 20);
  return `${parts.bookmaker.toLowerCase()}-${parts.date.replaceAll("-", "")}-${digest}`;
}
