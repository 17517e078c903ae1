// @edgeline/importers: parsers of history files (football-data.co.uk, FiveThirtyEight, the SBR
// archive, a plain CSV) into validated games, quotes and forecasts. No database access: the
// caller writes what they return.

export * from "./fivethirtyeight/index.ts";
export * from "./football-data/index.ts";
export * from "./plain/index.ts";
export { formatProblem, ImportError, type Problem, type SkipCounts } from "./problems.ts";
export {
  type CommonImportOptions,
  type Forecast,
  type ImportedGame,
  type ImportFormat,
  type ImportResult,
  type Quote,
  type QuotePhase,
  quoteSchema,
} from "./records.ts";
export * from "./sbr/index.ts";
export { type CellValue, csvTable, readTables, type Table, type TableRow, workbookTables } from "./table.ts";
export { TeamNames } from "./team-names.ts";
