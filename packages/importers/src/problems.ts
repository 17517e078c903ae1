/**
 * What went wrong where. Every parser collects problems instead of stopping at the first, so one
 * run lists every bad cell of a file. An error refuses the file unless the caller asked to skip
 * bad rows; a warning (a stated repair, a note) never does.
 */

export interface Problem {
  /** File name as the caller gave it. */
  file: string;
  /** Worksheet name for workbooks, null for CSV. */
  sheet: string | null;
  /** 1-based row of the sheet, or line of the CSV (the header is row 1); null for the whole file. */
  row: number | null;
  /** Header label of the column (and the cell reference in workbooks, "ML (L12)"); null when the problem is a whole row. */
  column: string | null;
  /** The cell's text as read, null when there is none. */
  value: string | null;
  message: string;
  severity: "error" | "warning";
  /**
   * What was dropped in skip mode: the game (the row, or the pair of rows), or only the quotes of
   * one price group (one book's one market in one phase). Warnings drop nothing.
   */
  drops: "game" | "prices" | "nothing";
}

export function formatProblem(p: Problem): string {
  const where = [p.sheet ? `${p.file} [${p.sheet}]` : p.file];
  if (p.row !== null) where.push(`row ${p.row}`);
  if (p.column !== null) where.push(`column ${p.column}`);
  if (p.value !== null) where.push(`value ${JSON.stringify(p.value)}`);
  return `${where.join(", ")}: ${p.message}`;
}

/** Thrown when a file is refused; `problems` lists every error found (and the warnings). */
export class ImportError extends Error {
  readonly problems: readonly Problem[];

  constructor(summary: string, problems: readonly Problem[]) {
    const errors = problems.filter((p) => p.severity === "error");
    const shown = errors.slice(0, 20).map((p) => `  ${formatProblem(p)}`);
    const more = errors.length > shown.length ? [`  … and ${errors.length - shown.length} more`] : [];
    super([summary, ...shown, ...more].join("\n"));
    this.name = "ImportError";
    this.problems = problems;
  }
}

/** How many games and price groups skip mode dropped. */
export interface SkipCounts {
  games: number;
  priceGroups: number;
}

export type Where = Pick<Problem, "row" | "column" | "value">;

/** Collects the problems of one file (one sheet). */
export class ProblemLog {
  readonly problems: Problem[] = [];
  readonly skipped: SkipCounts = { games: 0, priceGroups: 0 };

  constructor(
    readonly file: string,
    readonly sheet: string | null,
    readonly skipBadRows: boolean,
  ) {}

  /**
   * A bad cell that makes the whole game unusable (its result, teams or date). The caller drops
   * the game and calls `skippedGame()` once for it, however many of its cells were bad.
   */
  gameError(where: Where, message: string): void {
    this.add(where, message, "error", "game");
  }

  /** A bad cell that makes one price group unusable; the game itself stands. */
  priceError(where: Where, message: string): void {
    this.add(where, message, "error", "prices");
    this.skipped.priceGroups++;
  }

  skippedGame(): void {
    this.skipped.games++;
  }

  warn(where: Where, message: string): void {
    this.add(where, message, "warning", "nothing");
  }

  get errorCount(): number {
    return this.problems.reduce((n, p) => n + (p.severity === "error" ? 1 : 0), 0);
  }

  /** A problem with the file as a whole (no layout, no season): always refuses it. */
  refuse(message: string, where: Partial<Where> = {}): never {
    const problem: Problem = {
      file: this.file,
      sheet: this.sheet,
      row: where.row ?? null,
      column: where.column ?? null,
      value: where.value ?? null,
      message,
      severity: "error",
      drops: "game",
    };
    throw new ImportError(`${this.file}: refused: ${message}`, [...this.problems, problem]);
  }

  /** Throws when any error was found and the caller did not ask to skip bad rows. */
  finish(): void {
    const errors = this.errorCount;
    if (errors > 0 && !this.skipBadRows) {
      throw new ImportError(
        `${this.file}: ${errors} bad ${errors === 1 ? "cell" : "cells"}; nothing imported (the skip-bad-rows option, --skip-bad-rows in the CLI, skips and counts them)`,
        this.problems,
      );
    }
  }

  private add(where: Where, message: string, severity: Problem["severity"], drops: Problem["drops"]): void {
    this.problems.push({ file: this.file, sheet: this.sheet, ...where, message, severity, drops });
  }
}
