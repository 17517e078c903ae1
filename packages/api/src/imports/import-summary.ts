// What `edgeline import` prints: per file and in total, what the files held and what writing them
// changed (so a second import says it wrote nothing, and a revised file how many rows and cells it
// changed), the problems with their file, sheet, row, column and value, and what was skipped.
import { formatProblem, type Problem } from "@edgeline/importers";
import type { FileOutcome, ImportOutcome } from "./import-history.ts";

const n = (x: number) => x.toLocaleString("en-US");
/** A count with its noun, singular for one: "1 game", "2 games". */
const count = (x: number, one: string, many = `${one}s`) => `${n(x)} ${x === 1 ? one : many}`;
/** Problems listed per file before "… and N more". */
const SHOWN = 25;

export interface ImportTotals {
  files: number;
  games: { read: number; inserted: number; updated: number; unchanged: number; cells: number };
  quotes: { read: number; added: number; revised: number; cells: number; currentRows: number };
  forecasts: { read: number; inserted: number; updated: number; cells: number };
  warnings: number;
  skipped: { games: number; priceGroups: number; errors: number };
  /** Rows inserted or changed in all tables. */
  rowsWritten: number;
}

export function importTotals(files: readonly FileOutcome[]): ImportTotals {
  const t: ImportTotals = {
    files: files.length,
    games: { read: 0, inserted: 0, updated: 0, unchanged: 0, cells: 0 },
    quotes: { read: 0, added: 0, revised: 0, cells: 0, currentRows: 0 },
    forecasts: { read: 0, inserted: 0, updated: 0, cells: 0 },
    warnings: 0,
    skipped: { games: 0, priceGroups: 0, errors: 0 },
    rowsWritten: 0,
  };
  for (const f of files) {
    t.games.read += f.parsed.games;
    t.quotes.read += f.parsed.quotes;
    t.forecasts.read += f.parsed.forecasts;
    t.warnings += f.problems.filter((p) => p.severity === "warning").length;
    t.skipped.errors += f.problems.filter((p) => p.severity === "error").length;
    t.skipped.games += f.skipped.games;
    t.skipped.priceGroups += f.skipped.priceGroups;
    const w = f.written;
    if (!w) continue;
    t.games.inserted += w.games.inserted;
    t.games.updated += w.games.updated;
    t.games.unchanged += w.games.unchanged;
    t.games.cells += w.games.cells;
    t.quotes.added += w.prices.quotesAdded;
    t.quotes.revised += w.prices.quotesRevised;
    t.quotes.cells += w.prices.cellsRevised;
    t.quotes.currentRows += w.prices.odds;
    t.forecasts.inserted += w.forecasts.inserted;
    t.forecasts.updated += w.forecasts.updated;
    t.forecasts.cells += w.forecasts.cells;
  }
  t.rowsWritten =
    t.games.inserted +
    t.games.updated +
    t.quotes.added +
    t.quotes.revised +
    t.quotes.currentRows +
    t.forecasts.inserted +
    t.forecasts.updated;
  return t;
}

function listProblems(problems: readonly Problem[], severity: Problem["severity"]): string[] {
  const chosen = problems.filter((p) => p.severity === severity);
  const lines = chosen.slice(0, SHOWN).map((p) => `    ${formatProblem(p)}`);
  if (chosen.length > SHOWN) lines.push(`    … and ${n(chosen.length - SHOWN)} more (--json lists them all)`);
  return lines;
}

function fileLine(f: FileOutcome): string {
  const w = f.written;
  const games = w
    ? `${n(f.parsed.games)} games (${n(w.games.inserted)} new, ${n(w.games.updated)} changed in ${n(w.games.cells)} cells, ${n(w.games.unchanged)} unchanged)`
    : `${n(f.parsed.games)} games`;
  const quotes = w
    ? `${n(f.parsed.quotes)} quotes (${n(w.prices.quotesAdded)} added, ${n(w.prices.quotesRevised)} revised in ${n(w.prices.cellsRevised)} cells; ${n(w.prices.odds)} current-price rows)`
    : `${n(f.parsed.quotes)} quotes`;
  const forecasts =
    f.parsed.forecasts === 0
      ? ""
      : w
        ? `, ${n(f.parsed.forecasts)} forecasts (${n(w.forecasts.inserted)} new, ${n(w.forecasts.updated)} changed)`
        : `, ${n(f.parsed.forecasts)} forecasts`;
  return `${f.file} [${f.layout}]: ${games}, ${quotes}${forecasts}`;
}

/** The lines printed after an import (or a refused one). */
export function summaryLines(outcome: ImportOutcome, seconds: number): string[] {
  const lines: string[] = [];
  if (!outcome.ok) {
    for (const r of outcome.refused) {
      lines.push(`refused: ${r.message.split("\n")[0]}`);
      lines.push(...(r.problems.length > 0 ? listProblems(r.problems, "error") : []));
    }
    const errors = outcome.refused.reduce(
      (k, r) => k + r.problems.filter((p) => p.severity === "error").length,
      0,
    );
    lines.push(
      `nothing written: ${outcome.refused.length} of ${outcome.refused.length + outcome.parsed.length} files refused with ${count(errors, "error")}` +
        " (unknown team names always refuse a file; --skip-bad-rows skips and counts malformed rows)",
    );
    return lines;
  }
  for (const f of outcome.files) {
    lines.push(fileLine(f));
    const skippedErrors = listProblems(f.problems, "error");
    if (skippedErrors.length > 0) lines.push("  skipped:", ...skippedErrors);
    const warnings = listProblems(f.problems, "warning");
    if (warnings.length > 0) lines.push("  warnings:", ...warnings);
  }
  const t = importTotals(outcome.files);
  lines.push(
    `${outcome.sport}: ${n(t.files)} files in ${seconds.toFixed(2)} s: games ${n(t.games.read)} (${n(t.games.inserted)} new, ${n(t.games.updated)} changed in ${n(t.games.cells)} cells), ` +
      `quotes ${n(t.quotes.read)} (${n(t.quotes.added)} added, ${n(t.quotes.revised)} revised in ${n(t.quotes.cells)} cells)` +
      (t.forecasts.read > 0
        ? `, forecasts ${n(t.forecasts.read)} (${n(t.forecasts.inserted)} new, ${n(t.forecasts.updated)} changed)`
        : "") +
      `; problems: ${count(t.warnings, "warning")}, ${count(t.skipped.errors, "error")} skipped; skipped ${count(t.skipped.games, "game")} and ${count(t.skipped.priceGroups, "price group")}`,
  );
  if (t.rowsWritten === 0) lines.push("nothing written: the database already holds every row of these files");
  return lines;
}

/** The `--json` document. */
export function summaryJson(outcome: ImportOutcome, seconds: number): unknown {
  if (!outcome.ok) return { ok: false, sport: outcome.sport, seconds, refused: outcome.refused };
  return {
    ok: true,
    sport: outcome.sport,
    seconds,
    totals: importTotals(outcome.files),
    files: outcome.files,
  };
}
