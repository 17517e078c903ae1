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
    // Beliefs on exclusive outcomes summing over one (a consensus less a margin on both sides) are
    // no distribution to size jointly: each is sized alone.
    const coherent = moneyline.reduce((s, c) => s + c.probability, 0) <= 1 + 1e-9;
    const f = coherent
      ? simultaneousKelly(moneyline.map((c) => ({ probability: c.probability, odds: c.odds })))
      : moneyline.map((c) => kellyFraction(c.probability, c.odds));
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
