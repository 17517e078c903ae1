/**
 * Scores that don't add up. `Final` includes overtime (and the NHL shootout); the periods are
 * regulation. Rules, per game:
 * - both finals equal the sums of their periods: decided in regulation;
 * - otherwise regulation must have been tied, and then: in hockey (the moneyline layout) the
 *   winner's final is its periods plus one (the overtime goal or the shootout) and the loser's its
 *   periods; in basketball each final is at least its periods;
 * - a tied final is an error (neither league ends a game tied);
 * - anything else is an error: the winner is never guessed.
 * One repair, because its evidence is complete: a row whose periods were shifted one cell right
 * (the 1st period written twice, so `Final` holds the last period and `Open` the final) is read
 * back shifted when the shifted numbers add up; that row's `Open` cell is then lost.
 */
export interface SideScore {
  periods: number[];
  final: number;
}

export type ScoreCheck =
  | { ok: true; extraTime: boolean }
  | { ok: false; message: string; blame: ("visitor" | "home")[] };

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
const spelled = (s: SideScore) => `${s.periods.join("+")}=${sum(s.periods)}`;

export function checkScores(
  kind: "spread-total" | "moneyline",
  visitor: SideScore,
  home: SideScore,
): ScoreCheck {
  const sv = sum(visitor.periods);
  const sh = sum(home.periods);
  if (visitor.final === home.final) {
    return {
      ok: false,
      message: `a final tied at ${visitor.final}-${home.final}`,
      blame: ["visitor", "home"],
    };
  }
  if (visitor.final === sv && home.final === sh) return { ok: true, extraTime: false };
  const off = (["visitor", "home"] as const).filter((side) => {
    const s = side === "visitor" ? visitor : home;
    return s.final !== sum(s.periods);
  });
  const describe = off
    .map((side) => {
      const s = side === "visitor" ? visitor : home;
      return `${side} Final ${s.final} vs periods ${spelled(s)}`;
    })
    .join("; ");
  if (sv !== sh) {
    return {
      ok: false,
      message: `Final does not add up and regulation was not tied (${describe})`,
      blame: off,
    };
  }
  if (kind === "moneyline") {
    const [winner, loser, ws, ls] =
      visitor.final > home.final ? [visitor, home, sv, sh] : [home, visitor, sh, sv];
    if (winner.final === ws + 1 && loser.final === ls) return { ok: true, extraTime: true };
    return {
      ok: false,
      message: `after a tied regulation the winner's Final must be its periods plus one (overtime or shootout) and the loser's its periods (${describe})`,
      blame: off,
    };
  }
  if (visitor.final >= sv && home.final >= sh) return { ok: true, extraTime: true };
  return { ok: false, message: `Final is below the sum of the periods (${describe})`, blame: off };
}

/** The shifted-row repair: periods and final read one cell to the left, or undefined. */
export function unshift(row: SideScore, openCell: number | null): SideScore | undefined {
  const [first, second, ...rest] = row.periods;
  if (openCell === null || first === undefined || second === undefined || first !== second) return undefined;
  const periods = [first, ...rest, row.final];
  return sum(periods) === openCell ? { periods, final: openCell } : undefined;
}
