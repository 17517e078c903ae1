import type { MarketName, OutcomeName } from "@edgeline/sdk";
import type { QuotePhase } from "../records.ts";

/**
 * football-data.co.uk's price columns (its notes.txt is the key): `{book}{C?}{outcome}` for 1X2
 * (`B365H`, `PSCH`), `{book}{C?}>2.5` / `<2.5` for the 2.5-goal total, `{book}{C?}AH{H|A}` for
 * the Asian handicap whose home line is `AHh` (opening) / `AHCh` (closing). A `C` marks the
 * closing price. Market maximum and average (`Max`, `Avg`, and the older Betbrain `BbMx`,
 * `BbAv`) are kept as sources of their own.
 */
export const BOOKS: Readonly<Record<string, string>> = {
  B365: "bet365",
  BW: "bwin",
  IW: "interwetten",
  PS: "pinnacle",
  // Pinnacle is `PS` in 1X2 columns and `P` in totals and Asian handicap columns.
  P: "pinnacle",
  WH: "william-hill",
  // VC Bet, BetVictor's former brand; newer files also carry `BV` (BetVictor).
  VC: "vc-bet",
  BV: "betvictor",
  BF: "betfair",
  BFE: "betfair-exchange",
  BFD: "betfred",
  BMGM: "betmgm",
  CL: "coral",
  LB: "ladbrokes",
  "1XB": "1xbet",
  GB: "gamebookers",
  BS: "blue-square",
  SB: "sportingbet",
  SJ: "stan-james",
  SY: "stanleybet",
  SO: "sporting-odds",
  Max: "market-max",
  Avg: "market-avg",
  BbMx: "market-max",
  BbAv: "market-avg",
};

/** Sources whose prices are no single book's market, so no margin check applies to them. */
export const MARKET_MAX = "market-max";

export interface PriceColumn {
  index: number;
  label: string;
  source: string;
  phase: QuotePhase;
  market: MarketName;
  outcome: OutcomeName;
}

export interface FootballDataColumns {
  prices: PriceColumn[];
  /** Asian handicap home line columns by phase. */
  handicapLine: Partial<Record<QuotePhase, number>>;
  /** Labels read for nothing: match statistics, referee, unknown books. */
  ignored: string[];
  /** Two columns claiming the same price (e.g. `PSH` and `PH`). */
  duplicates: string[];
}

// Longest codes first so "BFE" wins over "BF" and "PS" over "P"; the regex backtracks where a
// shorter code is the only reading ("BFD" = Betfair's draw, "BFDD" = Betfred's).
const bookPattern = Object.keys(BOOKS)
  .sort((a, b) => b.length - a.length)
  .join("|");
const ONE_X_TWO = new RegExp(`^(${bookPattern})(C?)([HDA])$`);
const TOTAL = new RegExp(`^(${bookPattern})(C?)([<>])2\\.5$`);
const HANDICAP = new RegExp(`^(${bookPattern})(C?)AH([HA])$`);
const HANDICAP_LINE = /^(?:Bb)?AH(C?)h$/;

const OUTCOME_1X2: Record<string, OutcomeName> = { H: "home_team_win", D: "draw", A: "away_team_win" };

/** Reads the header; columns that are neither prices nor the fields the importer reads are listed as ignored. */
export function priceColumns(header: readonly string[], fields: ReadonlySet<string>): FootballDataColumns {
  const prices: PriceColumn[] = [];
  const handicapLine: Partial<Record<QuotePhase, number>> = {};
  const ignored: string[] = [];
  const seen = new Map<string, string>();
  const duplicates: string[] = [];
  header.forEach((label, index) => {
    const phaseOf = (c: string): QuotePhase => (c === "C" ? "closing" : "opening");
    const add = (book: string, c: string, market: MarketName, outcome: OutcomeName) => {
      const column = { index, label, source: BOOKS[book]!, phase: phaseOf(c), market, outcome };
      const key = `${column.source}:${column.phase}:${market}:${outcome}`;
      const other = seen.get(key);
      if (other) duplicates.push(`${other} and ${label}`);
      seen.set(key, label);
      prices.push(column);
    };
    const x12 = ONE_X_TWO.exec(label);
    const total = TOTAL.exec(label);
    const handicap = HANDICAP.exec(label);
    const handicapAt = HANDICAP_LINE.exec(label);
    if (x12) add(x12[1]!, x12[2]!, "moneyline", OUTCOME_1X2[x12[3]!]!);
    else if (total) add(total[1]!, total[2]!, "total", total[3] === ">" ? "over" : "under");
    else if (handicap)
      add(handicap[1]!, handicap[2]!, "spread", handicap[3] === "H" ? "home_team_win" : "away_team_win");
    else if (handicapAt) handicapLine[phaseOf(handicapAt[1]!)] ??= index;
    else if (label !== "" && !fields.has(label)) ignored.push(label);
  });
  return { prices, handicapLine, ignored, duplicates };
}
