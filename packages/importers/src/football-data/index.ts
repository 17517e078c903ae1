export {
  BOOK_OVERROUND,
  type FootballDataOptions,
  parseFootballDataCsv,
  parseFootballDataFile,
  parseFootballDataTable,
} from "./football-data.ts";
export { BOOKS } from "./football-data-columns.ts";
export { openingQuotedAt as footballDataOpeningTime } from "./football-data-times.ts";
