export {
  PLAIN_COLUMNS,
  PLAIN_OPENING_LEAD_MS,
  type PlainCsvOptions,
  parsePlainCsv,
  parsePlainFile,
  parsePlainTable,
} from "./plain-csv.ts";
