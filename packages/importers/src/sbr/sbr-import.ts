import { readFile } from "node:fs/promises";
import { type EntityIndex, type GameDraft, instantInZone } from "@edgeline/sdk";
import { withGameIds } from "../game-ids.ts";
import { ProblemLog } from "../problems.ts";
import {
  type CommonImportOptions,
  type ImportedGame,
  type ImportResult,
  type Quote,
  validateQuote,
} from "../records.ts";
import { csvTable, type Table, type TableRow, workbookTables } from "../table.ts";
import { TeamNames } from "../team-names.ts";
import { readCount } from "./sbr-cells.ts";
import { locateLayout, type SbrLayout } from "./sbr-layout.ts";
import { inferPlayoffs } from "./sbr-playoffs.ts";
import { type QuoteDraft, SbrQuoteReader } from "./sbr-quotes.ts";
import { checkScores, type SideScore, unshift } from "./sbr-scores.ts";
import { parseSeason, type Season, SeasonCalendar, seasonFromFileName } from "./sbr-season.ts";
import { SheetCells } from "./sbr-sheet.ts";

export interface SbrImportOptions extends CommonImportOptions {
  /** Sport code, the prefix of game ids ("NBA", "NHL"). */
  sport: string;
  /** The sport's entity catalog; names are looked up under `codes.sbr`. */
  entities: EntityIndex;
  /** "2018-19": wins over the file name; required when the name does not say the season. */
  season?: string;
  /** The league's zone for the nominal times below. @defaultValue "America/New_York" */
  timeZone?: string;
  /** The archive has no start times: games start at this local time, marked `nominal`. @defaultValue "19:00" */
  nominalStart?: string;
  /** Opening lines are taken as quoted at this local time on the game day. @defaultValue "10:00" */
  openingTime?: string;
}

const SOURCE = "sbr";

/** The fields of one game read from its pair of rows, before the game id is known. */
interface PairRead {
  draft: GameDraft;
  game: Omit<ImportedGame, "game">;
  quotes: QuoteDraft[];
  openingAt: Date;
}

function seasonOf(options: SbrImportOptions, file: string, log: ProblemLog): Season {
  if (options.season !== undefined) {
    const season = parseSeason(options.season);
    if (!season) log.refuse(`season option "${options.season}" is not a season such as 2018-19`);
    return season;
  }
  return (
    seasonFromFileName(file) ??
    log.refuse("the file name does not say the season (YYYY-YY) and no season option was given")
  );
}

/** Parses the archive's sheets (one workbook or one CSV). */
export function parseSbrTables(tables: readonly Table[], options: SbrImportOptions): ImportResult {
  const file = options.fileName ?? tables[0]?.file ?? "sbr";
  const teams = new TeamNames(options.entities, SOURCE);
  const reads: PairRead[] = [];
  const logs: ProblemLog[] = [];
  const layouts: string[] = [];
  const ignored = new Set<string>();
  const withRows = tables.filter((t) => t.rows.length > 0);
  if (withRows.length === 0) new ProblemLog(file, null, false).refuse("no sheet has any rows");
  for (const table of withRows) {
    const log: ProblemLog = new ProblemLog(file, table.sheet, options.skipBadRows ?? false);
    logs.push(log);
    const season = seasonOf(options, file, log);
    const layout = locateLayout(table);
    if ("error" in layout) log.refuse(layout.error, { row: table.headerRow });
    layouts.push(layout.name);
    for (const label of layout.ignored) ignored.add(label);
    const sheet = readSheet(table, layout, season, teams, log, options);
    markPlayoffs(sheet);
    reads.push(...sheet);
  }
  teams.assertAllKnown(file, withRows.length === 1 ? withRows[0]!.sheet : null, "Team");
  for (const log of logs) log.finish();

  const records = withGameIds(reads.map((r) => r.draft));
  const games: ImportedGame[] = [];
  const quotes: Quote[] = [];
  reads.forEach((r, i) => {
    const game = records[i]!;
    games.push({ game, ...r.game });
    for (const q of r.quotes) {
      const quotedAt = q.phase === "closing" ? game.commenceTime : r.openingAt;
      quotes.push(validateQuote({ gameId: game.gameId, source: SOURCE, ...q, quotedAt }));
    }
  });
  return {
    format: "sbr",
    layout: [...new Set(layouts)].join(","),
    games,
    quotes,
    forecasts: [],
    problems: logs.flatMap((l) => l.problems),
    skipped: {
      games: logs.reduce((n, l) => n + l.skipped.games, 0),
      priceGroups: logs.reduce((n, l) => n + l.skipped.priceGroups, 0),
    },
    ignoredColumns: [...ignored],
  };
}

