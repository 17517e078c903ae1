// How far the betting probability is from the market it bets into, per game: the evidence behind
// "never worse than the market" (the paired t of the log-loss difference) and the season's own
// score z at weight 0, which says, in hindsight, whether any positive weight could have helped.
import {
  type BacktestRun,
  blendProbabilities,
  type PreparedHistory,
  type Strategy,
} from "../../packages/core/src/index.ts";

/** Per game, the betting probability's log loss minus the market's; the score and information at weight 0. */
export interface BlendEvidence {
  diffs: number[];
  score: number;
  information: number;
}

/** The season's games' evidence (see `evidenceSummary`), on the decisions the report scores. */
export function blendEvidence(
  h: PreparedHistory,
  run: BacktestRun,
  prices: Strategy["prices"],
): BlendEvidence {
  const index = new Map(h.history.games.map((g, i) => [g.gameId, i]));
  const out: BlendEvidence = { diffs: [], score: 0, information: 0 };
  for (const decision of run.decisions) {
    const i = index.get(decision.gameId)!;
    const g = h.history.games[i]!;
    const market = h.consensusAt(i, prices, run.consensusBooks).moneyline;
    const model = decision.moneyline;
    if (!model || !market || !h.isPlayed(i) || g.homeScore === g.awayScore) continue;
    const y = g.homeScore! > g.awayScore! ? 0 : market.length - 1;
    const blend = blendProbabilities(model, market, decision.weights.moneyline ?? 0);
    // At weight 0 the pool gives the market back up to rounding (1e-16), which is no difference.
    const d = Math.log(market[y]!) - Math.log(blend[y]!);
    out.diffs.push(Math.abs(d) < 1e-12 ? 0 : d);
    const a = model.map((m, k) => Math.log(m) - Math.log(market[k]!));
    const mean = a.reduce((s, x, k) => s + x * market[k]!, 0);
    out.score += a[y]! - mean;
    out.information += a.reduce((s, x, k) => s + (x - mean) ** 2 * market[k]!, 0);
  }
  return out;
}

/**
 * What a span's evidence says of "blend − market": the mean log-loss difference and its paired t
 * (how far from noise it is), and the span's own score z at weight 0, Σ(a_y − E_q[a]) / √Σ Var_q[a]
 * with a = ln model − ln market, in hindsight. For a small weight the gain has the sign of z, so a
 * span with z < 0 is worse than the market at every positive weight.
 */
export function evidenceSummary(xs: readonly BlendEvidence[]): { meanDiff: number; t: number; z: number } {
  const diffs = xs.flatMap((x) => x.diffs);
  const n = diffs.length;
  const meanDiff = diffs.reduce((s, x) => s + x, 0) / n;
  const sd = Math.sqrt(diffs.reduce((s, x) => s + (x - meanDiff) ** 2, 0) / (n - 1));
  const score = xs.reduce((s, x) => s + x.score, 0);
  const information = xs.reduce((s, x) => s + x.information, 0);
  return { meanDiff, t: sd > 0 ? meanDiff / (sd / Math.sqrt(n)) : 0, z: score / Math.sqrt(information) };
}
