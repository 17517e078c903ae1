// The blend's weights, walk-forward per market: each played game with a consensus is one sample
// (the model's pre-game forecast, the de-vigged price the blend bets into, what happened: the
// close for the live rule, the opening price for a backtest that bets the open), and the weight used
// on a decision day is fitted only on samples dated before it (blend/fit-weight.ts). Live trading
// and backtests build their samples here, so both bet on the same weights.
import type { MarketName } from "@edgeline/sdk";
import { type BlendSample, type DatedBlendWeight, walkForwardBlendWeights } from "../blend/fit-weight.ts";
import type { GameForecast } from "../forecast/game-forecast.ts";
import type { ResolvedBlendSettings } from "../forecast/sport-forecaster.ts";
import { effectiveProbability } from "../margins/line-probabilities.ts";
import { gradeSpread, gradeTotal } from "../settlement/lines.ts";
import type { MarketConsensus } from "./quotes.ts";

/** A played game as a blend sample is made of it. */
export interface PlayedGame {
  date: string;
  forecast: GameForecast | undefined;
  /** The de-vigged consensus the blend pools with and bets into: the close, or the opening price. */
  market: MarketConsensus;
  homeScore: number;
  awayScore: number;
}

const inOpenUnit = (p: number) => p > 0 && p < 1;

/** The line the market priced nearest even (its main line), among half and whole lines. */
function mainLine(lines: ReadonlyMap<number, number>): [number, number] | undefined {
  let best: [number, number] | undefined;
  for (const [line, p] of lines) {
    if (Math.round(line * 2) !== line * 2) continue; // quarter lines settle in halves: no 0/1 outcome
    if (
      !best ||
      Math.abs(p - 0.5) < Math.abs(best[1] - 0.5) ||
      (Math.abs(p - 0.5) === Math.abs(best[1] - 0.5) && line < best[0])
    )
      best = [line, p];
  }
  return best;
}

/** Samples of each market: moneyline (ties of a 2-way market left out), spread and total at the main line (pushes left out). */
export function blendSamples(games: readonly PlayedGame[], ways: 2 | 3): Record<MarketName, BlendSample[]> {
  const out: Record<MarketName, BlendSample[]> = { moneyline: [], spread: [], total: [] };
  for (const g of games) {
    const f = g.forecast;
    if (!f) continue;
    const diff = g.homeScore - g.awayScore;
    if (g.market.moneyline && f.moneyline.every(inOpenUnit) && (ways === 3 || diff !== 0)) {
      const outcome = ways === 3 ? (diff > 0 ? 0 : diff === 0 ? 1 : 2) : diff > 0 ? 0 : 1;
      out.moneyline.push({ date: g.date, model: f.moneyline, market: g.market.moneyline, outcome });
    }
    const spread = mainLine(g.market.spread);
    if (spread && f.spread) {
      const grade = gradeSpread(diff, spread[0]);
      const model = effectiveProbability(f.spread("home", spread[0]));
      if (grade !== 0 && inOpenUnit(model) && inOpenUnit(spread[1]))
        out.spread.push({
          date: g.date,
          model: [model, 1 - model],
          market: [spread[1], 1 - spread[1]],
          outcome: grade > 0 ? 0 : 1,
        });
    }
    const total = mainLine(g.market.total);
    const over = total && f.total?.("over", total[0], g.market.marketTotal);
    if (total && over) {
      const grade = gradeTotal(g.homeScore + g.awayScore, "over", total[0]);
      const model = effectiveProbability(over);
      if (grade !== 0 && inOpenUnit(model) && inOpenUnit(total[1]))
        out.total.push({
          date: g.date,
          model: [model, 1 - model],
          market: [total[1], 1 - total[1]],
          outcome: grade > 0 ? 0 : 1,
        });
    }
  }
  return out;
}

/** The model's weight per market on each decision day, fitted on the samples dated before it. */
export function blendWeightsByDay(
  samples: Record<MarketName, BlendSample[]>,
  days: readonly string[],
  settings: ResolvedBlendSettings,
): Map<string, Partial<Record<MarketName, DatedBlendWeight>>> {
  const byDay = new Map<string, Partial<Record<MarketName, DatedBlendWeight>>>(days.map((d) => [d, {}]));
  if (days.length === 0) return byDay;
  for (const market of ["moneyline", "spread", "total"] as const) {
    const weights = walkForwardBlendWeights(samples[market], {
      minGames: settings.minGames,
      defaultWeight: settings.defaultWeight,
      shrinkage: settings.shrinkage ?? 0,
      decisionDates: days,
    });
    for (const w of weights) byDay.get(w.date)![market] = w;
  }
  return byDay;
}
