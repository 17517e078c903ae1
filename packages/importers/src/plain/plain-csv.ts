import { readFile } from "node:fs/promises";
import {
  type EntityIndex,
  type GameDraft,
  instantInZone,
  type MarketName,
  type OutcomeName,
} from "@edgeline/sdk";
import { z } from "zod";
import { withGameIds } from "../game-ids.ts";
import { decimalOdds, overround, storedLine } from "../prices.ts";
import { ProblemLog } from "../problems.ts";
import {
  type CommonImportOptions,
  type ImportedGame,
  type ImportResult,
  type Quote,
  type QuotePhase,
  validateQuote,
} from "../records.ts";
import { csvTable, type Table, type TableRow } from "../table.ts";
import { TeamNames } from "../team-names.ts";

/**
 * The plain layout for any other history (see the package README): one row per game,
 * `date,home,away` required; `time`, `season`, `home_score`, `away_score`, `neutral`, `playoff`,
 * `source` and decimal-odds prices optional. Any other column is refused, so a typo in a header
 * is not silently ignored.
 */
export interface PlainCsvOptions extends CommonImportOptions {
  sport: string;
  /** Names are looked up under `codes.plain`, then as ids, then among the catalog's names. */
  entities: EntityIndex;
  /** Zone of `date` and `time`. @defaultValue "UTC" */
  timeZone?: string;
  /** Start when a row has no `time`, marked `nominal`. @defaultValue "19:00" */
  nominalStart?: string;
  /** Source key of rows without a `source` column or cell. @defaultValue "plain" */
  source?: string;
}

/** Opening prices of the plain layout are taken as quoted this long before the start. */
export const PLAIN_OPENING_LEAD_MS = 24 * 3_600_000;

interface PriceGroup {
  market: MarketName;
  /** The line column (spread: the home handicap), none for moneylines. */
  line: string | null;
  prices: [column: string, outcome: OutcomeName][];
}

const CLOSING_GROUPS: PriceGroup[] = [
  {
    market: "moneyline",
    line: null,
    prices: [
      ["home_price", "home_team_win"],
      ["draw_price", "draw"],
      ["away_price", "away_team_win"],
    ],
  },
  {
    market: "spread",
    line: "spread",
    prices: [
      ["spread_home_price", "home_team_win"],
      ["spread_away_price", "away_team_win"],
    ],
  },
  {
    market: "total",
    line: "total",
    prices: [
      ["over_price", "over"],
      ["under_price", "under"],
    ],
  },
];
const opening = (g: PriceGroup): PriceGroup => ({
  market: g.market,
  line: g.line && `open_${g.line}`,
  prices: g.prices.map(([c, o]) => [`open_${c}`, o]),
});
const GROUPS: [QuotePhase, PriceGroup][] = [
  ...CLOSING_GROUPS.map((g): [QuotePhase, PriceGroup] => ["closing", g]),
  ...CLOSING_GROUPS.map((g): [QuotePhase, PriceGroup] => ["opening", opening(g)]),
];

export const PLAIN_COLUMNS: readonly string[] = [
  "date",
  "time",
  "season",
  "home",
  "away",
  "home_score",
  "away_score",
  "neutral",
  "playoff",
  "source",
  ...GROUPS.flatMap(([, g]) => [...(g.line ? [g.line] : []), ...g.prices.map(([c]) => c)]),
];

const flag = z
  .enum(["", "0", "1", "true", "false"], { message: "expected 0, 1, true or false" })
  .transform((s) => s === "1" || s === "true");
const score = z.union([z.literal(""), z.string().regex(/^\d+$/, "expected a whole number or empty")]);
const rowSchema = z.object({
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected YYYY-MM-DD"),
  time: z.union([z.literal(""), z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "expected HH:MM")]),
  season: z.union([z.literal(""), z.string().regex(/^\d{4}$/, "expected the season's first year")]),
  home: z.string().min(1, "empty team"),
  away: z.string().min(1, "empty team"),
  home_score: score,
  away_score: score,
  neutral: flag,
  playoff: flag,
  source: z.union([
    z.literal(""),
    z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "expected a key such as pinnacle"),
  ]),
});

