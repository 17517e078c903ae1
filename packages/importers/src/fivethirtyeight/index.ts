export {
  type FiveThirtyEightOptions,
  parseFiveThirtyEightCsv,
  parseFiveThirtyEightFile,
  parseFiveThirtyEightTable,
} from "./fivethirtyeight.ts";
