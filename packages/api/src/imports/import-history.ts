// `edgeline import` without the terminal: every file is parsed first (so one run lists every bad
// cell of every file), and only when none is refused is each written, in one transaction per
// file, through core's `writeHistory`. The CLI and bench/import-db.ts call this.
import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import { type HistoryWriteCounts, type PluginRegistry, withTransaction, writeHistory } from "@edgeline/core";
import { ImportError, type Problem, type SkipCounts } from "@edgeline/importers";
import type pg from "pg";
import { historyBatch } from "./history-records.ts";
import { IMPORT_KINDS, type ImportKindName, type ParseRequest } from "./import-kinds.ts";

export interface ImportRequest {
  kind: ImportKindName;
  /** Sport code of a loaded plugin (any case). */
  sport: string;
  /** Files, or folders whose files of the kind's extensions are read in name order. */
  paths: readonly string[];
  season?: ParseRequest["season"];
  seasons?: ParseRequest["seasons"];
  skipBadRows?: boolean;
}

/** What one file held and what writing it changed. */
export interface FileOutcome {
  file: string;
  layout: string;
  parsed: { games: number; quotes: number; forecasts: number };
  /** Warnings, and the errors skip mode skipped. */
  problems: Problem[];
  skipped: SkipCounts;
  /** Absent until written. */
  written?: HistoryWriteCounts;
}

/** A file that could not be read or was refused, with every problem found in it. */
export interface RefusedFile {
  file: string;
  message: string;
  problems: readonly Problem[];
}

export type ImportOutcome =
  | { ok: true; sport: string; files: FileOutcome[] }
  | { ok: false; sport: string; refused: RefusedFile[]; parsed: FileOutcome[] };

export interface ImportHooks {
  /** The files about to be read, once the paths are expanded. */
  onFiles?(files: readonly string[]): void;
  onParsed?(outcome: FileOutcome): void;
  onWritten?(outcome: FileOutcome): void;
}

/** The files named by `paths`: a folder gives its files of these extensions, sorted by name. */
export async function expandPaths(
  paths: readonly string[],
  extensions: readonly string[],
): Promise<string[]> {
  const files: string[] = [];
  for (const p of paths) {
    const info = await stat(p).catch(() => undefined);
    if (!info) throw new Error(`--file ${p}: no such file or folder`);
    if (!info.isDirectory()) {
      files.push(p);
      continue;
    }
    const inside = (await readdir(p))
      .filter((name) => extensions.some((ext) => name.toLowerCase().endsWith(ext)))
      .sort()
      .map((name) => path.join(p, name));
    if (inside.length === 0)
      throw new Error(`--file ${p}: the folder holds no ${extensions.join(" or ")} file`);
    files.push(...inside);
  }
  return [...new Set(files)];
}

/** Parses every file, then writes them one transaction each unless a file was refused. */
export async function importHistory(
  pool: pg.Pool,
  plugins: PluginRegistry,
  request: ImportRequest,
  hooks: ImportHooks = {},
  now: () => Date = () => new Date(),
): Promise<ImportOutcome> {
  const sport = plugins.sport(request.sport);
  const kind = IMPORT_KINDS[request.kind];
  const files = await expandPaths(request.paths, kind.extensions);
  hooks.onFiles?.(files);
  const parseRequest: ParseRequest = {
    sport: sport.plugin.code,
    entities: sport.view.entities,
    timeZone: sport.plugin.timeZone,
    skipBadRows: request.skipBadRows ?? false,
    ...(request.season ? { season: request.season } : {}),
    ...(request.seasons ? { seasons: request.seasons } : {}),
  };
  const parsed: Array<{ outcome: FileOutcome; result: Awaited<ReturnType<typeof kind.parse>> }> = [];
  const refused: RefusedFile[] = [];
  for (const file of files) {
    try {
      const result = await kind.parse(file, parseRequest);
      const outcome: FileOutcome = {
        file,
        layout: result.layout,
        parsed: {
          games: result.games.length,
          quotes: result.quotes.length,
          forecasts: result.forecasts.length,
        },
        problems: result.problems,
        skipped: result.skipped,
      };
      parsed.push({ outcome, result });
      hooks.onParsed?.(outcome);
    } catch (error) {
      if (error instanceof ImportError)
        refused.push({ file, message: error.message, problems: error.problems });
      else refused.push({ file, message: `${file}: ${(error as Error).message}`, problems: [] });
    }
  }
  const code = sport.plugin.code;
  if (refused.length > 0) return { ok: false, sport: code, refused, parsed: parsed.map((p) => p.outcome) };
  for (const { outcome, result } of parsed) {
    const batch = historyBatch(code, request.kind, result);
    outcome.written = await withTransaction(pool, (client) => writeHistory(client, batch, now()));
    hooks.onWritten?.(outcome);
  }
  return { ok: true, sport: code, files: parsed.map((p) => p.outcome) };
}
