// The history formats `edgeline import <kind>` reads: each kind is one parser of
// @edgeline/importers and how the command's options map onto it. Adding a format is a parser in
// that package plus one entry here.
import {
  type ImportResult,
  parseFiveThirtyEightFile,
  parseFootballDataFile,
  parsePlainFile,
  parseSbrFile,
} from "@edgeline/importers";
import type { EntityIndex } from "@edgeline/sdk";

/** What every parser is given: the sport and its catalog, and the command's options. */
export interface ParseRequest {
  sport: string;
  entities: EntityIndex;
  /** The sport plugin's zone: a file's local days and times are read in it. */
  timeZone: string;
  /** `--season`: "2018-19" or "2018", by its first year. */
  season?: { firstYear: number; label: string };
  /** `--seasons 1970..2020`: a span of seasons by first year (538's files run from 1920). */
  seasons?: { from: number; to: number };
  skipBadRows: boolean;
}

export interface ImportKind {
  /** What the kind reads, for `--help`. */
  description: string;
  /** File name endings read when `--file` names a folder. */
  extensions: readonly string[];
  parse(file: string, request: ParseRequest): Promise<ImportResult>;
}

const common = (r: ParseRequest) => ({ sport: r.sport, entities: r.entities, skipBadRows: r.skipBadRows });

export const IMPORT_KINDS = {
  "football-data": {
    description: "football-data.co.uk CSV (results, opening and closing 1X2, totals, Asian handicap)",
    extensions: [".csv"],
    parse: (file, r) =>
      parseFootballDataFile(file, {
        ...common(r),
        timeZone: r.timeZone,
        ...(r.season ? { season: r.season.firstYear } : {}),
      }),
  },
  fivethirtyeight: {
    description: "FiveThirtyEight game CSV (results, and 538's forecasts kept for comparison)",
    extensions: [".csv"],
    parse: (file, r) => {
      const span = r.seasons ?? (r.season ? { from: r.season.firstYear, to: r.season.firstYear } : undefined);
      return parseFiveThirtyEightFile(file, {
        ...common(r),
        timeZone: r.timeZone,
        ...(span ? { seasons: span } : {}),
      });
    },
  },
  sbr: {
    description: "SBR archive workbook (.xlsx) or its CSV export (moneylines, spreads, totals)",
    extensions: [".xlsx", ".csv"],
    parse: (file, r) =>
      parseSbrFile(file, {
        ...common(r),
        timeZone: r.timeZone,
        ...(r.season ? { season: r.season.label } : {}),
      }),
  },
  plain: {
    description: "the plain documented CSV (packages/importers/README.md)",
    extensions: [".csv"],
    parse: (file, r) => parsePlainFile(file, { ...common(r), timeZone: r.timeZone }),
  },
} satisfies Record<string, ImportKind>;

export type ImportKindName = keyof typeof IMPORT_KINDS;
export const IMPORT_KIND_NAMES = Object.keys(IMPORT_KINDS) as ImportKindName[];