/** Playoff flags by the schedule rule of sbr-playoffs.ts; a sheet that is not a whole season keeps null (unknown). */
function markPlayoffs(reads: PairRead[]): void {
  const inferred = inferPlayoffs(
    reads.map((r) => ({ date: r.draft.gameDate, home: r.draft.homeTeamId, away: r.draft.awayTeamId })),
  );
  reads.forEach((r, i) => {
    if (inferred) r.game.playoff = inferred.playoff[i]!;
  });
}

function readSheet(
  table: Table,
  layout: SbrLayout,
  season: Season,
  teams: TeamNames,
  log: ProblemLog,
  options: SbrImportOptions,
): PairRead[] {
  const cells = new SheetCells(table);
  const calendar = new SeasonCalendar(season);
  const quotes = new SbrQuoteReader(cells, layout, log);
  const timeZone = options.timeZone ?? "America/New_York";
  const out: PairRead[] = [];
  const rows = table.rows;
  for (let i = 0; i < rows.length; ) {
    const a = rows[i]!;
    const b = rows[i + 1];
    if (!b) {
      log.gameError(cells.where(a, layout.team), "the last row has no opponent row (rows come in pairs)");
      log.skippedGame();
      break;
    }
    // Pairs by order and rotation: odd n, then n + 1 (either row first). Never by date.
    const ra = readCount(cells.value(a, layout.rot));
    const rb = readCount(cells.value(b, layout.rot));
    const rotations = ra.ok && rb.ok ? [ra.value, rb.value].sort((x, y) => x - y) : null;
    if (rotations && !(rotations[0]! % 2 === 1 && rotations[1] === rotations[0]! + 1)) {
      log.gameError(
        cells.where(a, layout.rot, `${cells.value(a, layout.rot)}/${cells.value(b, layout.rot)}`),
        `rows ${a.row} and ${b.row} are not one game's pair (rotations must be n and n + 1, n odd); row ${a.row} is dropped`,
      );
      log.skippedGame();
      i += 1; // re-synchronise on the next row
      continue;
    }
    i += 2;
    const read = readPair(a, b, ra.ok ? ra.value : null, cells, layout, calendar, teams, log, quotes);
    if (!read) {
      log.skippedGame();
      continue;
    }
    const draft: GameDraft = {
      sourceKey: `${table.sheet ?? ""}:${String(a.row).padStart(6, "0")}`,
      sport: options.sport,
      gameDate: read.day,
      season: season.firstYear,
      status: "Final",
      homeTeamId: read.homeId,
      homeTeamName: teams.displayName(read.homeId),
      awayTeamId: read.awayId,
      awayTeamName: teams.displayName(read.awayId),
      homeScore: read.home.final,
      awayScore: read.visitor.final,
      commenceTime: instantInZone(read.day, options.nominalStart ?? "19:00", timeZone),
      venue: null,
    };
    out.push({
      draft,
      game: {
        startTime: "nominal",
        neutral: read.neutral,
        playoff: null,
        periods: { home: read.home.periods, away: read.visitor.periods },
        extraTime: read.extraTime,
        halfTime: null,
        origin: { file: table.file, sheet: table.sheet, rows: [a.row, b.row] },
      },
      quotes: read.quotes,
      openingAt: instantInZone(read.day, options.openingTime ?? "10:00", timeZone),
    });
  }
  return out;
}

interface Pair {
  day: string;
  neutral: boolean;
  awayId: string;
  homeId: string;
  visitor: SideScore;
  home: SideScore;
  extraTime: boolean;
  quotes: QuoteDraft[];
}

