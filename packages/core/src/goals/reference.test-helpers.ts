// Reads ../shared/reference/dixon-coles-epl-2023-24.md in place: the exact maximum-likelihood fit
// (column C) of penaltyblog's Dixon-Coles on the shared EPL 2023-24 season, with and without time
// decay, as published there. Nothing of it is copied into the repository.
import { readFileSync } from "node:fs";
import { sharedPath } from "@edgeline/testkit";
import { parse } from "csv-parse/sync";
import type { GoalsGame } from "./fit.ts";

export const referencePath = ["reference", "dixon-coles-epl-2023-24.md"] as const;
export const eplSeasonPath = ["datasets", "football-data", "E0-2023-24.csv"] as const;

export interface ReferenceFixture {
  date: string;
  home: string;
  away: string;
  lambdaHome: number;
  lambdaAway: number;
  home1x2: number;
  draw: number;
  away1x2: number;
  over25: number;
}

export interface ReferenceFit {
  attack: Record<string, number>;
  defence: Record<string, number>;
  homeAdvantage: number;
  rho: number;
  logLikelihood: number;
  fixtures: ReferenceFixture[];
  /** Man United (rows, home goals 0-5) v Fulham (columns). */
  grid: number[][];
}

const cells = (line: string) =>
  line
    .trim()
    .replace(/^\||\|$/g, "")
    .split("|")
    .map((c) => c.trim());

function section(text: string, heading: string, next?: string): string {
  const start = text.indexOf(heading);
  if (start < 0) throw new Error(`reference: section "${heading}" not found`);
  const end = next ? text.indexOf(next, start) : text.length;
  return text.slice(start, end < 0 ? text.length : end);
}

function parseFit(part: string): ReferenceFit {
  const rows = part
    .split("\n")
    .filter((l) => l.startsWith("|"))
    .map(cells);
  const fit: ReferenceFit = {
    attack: {},
    defence: {},
    homeAdvantage: NaN,
    rho: NaN,
    logLikelihood: NaN,
    fixtures: [],
    grid: [],
  };
  const gridStart = part.indexOf("Score grid");
  const gridRows = part
    .slice(gridStart)
    .split("\n")
    .filter((l) => /^\| \d \|/.test(l))
    .map((l) => cells(l).slice(1).map(Number));
  fit.grid = gridRows;
  let inTeams = false;
  for (const r of rows) {
    if (r[0] === "Team") {
      inTeams = true;
      continue;
    }
    if (r[0] === "" && r[1]?.startsWith("C:")) inTeams = false;
    if (inTeams && r.length === 5 && !r[0]!.startsWith("---")) {
      fit.attack[r[0]!] = Number(r[1]);
      fit.defence[r[0]!] = Number(r[2]);
    }
    if (r[0] === "home advantage") fit.homeAdvantage = Number(r[1]);
    if (r[0] === "rho") fit.rho = Number(r[1]);
    if (r[0]?.startsWith("log-likelihood")) fit.logLikelihood = Number(r[1]);
    const fixture = /^(\d\d)\/(\d\d)\/(\d{4}) (.+) v (.+)$/.exec(r[0] ?? "");
    if (fixture && r[1] === "C") {
      const [lh, la, ph, pd, pa, po] = r.slice(2).map(Number) as [
        number,
        number,
        number,
        number,
        number,
        number,
      ];
      fit.fixtures.push({
        date: `${fixture[3]}-${fixture[2]}-${fixture[1]}`,
        home: fixture[4]!,
        away: fixture[5]!,
        lambdaHome: lh,
        lambdaAway: la,
        home1x2: ph,
        draw: pd,
        away1x2: pa,
        over25: po,
      });
    }
  }
  return fit;
}

/** Column C of Task 2 (no decay) and Task 3 (ξ = 0.0018). */
export function readReference(): { noDecay: ReferenceFit; decay: ReferenceFit } {
  const text = readFileSync(sharedPath(...referencePath), "utf8");
  return {
    noDecay: parseFit(section(text, "## Task 2", "## Task 3")),
    decay: parseFit(section(text, "## Task 3")),
  };
}

/** dd/mm/yyyy (football-data's Date) as YYYY-MM-DD. */
export function isoFromFootballData(date: string): string {
  const m = /^(\d\d)\/(\d\d)\/(\d{4})$/.exec(date);
  if (!m) throw new Error(`football-data date "${date}" is not dd/mm/yyyy`);
  return `${m[3]}-${m[2]}-${m[1]}`;
}

/** The shared EPL season's rows (the CSV's own columns). */
export function readEplRows(): Record<string, string>[] {
  return parse(readFileSync(sharedPath(...eplSeasonPath), "utf8"), { columns: true, skip_empty_lines: true });
}

export function eplGames(rows: readonly Record<string, string>[] = readEplRows()): GoalsGame[] {
  return rows.map((r) => ({
    date: isoFromFootballData(r.Date!),
    home: r.HomeTeam!,
    away: r.AwayTeam!,
    homeGoals: Number(r.FTHG),
    awayGoals: Number(r.FTAG),
  }));
}
