import { describeZodError, SourceError } from "@edgeline/sdk";
import { parse } from "csv-parse/sync";
import { Decimal } from "decimal.js";
import { z } from "zod";

/**
 * The sportsbookreview.com historical archive ("nba odds 2018-19.xlsx" saved as CSV). One row
 * per team, games as consecutive V/H pairs (N/N on neutral sites; then the first row is taken as
 * the visitor). Two layouts exist:
 *
 * - spread/total (NBA, NFL, NCAA): `Date,Rot,VH,Team,<period scores>,Final,Open,Close,ML,2H`.
 *   Open/Close hold a spread on the favourite's row and the total on the other row (the larger
 *   number is the total; "pk" = spread 0). ML is the closing American moneyline. No juice is
 *   given for spreads/totals.
 * - moneyline (NHL, MLB): `Date,Rot,VH,Team,[Pitcher,]<period scores>,Final,Open,Close,PuckLine|RunLine,<odds>,OpenOU,<odds>,CloseOU,<odds>`.
 *   Open/Close are American moneylines; each line column is followed by an unnamed column with
 *   its American price.
 *
 * Date is MMDD without a year; the caller says which season the file is.
 */
export type SbrLayout = "spread-total" | "moneyline";

export interface SbrSide {
  rot: number;
  team: string;
  final: number | null;
  /** Closing American moneyline. */
  moneyline: Decimal | null;
  openingMoneyline: Decimal | null;
}

export interface SbrGame {
  /** `YYYY-MM-DD`, local date. */
  date: string;
  neutral: boolean;
  visitor: SbrSide;
  home: SbrSide;
  /** Home side's handicap (negative = home favoured) and its American price when the layout has one. */
  openSpread: Decimal | null;
  closeSpread: { homeLine: Decimal; homePrice: Decimal | null; visitorPrice: Decimal | null } | null;
  openTotal: Decimal | null;
  closeTotal: { points: Decimal; overPrice: Decimal | null; underPrice: Decimal | null } | null;
  /** 1-based CSV line of the visitor row, for error messages. */
  line: number;
}

export interface SbrSeason {
  /** Calendar year in which the season starts (2018 for "2018-19"). */
  startYear: number;
  /** Months ≥ this belong to startYear, earlier ones to the next year. @defaultValue 7 (use 1 for MLB) */
  startMonth?: number;
}

const cell = z.string().trim();
/** A line or price cell: number, "pk" (pick'em = 0), "NL"/"" (no line), ½ written out. */
const lineCell = cell.transform((raw, ctx) => {
  const text = raw.toLowerCase().replace("½", ".5");
  if (text === "" || text === "nl" || text === "-") return null;
  if (text === "pk" || text === "pick") return new Decimal(0);
  if (!/^[+-]?\d+(\.\d+)?$/.test(text)) {
    ctx.addIssue({ code: "custom", message: `expected a number, "pk" or "NL", got "${raw}"` });
    return z.NEVER;
  }
  return new Decimal(text.startsWith(".") ? `0${text}` : text);
});
const intCell = cell.regex(/^\d+$/, "expected a whole number").transform(Number);
const optionalIntCell = cell.transform((raw, ctx) => {
  if (raw === "" || raw.toLowerCase() === "nl") return null;
  if (!/^\d+$/.test(raw)) {
    ctx.addIssue({ code: "custom", message: `expected a score, got "${raw}"` });
    return z.NEVER;
  }
  return Number(raw);
});

const rowSchema = z.object({
  Date: cell.regex(/^\d{3,4}$/, "expected MMDD like 1016 or 101"),
  Rot: intCell,
  VH: cell.toUpperCase().pipe(z.enum(["V", "H", "N"])),
  Team: cell.min(1),
  Final: optionalIntCell,
  Open: lineCell,
  Close: lineCell,
  ML: lineCell.optional(),
  // moneyline layout: each line column followed by its price (named below as "<col>Price").
  Line: lineCell.optional(),
  LinePrice: lineCell.optional(),
  CloseOU: lineCell.optional(),
  CloseOUPrice: lineCell.optional(),
  OpenOU: lineCell.optional(),
});
type SbrRow = z.infer<typeof rowSchema>;

export function detectLayout(header: readonly string[]): SbrLayout {
  return header.some((h) => h.trim().toUpperCase() === "ML") ? "spread-total" : "moneyline";
}

