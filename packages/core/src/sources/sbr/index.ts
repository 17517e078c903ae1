export {
  detectLayout,
  parseSbrCsv,
  type SbrGame,
  type SbrLayout,
  type SbrSeason,
  type SbrSide,
} from "./sbr-layout.ts";
export {
  importSbrCsv,
  importSbrFile,
  type SbrImportOptions,
  type SbrImportResult,
  type SbrSportMapping,
} from "./sbr-odds.ts";
