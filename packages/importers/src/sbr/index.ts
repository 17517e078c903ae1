export {
  parseSbrCsv,
  parseSbrFile,
  parseSbrTables,
  parseSbrWorkbook,
  type SbrImportOptions,
} from "./sbr-import.ts";
export { PAIR_OVERROUND } from "./sbr-quotes.ts";
export { parseSeason, type Season, SeasonCalendar, seasonFromFileName } from "./sbr-season.ts";