/** One game from its two rows; logs every bad cell and returns undefined when the game is unusable. */
function readPair(
  a: TableRow,
  b: TableRow,
  rotA: number | null,
  cells: SheetCells,
  layout: SbrLayout,
  calendar: SeasonCalendar,
  teams: TeamNames,
  log: ProblemLog,
  quoteReader: SbrQuoteReader,
): Pair | undefined {
  const errorsBefore = log.errorCount;
  // Sides from VH, not from the order: a pair may come home first. N/N: the first row is the nominal visitor.
  const vh = (r: TableRow) =>
    String(cells.value(r, layout.vh) ?? "")
      .trim()
      .toUpperCase();
  const [va, vb] = [vh(a), vh(b)];
  let sides: { visitor: TableRow; home: TableRow; neutral: boolean } | undefined;
  if (va === "V" && vb === "H") sides = { visitor: a, home: b, neutral: false };
  else if (va === "H" && vb === "V") sides = { visitor: b, home: a, neutral: false };
  else if (va === "N" && vb === "N") sides = { visitor: a, home: b, neutral: true };
  else
    log.gameError(cells.where(a, layout.vh, `${va}/${vb}`), "VH must be V and H (either order) or N and N");

  // The pair's day is the odd rotation's row's (the day's slate); a differing second date is noted.
  const dateRow = rotA !== null && rotA % 2 === 0 ? b : a;
  const otherRow = dateRow === a ? b : a;
  const mmdd = readCount(cells.value(dateRow, layout.date));
  let day: string | undefined;
  if (!mmdd.ok) log.gameError(cells.where(dateRow, layout.date), mmdd.message);
  else {
    const d = calendar.day(mmdd.value);
    if (d.ok) day = d.day;
    else log.gameError(cells.where(dateRow, layout.date), d.message);
    const other = readCount(cells.value(otherRow, layout.date));
    if (other.ok && other.value !== mmdd.value) {
      log.warn(
        cells.where(otherRow, layout.date),
        `the pair's rows carry two dates; the odd rotation's (${mmdd.value}) is used`,
      );
    }
  }

  const teamId = (r: TableRow) => teams.resolve(String(cells.value(r, layout.team) ?? ""), r.row);
  const [idA, idB] = [teamId(a), teamId(b)];
  const scores = new Map<TableRow, SideScore>();
  for (const r of [a, b]) {
    const periods = layout.periods.map((c) => ({ c, read: readCount(cells.value(r, c)) }));
    const final = readCount(cells.value(r, layout.final));
    for (const p of [...periods.map((x) => ({ c: x.c, read: x.read })), { c: layout.final, read: final }]) {
      if (!p.read.ok) log.gameError(cells.where(r, p.c), p.read.message);
    }
    if (final.ok && periods.every((p) => p.read.ok)) {
      scores.set(r, { periods: periods.map((p) => (p.read as { value: number }).value), final: final.value });
    }
  }
  if (!sides || !day || log.errorCount > errorsBefore || !idA || !idB) return undefined;

  let visitor = scores.get(sides.visitor)!;
  let home = scores.get(sides.home)!;
  const lostOpen = new Set<TableRow>();
  let check = checkScores(layout.kind, visitor, home);
  if (!check.ok) {
    // The shifted-row repair (see sbr-scores.ts), kept only when the shifted reading adds up.
    const openOf = (r: TableRow) => {
      const o = readCount(cells.value(r, layout.open));
      return o.ok ? o.value : null;
    };
    const v2 = unshift(visitor, openOf(sides.visitor));
    const h2 = unshift(home, openOf(sides.home));
    const repaired = checkScores(layout.kind, v2 ?? visitor, h2 ?? home);
    if ((v2 || h2) && repaired.ok) {
      for (const [row, fixed] of [
        [sides.visitor, v2],
        [sides.home, h2],
      ] as const) {
        if (!fixed) continue;
        lostOpen.add(row);
        log.warn(
          cells.where(row, layout.final),
          `periods shifted one cell right (the 1st written twice): read as ${fixed.periods.join("+")}=${fixed.final}, the Open cell holding the final; the opening line of this game is lost`,
        );
      }
      visitor = v2 ?? visitor;
      home = h2 ?? home;
      check = repaired;
    }
  }
  if (!check.ok) {
    for (const side of check.blame) {
      const row = side === "visitor" ? sides.visitor : sides.home;
      log.gameError(cells.where(row, layout.final), check.message);
    }
    return undefined;
  }
  const homeId = sides.home === a ? idA : idB;
  const awayId = sides.visitor === a ? idA : idB;
  return {
    day,
    neutral: sides.neutral,
    homeId,
    awayId,
    visitor,
    home,
    extraTime: check.extraTime,
    quotes: quoteReader.read(sides, lostOpen),
  };
}

/** Parses archive CSV text (the workbook saved as CSV). */
export function parseSbrCsv(text: string, options: SbrImportOptions & { fileName: string }): ImportResult {
  return parseSbrTables([csvTable(text, options.fileName)], options);
}

/** Parses an archive `.xlsx` workbook's bytes. */
export async function parseSbrWorkbook(
  data: Buffer | ArrayBuffer,
  options: SbrImportOptions & { fileName: string },
): Promise<ImportResult> {
  return parseSbrTables(await workbookTables(data, options.fileName), options);
}

/** Reads an archive `.xlsx` or `.csv` file. */
export async function parseSbrFile(filePath: string, options: SbrImportOptions): Promise<ImportResult> {
  const data = await readFile(filePath);
  const fileName = options.fileName ?? filePath;
  if (filePath.toLowerCase().endsWith(".xlsx")) return parseSbrWorkbook(data, { ...options, fileName });
  return parseSbrCsv(data.toString("utf8"), { ...options, fileName });
}
