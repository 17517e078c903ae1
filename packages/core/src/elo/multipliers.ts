// The factors that scale K for one game: margin of victory and the favourite correction.
import type { FavouriteMultiplier, MarginOfVictory } from "@edgeline/sdk";

/** Margin-of-victory multiplier for an absolute score margin (0 on a draw). */
export function marginMultiplier(mov: MarginOfVictory, margin: number): number {
  switch (mov.kind) {
    case "none":
      return 1;
    case "log":
      return Math.log(Math.max(margin, mov.floor) + 1.0);
    case "power":
      return (margin + mov.offset) ** mov.exponent;
    case "log-linear":
      // A draw has no winner's margin; score it as the smallest margin.
      return mov.slope * Math.log(Math.max(margin, 1)) + mov.intercept;
    case "goal-difference":
      if (margin <= 1) return 1;
      if (margin === 2) return 1.5;
      return (11 + margin) / 8;
    case "custom":
      return mov.multiplier(margin);
  }
}

/**
 * Favourite (autocorrelation) multiplier. `winnerEloDiff` is the adjusted Elo difference seen from
 * the winner: positive when the favourite won.
 */
export function favouriteFactor(fav: FavouriteMultiplier, winnerEloDiff: number, isDraw: boolean): number {
  if (fav.kind === "none") return 1;
  if (isDraw) return fav.onDraw;
  return fav.numerator / (winnerEloDiff * fav.slope + fav.base);
}