/** Parses the archive CSV into games. `where` names the file in errors. */
export function parseSbrCsv(
  text: string,
  season: SbrSeason,
  where = "sbr.csv",
): { layout: SbrLayout; games: SbrGame[] } {
  const fail = (detail: string, jsonPath?: string) =>
    new SourceError({
      source: "sbr",
      url: where,
      kind: "schema",
      operation: "READ",
      detail,
      ...(jsonPath ? { jsonPath } : {}),
    });
  const table: string[][] = parse(text, {
    bom: true,
    skip_empty_lines: true,
    relax_column_count: true,
    trim: true,
  });
  const [header, ...body] = table;
  if (!header) throw fail("empty file");
  const layout = detectLayout(header);
  const named = nameColumns(header);
  for (const required of ["Date", "Rot", "VH", "Team", "Final", "Open", "Close"]) {
    if (!named.includes(required)) throw fail(`header has no ${required} column: ${header.join(",")}`);
  }

  const rows = body.map((cells, i) => {
    const record = Object.fromEntries(named.map((name, c) => [name, cells[c] ?? ""]));
    const parsed = rowSchema.safeParse(record);
    if (!parsed.success) {
      const { jsonPath, message } = describeZodError(parsed.error);
      const path = `line ${i + 2}.${jsonPath}`;
      throw fail(`${path}: ${message}`, path);
    }
    return { row: parsed.data, line: i + 2 };
  });

  const games: SbrGame[] = [];
  for (let i = 0; i < rows.length; i += 2) {
    const first = rows[i]!;
    const second = rows[i + 1];
    if (!second)
      throw fail(`line ${first.line}: ${first.row.Team} has no opponent row (rows come in V/H pairs)`);
    const neutral = first.row.VH === "N" && second.row.VH === "N";
    if (!neutral && (first.row.VH !== "V" || second.row.VH !== "H")) {
      throw fail(
        `lines ${first.line}-${second.line}: expected a V row then an H row, got ${first.row.VH}/${second.row.VH}`,
      );
    }
    if (first.row.Date !== second.row.Date) {
      throw fail(
        `lines ${first.line}-${second.line}: pair has two dates (${first.row.Date}, ${second.row.Date})`,
      );
    }
    games.push(toGame(first.row, second.row, layout, season, neutral, first.line));
  }
  return { layout, games };
}

/** Header names, with the unnamed price column after a line column named after it. */
function nameColumns(header: readonly string[]): string[] {
  return header.map((raw, i) => {
    const name = raw.trim();
    const previous = header[i - 1]?.trim() ?? "";
    if (name === "" && previous !== "") return `${lineColumnName(previous)}Price`;
    return lineColumnName(name);
  });
}

function lineColumnName(name: string): string {
  return /^(PuckLine|RunLine)$/i.test(name) ? "Line" : name;
}

function toGame(
  v: SbrRow,
  h: SbrRow,
  layout: SbrLayout,
  season: SbrSeason,
  neutral: boolean,
  line: number,
): SbrGame {
  const side = (row: SbrRow, openingMoneyline: Decimal | null, moneyline: Decimal | null): SbrSide => ({
    rot: row.Rot,
    team: row.Team,
    final: row.Final,
    moneyline,
    openingMoneyline,
  });
  const date = seasonDate(v.Date, season);
  if (layout === "moneyline") {
    const homeLine = h.Line ?? (v.Line ? v.Line.negated() : null);
    return {
      date,
      neutral,
      line,
      visitor: side(v, v.Open, v.Close),
      home: side(h, h.Open, h.Close),
      openSpread: null,
      closeSpread: homeLine
        ? { homeLine, homePrice: h.LinePrice ?? null, visitorPrice: v.LinePrice ?? null }
        : null,
      openTotal: v.OpenOU ?? h.OpenOU ?? null,
      closeTotal: v.CloseOU
        ? { points: v.CloseOU, overPrice: v.CloseOUPrice ?? null, underPrice: h.CloseOUPrice ?? null }
        : null,
    };
  }
  const open = splitSpreadTotal(v.Open, h.Open);
  const close = splitSpreadTotal(v.Close, h.Close);
  return {
    date,
    neutral,
    line,
    visitor: side(v, null, v.ML ?? null),
    home: side(h, null, h.ML ?? null),
    openSpread: open.homeLine,
    closeSpread: close.homeLine ? { homeLine: close.homeLine, homePrice: null, visitorPrice: null } : null,
    openTotal: open.total,
    closeTotal: close.total ? { points: close.total, overPrice: null, underPrice: null } : null,
  };
}

/**
 * In the spread/total layout the favourite's row carries the spread and the other row the total.
 * With only one number present we cannot tell which it is, so neither is reported.
 */
function splitSpreadTotal(
  visitor: Decimal | null,
  home: Decimal | null,
): { homeLine: Decimal | null; total: Decimal | null } {
  if (!visitor || !home) return { homeLine: null, total: null };
  if (home.lte(visitor)) return { homeLine: home.negated().plus(0), total: visitor }; // home favoured
  return { homeLine: visitor, total: home }; // visitor favoured: home gets +points
}

function seasonDate(mmdd: string, season: SbrSeason): string {
  const padded = mmdd.padStart(4, "0");
  const month = Number(padded.slice(0, 2));
  const day = Number(padded.slice(2));
  const year = month >= (season.startMonth ?? 7) ? season.startYear : season.startYear + 1;
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}
