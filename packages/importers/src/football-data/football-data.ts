import { readFile } from "node:fs/promises";
import { calendarDayIn, type EntityIndex, type GameDraft, groupBy, instantInZone } from "@edgeline/sdk";
import { Decimal } from "decimal.js";
import { z } from "zod";
import { withGameIds } from "../game-ids.ts";
import { decimalOdds, overround, storedLine } from "../prices.ts";
import { ProblemLog } from "../problems.ts";
import {
  type CommonImportOptions,
  type ImportedGame,
  type ImportResult,
  type Quote,
  validateQuote,
} from "../records.ts";
import { csvTable, type Table, type TableRow } from "../table.ts";
import { TeamNames } from "../team-names.ts";
import { MARKET_MAX, type PriceColumn, priceColumns } from "./football-data-columns.ts";
import { NOMINAL_KICKOFF, openingQuotedAt, UK } from "./football-data-times.ts";

export interface FootballDataOptions extends CommonImportOptions {
  /** Sport code, the prefix of game ids ("EPL", "LIGUE1"). */
  sport: string;
  /** The league's entity catalog; names are looked up under `codes["football-data"]`. */
  entities: EntityIndex;
  /** The league's zone: `gameDate` is the kick-off's day there. @defaultValue "Europe/London" */
  timeZone?: string;
  /** Season by its first year; by default from the first game (July on: that year, else the one before). */
  season?: number;
}

/**
 * A book's 1X2, total or handicap prices whose implied probabilities sum outside this range are an
 * error in the file (real books: 1.01-1.15). The market maximum is exempt: it mixes books and
 * routinely sums below 1.
 */
export const BOOK_OVERROUND = { min: 0.97, max: 1.25 } as const;

const FIELDS = ["Div", "Date", "Time", "HomeTeam", "AwayTeam", "FTHG", "FTAG", "FTR", "HTHG", "HTAG", "HTR"];
const goals = z.string().regex(/^\d+$/, "expected a whole number of goals");
const result = z.enum(["H", "D", "A"], { message: "expected H, D or A" });
const rowSchema = z.object({
  Date: z.string().regex(/^\d{1,2}\/\d{1,2}\/(\d{2}|\d{4})$/, "expected dd/mm/yyyy"),
  Time: z
    .string()
    .regex(/^([01]?\d|2[0-3]):[0-5]\d$/, "expected HH:MM")
    .optional(),
  HomeTeam: z.string().min(1, "empty team name"),
  AwayTeam: z.string().min(1, "empty team name"),
  FTHG: goals.optional(),
  FTAG: goals.optional(),
  FTR: result.optional(),
  HTHG: goals.optional(),
  HTAG: goals.optional(),
  HTR: result.optional(),
});
type Row = z.infer<typeof rowSchema>;

/** dd/mm/yyyy (or dd/mm/yy) to YYYY-MM-DD, or undefined for a day that does not exist. */
function isoDay(text: string): string | undefined {
  const [d, m, y] = text.split("/") as [string, string, string];
  const year = y.length === 2 ? (Number(y) < 50 ? 2000 + Number(y) : 1900 + Number(y)) : Number(y);
  const day = `${year}-${m.padStart(2, "0")}-${d.padStart(2, "0")}`;
  return new Date(`${day}T00:00:00Z`).toISOString().startsWith(day) ? day : undefined;
}

const outcomeOf = (home: number, away: number) => (home > away ? "H" : home < away ? "A" : "D");

interface RowRead {
  draft: GameDraft;
  game: Omit<ImportedGame, "game">;
  quotes: Omit<Quote, "gameId">[];
}

