// Full Kelly fractions of bets placed together: simultaneous Kelly over one game's moneyline
// outcomes (mutually exclusive), Kelly with pushes and half grades for each line bet (a plain
// Kelly at the win probability when its grades are unknown). The recommendation rule and every
// strategy's Kelly-sized proposals share it.
import type { MarketName } from "@edgeline/sdk";
import type { LineOutcomeProbabilities } from "../margins/line-probabilities.ts";
import { kellyFraction, lineKellyFraction, simultaneousKelly } from "./kelly.ts";

export interface KellyBet {
  gameId: string;
  market: MarketName;
  probability: number;
  /** Odds net of the venue's fees. */
  odds: number;
  lineOutcome?: LineOutcomeProbabilities;
}

export function betKellyFractions<B extends KellyBet>(chosen: readonly B[]): Map<B, number> {
  const fractions = new Map<B, number>();
  for (const gameId of new Set(chosen.map((c) => c.gameId))) {
    const moneyline = chosen.filter((c) => c.gameId === gameId && c.market === "moneyline");
    const f = simultaneousKelly(moneyline.map((c) => ({ probability: c.probability, odds: c.odds })));
    moneyline.forEach((c, i) => {
      fractions.set(c, f[i]!);
    });
  }
  for (const c of chosen) {
    if (c.market === "moneyline") continue;
    fractions.set(
      c,
      c.lineOutcome ? lineKellyFraction(c.lineOutcome, c.odds) : kellyFraction(c.probability, c.odds),
    );
  }
  return fractions;
}