export function parsePlainTable(table: Table, options: PlainCsvOptions): ImportResult {
  const file = options.fileName ?? table.file;
  const log: ProblemLog = new ProblemLog(file, null, options.skipBadRows ?? false);
  const known = new Set(PLAIN_COLUMNS);
  const unknown = table.header.filter((h) => !known.has(h));
  if (unknown.length)
    log.refuse(`unknown columns ${unknown.join(", ")}; the plain layout has ${PLAIN_COLUMNS.join(", ")}`);
  const missing = ["date", "home", "away"].filter((c) => !table.header.includes(c));
  if (missing.length) log.refuse(`missing columns ${missing.join(", ")}`);
  const teams = new TeamNames(options.entities, "plain");
  const zone = options.timeZone ?? "UTC";
  const reads: { draft: GameDraft; game: Omit<ImportedGame, "game">; quotes: Omit<Quote, "gameId">[] }[] = [];

  for (const row of table.rows) {
    const get = (c: string) => {
      const i = table.header.indexOf(c);
      return i < 0 ? "" : String(row.cells[i] ?? "");
    };
    const where = (column: string, value = get(column)) => ({ row: row.row, column, value });
    const parsed = rowSchema.safeParse(
      Object.fromEntries(Object.keys(rowSchema.shape).map((k) => [k, get(k)])),
    );
    if (!parsed.success) {
      for (const issue of parsed.error.issues) log.gameError(where(String(issue.path[0])), issue.message);
      log.skippedGame();
      continue;
    }
    const r = parsed.data;
    const errors = log.errorCount;
    const homeId = teams.resolve(r.home, row.row);
    const awayId = teams.resolve(r.away, row.row);
    if (!new Date(`${r.date}T00:00:00Z`).toISOString().startsWith(r.date))
      log.gameError(where("date"), "not a calendar day");
    if ((r.home_score === "") !== (r.away_score === ""))
      log.gameError(where("home_score"), "give both scores or neither");
    if (!homeId || !awayId || log.errorCount > errors) {
      log.skippedGame();
      continue;
    }
    const played = r.home_score !== "" && r.away_score !== "";
    const commenceTime = instantInZone(r.date, r.time || (options.nominalStart ?? "19:00"), zone);
    const source = r.source || (options.source ?? "plain");
    reads.push({
      draft: {
        sourceKey: String(row.row).padStart(7, "0"),
        sport: options.sport,
        gameDate: r.date,
        season: r.season === "" ? null : Number(r.season),
        status: played ? "Final" : "Scheduled",
        homeTeamId: homeId,
        homeTeamName: teams.displayName(homeId),
        awayTeamId: awayId,
        awayTeamName: teams.displayName(awayId),
        homeScore: played ? Number(r.home_score) : null,
        awayScore: played ? Number(r.away_score) : null,
        commenceTime,
        venue: null,
      },
      game: {
        startTime: r.time ? "exact" : "nominal",
        neutral: table.header.includes("neutral") ? r.neutral : null,
        playoff: table.header.includes("playoff") ? r.playoff : null,
        periods: null,
        extraTime: null,
        halfTime: null,
        origin: { file, sheet: null, rows: [row.row] },
      },
      quotes: readPrices(row, get, log, source, {
        closing: commenceTime,
        opening: new Date(commenceTime.getTime() - PLAIN_OPENING_LEAD_MS),
      }),
    });
  }
  teams.assertAllKnown(file, null, "home/away");
  log.finish();
  const records = withGameIds(reads.map((r) => r.draft));
  return {
    format: "plain",
    layout: "plain",
    games: reads.map((r, i) => ({ game: records[i]!, ...r.game })),
    quotes: reads.flatMap((r, i) => r.quotes.map((q) => validateQuote({ gameId: records[i]!.gameId, ...q }))),
    forecasts: [],
    problems: log.problems,
    skipped: log.skipped,
    ignoredColumns: [],
  };
}

/** A moneyline needs all its prices (2 or 3 with a draw); a spread or total needs its line, prices optional. */
function readPrices(
  row: TableRow,
  get: (c: string) => string,
  log: ProblemLog,
  source: string,
  quotedAt: Record<QuotePhase, Date>,
): Omit<Quote, "gameId">[] {
  const out: Omit<Quote, "gameId">[] = [];
  for (const [phase, g] of GROUPS) {
    const lineText = g.line ? get(g.line) : "";
    const cells = g.prices.map(([c, o]) => ({ c, o, text: get(c) }));
    const given = cells.filter((x) => x.text !== "");
    if (given.length === 0 && lineText === "") continue;
    const where = (column: string, value = get(column)) => ({ row: row.row, column, value });
    if (g.market === "moneyline") {
      const needed = cells.filter((x) => x.o !== "draw" || x.text !== "");
      if (needed.length !== given.length || given.length < 2) {
        log.priceError(
          where(cells[0]!.c),
          "a moneyline needs the home and away prices (and the draw's, if any)",
        );
        continue;
      }
    } else if (lineText === "" || !/^[+-]?\d+(\.\d+)?$/.test(lineText)) {
      log.priceError(
        where(g.line!),
        `expected the ${g.market === "spread" ? "home handicap" : "total"} as a number`,
      );
      continue;
    } else if (given.length === 1) {
      log.priceError(where(given[0]!.c), "give both prices of the line or neither");
      continue;
    }
    const prices: (ReturnType<typeof decimalOdds> | null)[] = [];
    let bad = false;
    for (const x of cells) {
      if (x.text === "") {
        prices.push(null);
        continue;
      }
      if (!/^\d+(\.\d+)?$/.test(x.text) || Number(x.text) <= 1) {
        log.priceError(where(x.c), "expected decimal odds above 1");
        bad = true;
        continue;
      }
      prices.push(decimalOdds(x.text));
    }
    if (bad) continue;
    const present = prices.filter((p): p is NonNullable<typeof p> => p !== null);
    if (present.length >= 2) {
      const sum = overround(present);
      if (sum < 0.9 || sum > 1.3) {
        log.priceError(
          where(cells[0]!.c, cells.map((x) => x.text).join("/")),
          `impossible prices: implied probabilities sum to ${sum.toFixed(3)}, outside 0.9-1.3`,
        );
        continue;
      }
    }
    cells.forEach((x, i) => {
      if (g.market === "moneyline" && prices[i] === null) return; // no draw price: a two-way market
      const line =
        g.market === "moneyline"
          ? null
          : g.market === "total" || x.o === "home_team_win"
            ? storedLine(lineText)
            : storedLine(storedLine(lineText).negated().plus(0));
      out.push({
        source,
        market: g.market,
        outcome: x.o,
        line,
        price: prices[i]!,
        phase,
        quotedAt: quotedAt[phase],
      });
    });
  }
  return out;
}

export function parsePlainCsv(text: string, options: PlainCsvOptions & { fileName: string }): ImportResult {
  return parsePlainTable(csvTable(text, options.fileName), options);
}

export async function parsePlainFile(filePath: string, options: PlainCsvOptions): Promise<ImportResult> {
  const text = await readFile(filePath, "utf8");
  return parsePlainCsv(text, { ...options, fileName: options.fileName ?? filePath });
}
