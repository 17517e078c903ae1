// The shared datasets the integration tests read in place (../shared beside the repository).
import { hasShared, sharedPath } from "@edgeline/testkit";
import type { ImportResult, Quote } from "../src/index.ts";

export const sbrFile = (sport: "nba" | "nhl", name: string) => sharedPath("datasets", "sbr", sport, name);
export const hasSbr = () => hasShared("datasets", "sbr", "README.md");
export { hasShared, sharedPath };

/** One game's quotes as compact rows: [phase, market, outcome, line, price]. */
export function quoteRows(result: ImportResult, gameId: string): string[][] {
  return result.quotes
    .filter((q: Quote) => q.gameId === gameId)
    .map((q) => [q.phase, q.market, q.outcome, q.line?.toString() ?? "-", q.price?.toFixed(4) ?? "no price"]);
}
