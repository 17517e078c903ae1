// Fitting the margin model's numbers from played games: how many Elo points a point of margin is
// worth (least squares through the origin: with home advantage inside the Elo difference, an even
// game has an expected margin of 0) and the spread of the margin about it (the normal's maximum
// likelihood estimate, the root mean square residual).

/** A played game: its adjusted Elo difference (home advantage included) and the home margin. */
export interface MarginSample {
  eloDiff: number;
  margin: number;
}

export interface MarginFit {
  eloPerPoint: number;
  marginSd: number;
  games: number;
}

/**
 * Fits eloPerPoint and marginSd; pass `eloPerPoint` to keep a published rule (538's 25 for the
 * NFL) and fit only the spread.
 */
export function fitEloMarginModel(
  samples: readonly MarginSample[],
  options: { eloPerPoint?: number } = {},
): MarginFit {
  if (samples.length < 2)
    throw new Error(`fitting a margin model needs at least 2 games, got ${samples.length}`);
  for (const [i, s] of samples.entries()) {
    if (!Number.isFinite(s.eloDiff) || !Number.isFinite(s.margin)) {
      throw new Error(`game ${i + 1}: eloDiff and margin must be finite numbers`);
    }
  }
  let eloPerPoint = options.eloPerPoint;
  if (eloPerPoint === undefined) {
    let xy = 0;
    let xx = 0;
    for (const s of samples) {
      xy += s.eloDiff * s.margin;
      xx += s.eloDiff * s.eloDiff;
    }
    if (xy <= 0) throw new Error("margins do not grow with the Elo difference: no points-per-Elo rule fits");
    eloPerPoint = xx / xy;
  }
  if (!(eloPerPoint > 0)) throw new Error(`eloPerPoint must be > 0, got ${eloPerPoint}`);
  const marginSd = fitNormalSd(samples.map((s) => ({ expected: s.eloDiff / eloPerPoint, actual: s.margin })));
  return { eloPerPoint, marginSd, games: samples.length };
}

/** The normal's maximum-likelihood spread of `actual` about `expected`: √(Σ (actual − expected)² / n). */
export function fitNormalSd(pairs: ReadonlyArray<{ expected: number; actual: number }>): number {
  if (pairs.length === 0) throw new Error("fitting a spread needs at least one game");
  const ss = pairs.reduce((s, p) => s + (p.actual - p.expected) ** 2, 0);
  return Math.sqrt(ss / pairs.length);
}
