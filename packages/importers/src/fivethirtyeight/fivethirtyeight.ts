import { readFile } from "node:fs/promises";
import { type EntityIndex, type GameDraft, instantInZone } from "@edgeline/sdk";
import { z } from "zod";
import { withGameIds } from "../game-ids.ts";
import { ProblemLog } from "../problems.ts";
import type { CommonImportOptions, Forecast, ImportedGame, ImportResult } from "../records.ts";
import { csvTable, type Table } from "../table.ts";
import { TeamNames } from "../team-names.ts";
import { detectLayout } from "./fivethirtyeight-layouts.ts";

export interface FiveThirtyEightOptions extends CommonImportOptions {
  /** Sport code, the prefix of game ids ("NFL", "NBA", "NHL"). */
  sport: string;
  /** The sport's entity catalog; 538's codes are looked up under `codes.fivethirtyeight`, then as ids. */
  entities: EntityIndex;
  /**
   * Only games of these seasons (by first year, inclusive) are read; the rest of the file is not
   * looked at. nfl_games.csv goes back to 1920, when clubs played that no catalog lists.
   */
  seasons?: { from?: number; to?: number };
  /** The league's zone for the nominal start. @defaultValue "America/New_York" */
  timeZone?: string;
  /** 538's files give days only: games start at this local time, marked `nominal`. @defaultValue "19:00" */
  nominalStart?: string;
}

const score = z.union([z.literal(""), z.string().regex(/^\d+$/, "expected a whole number or empty")]);
const probability = z
  .string()
  .regex(/^(0(\.\d+)?|1(\.0+)?|\.\d+)(e-?\d+)?$/i, "expected a probability between 0 and 1")
  .transform(Number);
const rating = z
  .string()
  .regex(/^-?\d+(\.\d+)?$/, "expected a rating")
  .transform(Number);
const flag = z
  .string()
  .regex(/^(|0|1|[a-z])$/i, "expected 0/1 (538's playoff round letters count as 1)")
  .transform((s) => s !== "" && s !== "0");

const baseRow = z.object({
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected YYYY-MM-DD"),
  season: z
    .string()
    .regex(/^\d{4}$/, "expected a four-digit year")
    .transform(Number),
  neutral: flag,
  playoff: flag,
  home: z.string().min(1, "empty team"),
  away: z.string().min(1, "empty team"),
  homeScore: score,
  awayScore: score,
  status: z.enum(["pre", "post", ""]).optional(),
  overtime: z
    .string()
    .regex(/^(|OT|SO|\d+OT)$/, "expected OT, SO, 2OT… or empty")
    .optional(),
});

