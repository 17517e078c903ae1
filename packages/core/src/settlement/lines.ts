// Grading a handicap (point spread) or total against a final score: the one home of the line rules,
// used by settlement (what a bet paid) and by the line-probability models in margins/ (what a bet
// is likely to pay), so that the two can never disagree.
//
// Lines are multiples of 0.25. A half line (−3.5) wins or loses; a whole line (−3) can push (the
// stake is returned); a quarter line (−0.25, 2.75) is two bets of half the stake on the
// neighbouring half and whole lines (−0.25 = ½ on 0 and ½ on −0.5), the Asian handicap rule.

/** A bet's grade: win, half win, push (void), half loss, loss, as the share of the stake won or lost. */
export type LineGrade = 1 | 0.5 | 0 | -0.5 | -1;

/** Throws unless `line` is a finite multiple of 0.25. */
export function assertLine(line: number): void {
  if (!Number.isFinite(line) || Math.round(line * 4) !== line * 4) {
    throw new Error(`a line must be a multiple of 0.25, got ${line}`);
  }
}

/**
 * The lines a bet on `line` is made of, each carrying an equal share of the stake: the line itself
 * for whole and half lines, the two neighbours (line − 0.25, line + 0.25) for a quarter line.
 */
export function splitLine(line: number): [number] | [number, number] {
  assertLine(line);
  if (Math.round(line * 2) === line * 2) return [line];
  return [line - 0.25, line + 0.25];
}

const sign = (x: number): LineGrade => (x > 0 ? 1 : x < 0 ? -1 : 0);

/** Grades a line bet whose part on half-or-whole line `l` wins when `excess(l)` > 0, pushes at 0. */
function gradeParts(excess: (l: number) => number, line: number): LineGrade {
  const parts = splitLine(line);
  if (parts.length === 1) return sign(excess(parts[0]));
  return ((sign(excess(parts[0])) + sign(excess(parts[1]))) / 2) as LineGrade;
}

/**
 * A handicap bet on a side: `sideMargin` is the backed side's points minus its opponent's, and the
 * line is the backed side's (home −3.5 needs a win by 4 or more; away +3 pushes on a 3-point loss).
 */
export function gradeSpread(sideMargin: number, line: number): LineGrade {
  return gradeParts((l) => sideMargin + l, line);
}

/** A total bet: over wins when the combined score exceeds the line, under when it falls short. */
export function gradeTotal(total: number, selection: "over" | "under", line: number): LineGrade {
  const s = selection === "over" ? 1 : -1;
  return gradeParts((l) => s * (total - l), line);
}
