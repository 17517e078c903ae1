// The games decided after regulation (tied at its end, won in overtime or the shootout), as known
// on any day: the home side's share of those played before the day is the overtime model of a
// goals model on regulation scores (its maximum-likelihood constant). A constant, not a logistic
// in the sides' strengths: on the NHL archive the logistic did no better on the moneyline
// (bench/sbr-goals.ts).
import type { EloGame } from "../elo/replay.ts";

/** Until both a home and an away win after regulation are known: an even split. */
const EVEN = 0.5;

export class OvertimeRecord {
  /** The days of the games decided after regulation, ascending, and whether the home side won each. */
  private readonly days: string[] = [];
  private readonly homeWins: number[] = [0];

  constructor(games: readonly EloGame[]) {
    const decided = games
      .filter((g) => {
        const r = g.regulation;
        return r !== undefined && r.home === r.away && g.homeScore !== null && g.awayScore !== null;
      })
      .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    for (const g of decided) {
      this.days.push(g.date);
      this.homeWins.push(this.homeWins.at(-1)! + (g.homeScore! > g.awayScore! ? 1 : 0));
    }
  }

  /** P(the home side wins after regulation) from the games dated before `day`. */
  homeShareBefore(day: string): number {
    // Games before the first one dated `day` or later, by binary search.
    let [lo, hi] = [0, this.days.length];
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.days[mid]! < day) lo = mid + 1;
      else hi = mid;
    }
    const homeWins = this.homeWins[lo]!;
    // The maximum-likelihood constant (goals/overtime.ts's fitConstantOvertime) is the share itself.
    return homeWins === 0 || homeWins === lo ? EVEN : homeWins / lo;
  }
}