/** Parses one of 538's game CSVs. */
export function parseFiveThirtyEightTable(table: Table, options: FiveThirtyEightOptions): ImportResult {
  const file = options.fileName ?? table.file;
  const log: ProblemLog = new ProblemLog(file, null, options.skipBadRows ?? false);
  const layout = detectLayout(table.header);
  if ("error" in layout) log.refuse(layout.error, { row: table.headerRow });
  const teams = new TeamNames(options.entities, "fivethirtyeight");
  const col = new Map(table.header.map((h, i) => [h, i]));
  const zone = options.timeZone ?? "America/New_York";
  const reads: {
    draft: GameDraft;
    game: Omit<ImportedGame, "game">;
    forecasts: Omit<Forecast, "gameId">[];
  }[] = [];

  for (const row of table.rows) {
    const get = (name: string | null) => {
      const i = name === null ? undefined : col.get(name);
      return i === undefined ? "" : String(row.cells[i] ?? "");
    };
    const season = Number(get("season")) + layout.seasonOffset;
    const { from, to } = options.seasons ?? {};
    if ((from !== undefined && season < from) || (to !== undefined && season > to)) continue;
    const columnOf: Record<string, string> = {
      home: layout.home,
      away: layout.away,
      homeScore: layout.homeScore,
      awayScore: layout.awayScore,
      status: layout.status ?? "status",
      overtime: layout.overtime ?? "ot",
    };
    const parsed = baseRow.safeParse({
      date: get("date"),
      season: get("season"),
      neutral: get("neutral"),
      playoff: get("playoff"),
      home: get(layout.home),
      away: get(layout.away),
      homeScore: get(layout.homeScore),
      awayScore: get(layout.awayScore),
      ...(layout.status ? { status: get(layout.status) } : {}),
      ...(layout.overtime ? { overtime: get(layout.overtime) } : {}),
    });
    const where = (column: string) => ({ row: row.row, column, value: get(column) });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0]);
        log.gameError(where(columnOf[key] ?? key), issue.message);
      }
      log.skippedGame();
      continue;
    }
    const r = parsed.data;
    const errors = log.errorCount;
    const resolve = (code: string, nameColumn: string | null) => {
      const known = nameColumn ? (teams.peek(code) ?? teams.peek(get(nameColumn))) : undefined;
      return known ?? teams.resolve(code, row.row);
    };
    const homeId = resolve(r.home, layout.homeName);
    const awayId = resolve(r.away, layout.awayName);
    if ((r.homeScore === "") !== (r.awayScore === ""))
      log.gameError(where(layout.homeScore), "give both scores or neither");
    const played = r.homeScore !== "" && r.awayScore !== "";
    if (r.status === "post" && !played)
      log.gameError(where(layout.homeScore), "a game with status post needs its scores");
    if (!new Date(`${r.date}T00:00:00Z`).toISOString().startsWith(r.date))
      log.gameError(where("date"), "not a calendar day");

    const forecasts: Omit<Forecast, "gameId">[] = [];
    for (const f of layout.forecasts) {
      if (get(f.homeProb) === "") continue; // e.g. no CARM-Elo in this season
      const fields = {
        home: probability.safeParse(get(f.homeProb)),
        away: f.awayProb ? probability.safeParse(get(f.awayProb)) : null,
        ot: f.overtimeProb ? probability.safeParse(get(f.overtimeProb)) : null,
        homeRating: rating.safeParse(get(f.homeRating)),
        awayRating: rating.safeParse(get(f.awayRating)),
      };
      const columns = {
        home: f.homeProb,
        away: f.awayProb,
        ot: f.overtimeProb,
        homeRating: f.homeRating,
        awayRating: f.awayRating,
      };
      let ok = true;
      for (const [key, p] of Object.entries(fields)) {
        if (p && !p.success) {
          ok = false;
          const column = columns[key as keyof typeof columns]!;
          log.gameError(where(column), p.error.issues[0]!.message);
        }
      }
      if (!ok || !fields.home.success || !fields.homeRating.success || !fields.awayRating.success) continue;
      const home = fields.home.data;
      forecasts.push({
        source: f.source,
        homeWinProbability: home,
        awayWinProbability: fields.away?.success ? fields.away.data : 1 - home,
        overtimeProbability: fields.ot?.success ? fields.ot.data : null,
        homeRating: fields.homeRating.data,
        awayRating: fields.awayRating.data,
      });
    }
    if (!homeId || !awayId || log.errorCount > errors) {
      log.skippedGame();
      continue;
    }
    reads.push({
      draft: {
        sourceKey: String(row.row).padStart(7, "0"),
        sport: options.sport,
        gameDate: r.date,
        season: r.season + layout.seasonOffset,
        status: played ? "Final" : "Scheduled",
        homeTeamId: homeId,
        homeTeamName: teams.displayName(homeId),
        awayTeamId: awayId,
        awayTeamName: teams.displayName(awayId),
        homeScore: played ? Number(r.homeScore) : null,
        awayScore: played ? Number(r.awayScore) : null,
        commenceTime: instantInZone(r.date, options.nominalStart ?? "19:00", zone),
        venue: null,
      },
      game: {
        startTime: "nominal",
        neutral: r.neutral,
        playoff: r.playoff,
        periods: null,
        extraTime: played && r.overtime !== undefined ? r.overtime !== "" : null,
        halfTime: null,
        origin: { file, sheet: null, rows: [row.row] },
      },
      forecasts,
    });
  }
  teams.assertAllKnown(file, null, `${layout.home}/${layout.away}`);
  log.finish();
  const records = withGameIds(reads.map((r) => r.draft));
  return {
    format: "fivethirtyeight",
    layout: layout.name,
    games: reads.map((r, i) => ({ game: records[i]!, ...r.game })),
    quotes: [],
    forecasts: reads.flatMap((r, i) => r.forecasts.map((f) => ({ gameId: records[i]!.gameId, ...f }))),
    problems: log.problems,
    skipped: log.skipped,
    ignoredColumns: [],
  };
}

export function parseFiveThirtyEightCsv(
  text: string,
  options: FiveThirtyEightOptions & { fileName: string },
): ImportResult {
  return parseFiveThirtyEightTable(csvTable(text, options.fileName), options);
}

export async function parseFiveThirtyEightFile(
  filePath: string,
  options: FiveThirtyEightOptions,
): Promise<ImportResult> {
  const text = await readFile(filePath, "utf8");
  return parseFiveThirtyEightCsv(text, { ...options, fileName: options.fileName ?? filePath });
}