/** Parses one football-data.co.uk CSV (one league, one season). */
export function parseFootballDataTable(table: Table, options: FootballDataOptions): ImportResult {
  const file = options.fileName ?? table.file;
  const log: ProblemLog = new ProblemLog(file, table.sheet, options.skipBadRows ?? false);
  const header = table.header;
  for (const required of ["Date", "HomeTeam", "AwayTeam", "FTHG", "FTAG"]) {
    if (!header.includes(required)) log.refuse(`not a football-data.co.uk file: no ${required} column`);
  }
  const columns = priceColumns(header, new Set(FIELDS));
  if (columns.duplicates.length) log.refuse(`columns claim the same price: ${columns.duplicates.join("; ")}`);
  const teams = new TeamNames(options.entities, "football-data");
  const zone = options.timeZone ?? UK;
  const reads: RowRead[] = [];
  let season = options.season;

  for (const row of table.rows) {
    const raw = Object.fromEntries(
      FIELDS.filter((f) => header.includes(f)).flatMap((f) => {
        const v = row.cells[header.indexOf(f)];
        return v === null || v === undefined ? [] : [[f, String(v)]];
      }),
    );
    const where = (column: string | null, value?: string) => ({
      row: row.row,
      column,
      value: value ?? (column ? (raw[column] ?? "") : null),
    });
    const parsed = rowSchema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const column = String(issue.path[0] ?? "");
        log.gameError(where(column), issue.message);
      }
      log.skippedGame();
      continue;
    }
    const r = parsed.data;
    const day = isoDay(r.Date);
    const homeId = teams.resolve(r.HomeTeam, row.row);
    const awayId = teams.resolve(r.AwayTeam, row.row);
    const errors = log.errorCount;
    if (!day) log.gameError(where("Date"), "not a calendar day");
    checkResult(r, (column, message) => log.gameError(where(column), message));
    if (!day || !homeId || !awayId || log.errorCount > errors) {
      log.skippedGame();
      continue;
    }
    season ??= Number(day.slice(0, 4)) - (Number(day.slice(5, 7)) >= 7 ? 0 : 1);
    const commenceTime = instantInZone(day, r.Time ?? NOMINAL_KICKOFF, UK);
    const played = r.FTHG !== undefined && r.FTAG !== undefined;
    reads.push({
      draft: {
        sourceKey: String(row.row).padStart(6, "0"),
        sport: options.sport,
        gameDate: calendarDayIn(commenceTime, zone),
        season,
        status: played ? "Final" : "Scheduled",
        homeTeamId: homeId,
        homeTeamName: teams.displayName(homeId),
        awayTeamId: awayId,
        awayTeamName: teams.displayName(awayId),
        homeScore: played ? Number(r.FTHG) : null,
        awayScore: played ? Number(r.FTAG) : null,
        commenceTime,
        venue: null,
      },
      game: {
        startTime: r.Time ? "exact" : "nominal",
        neutral: null,
        playoff: null,
        periods: null,
        extraTime: played ? false : null,
        halfTime:
          r.HTHG !== undefined && r.HTAG !== undefined
            ? { home: Number(r.HTHG), away: Number(r.HTAG) }
            : null,
        origin: { file, sheet: table.sheet, rows: [row.row] },
      },
      quotes: readQuotes(row, columns.prices, columns.handicapLine, log, {
        opening: openingQuotedAt(day, commenceTime),
        closing: commenceTime,
      }),
    });
  }
  teams.assertAllKnown(file, table.sheet, "HomeTeam/AwayTeam");
  log.finish();

  const records = withGameIds(reads.map((r) => r.draft));
  const games: ImportedGame[] = [];
  const quotes: Quote[] = [];
  reads.forEach((r, i) => {
    const game = records[i]!;
    games.push({ game, ...r.game });
    for (const q of r.quotes) quotes.push(validateQuote({ gameId: game.gameId, ...q }));
  });
  return {
    format: "football-data",
    layout: header.includes("Time") ? "football-data-2019" : "football-data",
    games,
    quotes,
    forecasts: [],
    problems: log.problems,
    skipped: log.skipped,
    ignoredColumns: columns.ignored,
  };
}

