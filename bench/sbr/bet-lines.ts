// One line of a bench table per run or season of bets: count, yield with its bootstrap interval,
// and closing-line value (price CLV against the same book's close, line CLV for spreads).
import type { Decimal } from "decimal.js";
import {
  type BacktestBet,
  type BacktestRun,
  bettingSummary,
  closingLineValues,
  type PreparedHistory,
} from "../../packages/core/src/index.ts";
import { interval, pct } from "./format.ts";

/** A run's bets, yield with its interval, and CLV against the same book's close. */
export function bettingLine(h: PreparedHistory, run: BacktestRun, code: string): string {
  const b = bettingSummary(run.bets, run.startingBankroll, [], `${code}:reference`);
  const clv =
    run.bets.length === 0 ? "—" : (closingValue(h, run.bets) ?? "not measurable (no opening moneyline)");
  return `${String(b.bets).padStart(4)} ${pct(b.yield).padStart(6)} ${interval(b.yieldInterval).padEnd(18)} ${clv}`;
}

/** A season's spread bets: count, yield with its interval, and line CLV. */
export function spreadLine(h: PreparedHistory, bets: readonly BacktestBet[], bankroll: Decimal): string {
  const b = bettingSummary(bets, bankroll, [], "spreads");
  return `${String(b.bets).padStart(4)} ${pct(b.yield).padStart(6)} ${interval(b.yieldInterval).padEnd(18)} ${bets.length === 0 ? "—" : lineClv(h, bets)}`;
}

/**
 * Line CLV of spread bets: the bet's handicap minus the same book's closing handicap of the same
 * side (home −3 taken, home −5 at the close: +2 points), the mean and the shares above and at 0.
 * The price history keeps a quote only when it changed, so a side with no later quote closed
 * where the bet took it: level, 0 points.
 */
function lineClv(h: PreparedHistory, bets: readonly BacktestBet[]): string {
  const index = new Map(h.history.games.map((g, i) => [g.gameId, i]));
  const points: number[] = [];
  for (const bet of bets) {
    const close = h.quotesByGame[index.get(bet.gameId)!]!.filter(
      (q) => q.bookmaker === bet.bookmaker && q.market === "spread" && q.outcome === bet.selection,
    ).at(-1);
    if (!close || close.line == null || bet.line === null) continue;
    points.push(close.lastUpdate > bet.quotedAt ? bet.line - close.line : 0);
  }
  if (points.length === 0) return "not measured";
  const mean = points.reduce((s, x) => s + x, 0) / points.length;
  const share = (f: (x: number) => boolean) => pct(points.filter(f).length / points.length);
  return `${mean >= 0 ? "+" : "−"}${Math.abs(mean).toFixed(2)} points on ${points.length} bets (${share((x) => x > 0)} beat the close, ${share((x) => x === 0)} level, ${share((x) => x < 0)} worse)`;
}

/** Closing-line value of NHL bets at the opening price against the same book's close (core's rule). */
export function closingValue(h: PreparedHistory, bets: readonly BacktestBet[]): string | null {
  const c = closingLineValues(h, bets, () => true).sameBook;
  return c.measured === 0
    ? null
    : `${pct(c.average)} on ${c.measured} bets (${pct(c.beatShare)} beat the close)`;
}