/** FTR and HTR must agree with the goals; half-time goals cannot exceed full-time goals. */
function checkResult(r: Row, error: (column: string, message: string) => void): void {
  if ((r.FTHG === undefined) !== (r.FTAG === undefined))
    error("FTHG", "give both full-time scores or neither");
  if (r.FTHG !== undefined && r.FTAG !== undefined) {
    const actual = outcomeOf(Number(r.FTHG), Number(r.FTAG));
    if (r.FTR !== undefined && r.FTR !== actual)
      error("FTR", `result ${r.FTR} contradicts the score ${r.FTHG}-${r.FTAG}`);
    if (r.HTHG !== undefined && r.HTAG !== undefined) {
      if (Number(r.HTHG) > Number(r.FTHG) || Number(r.HTAG) > Number(r.FTAG)) {
        error("HTHG", `half-time ${r.HTHG}-${r.HTAG} is more than full time ${r.FTHG}-${r.FTAG}`);
      }
      const half = outcomeOf(Number(r.HTHG), Number(r.HTAG));
      if (r.HTR !== undefined && r.HTR !== half)
        error("HTR", `result ${r.HTR} contradicts the score ${r.HTHG}-${r.HTAG}`);
    }
  }
}

/** One row's prices, by group (one source's one market in one phase); a bad group is logged and dropped. */
function readQuotes(
  row: TableRow,
  prices: readonly PriceColumn[],
  handicapLine: Partial<Record<"opening" | "closing", number>>,
  log: ProblemLog,
  quotedAt: Record<"opening" | "closing", Date>,
): Omit<Quote, "gameId">[] {
  const groups = groupBy(prices, (c) => `${c.source}:${c.phase}:${c.market}`);
  const out: Omit<Quote, "gameId">[] = [];
  for (const group of groups.values()) {
    const cells = group.map((c) => ({
      c,
      text: row.cells[c.index] === null ? "" : String(row.cells[c.index]),
    }));
    const present = cells.filter((x) => x.text !== "");
    if (present.length === 0) continue;
    const first = group[0]!;
    const where = (label: string, value: string) => ({ row: row.row, column: label, value });
    if (present.length < cells.length) {
      const missing = cells.filter((x) => x.text === "").map((x) => x.c.label);
      log.priceError(where(first.label, present[0]!.text), `incomplete market: ${missing.join(", ")} empty`);
      continue;
    }
    const odds: Decimal[] = [];
    for (const { c, text } of cells) {
      try {
        odds.push(decimalOdds(/^\d+(\.\d+)?$/.test(text) ? text : Number.NaN));
      } catch {
        log.priceError(where(c.label, text), "expected decimal odds above 1");
      }
    }
    if (odds.length < cells.length) continue;
    if (first.source !== MARKET_MAX) {
      const sum = overround(odds);
      if (sum < BOOK_OVERROUND.min || sum > BOOK_OVERROUND.max) {
        log.priceError(
          where(first.label, cells.map((x) => x.text).join("/")),
          `impossible prices: implied probabilities sum to ${sum.toFixed(3)}, outside ${BOOK_OVERROUND.min}-${BOOK_OVERROUND.max}`,
        );
        continue;
      }
    }
    let homeLine: Decimal | null = null;
    if (first.market === "spread") {
      const at = handicapLine[first.phase];
      const text = at === undefined ? "" : String(row.cells[at] ?? "");
      if (!/^[+-]?\d+(\.\d+)?$/.test(text)) {
        const label = first.phase === "closing" ? "AHCh" : "AHh";
        log.priceError(
          where(label, text),
          `Asian handicap prices without a valid home line (${first.label})`,
        );
        continue;
      }
      homeLine = new Decimal(text);
    }
    cells.forEach(({ c }, i) => {
      const line =
        c.market === "total"
          ? storedLine(2.5)
          : c.market === "spread"
            ? storedLine(c.outcome === "home_team_win" ? homeLine! : homeLine!.negated().plus(0))
            : null;
      out.push({
        source: c.source,
        market: c.market,
        outcome: c.outcome,
        line,
        price: odds[i]!,
        phase: c.phase,
        quotedAt: quotedAt[c.phase],
      });
    });
  }
  return out;
}

/** Parses football-data.co.uk CSV text. */
export function parseFootballDataCsv(
  text: string,
  options: FootballDataOptions & { fileName: string },
): ImportResult {
  return parseFootballDataTable(csvTable(text, options.fileName), options);
}

export async function parseFootballDataFile(
  filePath: string,
  options: FootballDataOptions,
): Promise<ImportResult> {
  const text = await readFile(filePath, "utf8");
  return parseFootballDataCsv(text, { ...options, fileName: options.fileName ?? filePath });
}
