import { type GameRecord, gameRecordSchema, MARKET_NAMES, OUTCOME_NAMES } from "@edgeline/sdk";
import { Decimal } from "decimal.js";
import { z } from "zod";
import type { Problem, SkipCounts } from "./problems.ts";

/**
 * What every importer returns: games, the quotes of their prices (each with the time it was
 * quoted), forecasts made by others (538) kept for comparison, and the problems found. Nothing
 * here touches a database; the caller writes the records.
 */

/** A game as a history file gives it: the `unified_games` record and what the record has no column for. */
export interface ImportedGame {
  game: GameRecord;
  /**
   * `exact` when the file gives the kick-off time; `nominal` when it gives only the day and
   * `commenceTime` is the importer's documented stand-in (a schedule's real time should win).
   */
  startTime: "exact" | "nominal";
  /** Played at neither team's home (SBR `N`/`N`, 538 `neutral`); null when the file does not say. */
  neutral: boolean | null;
  /** A playoff game (538 `playoff`); null when the file does not say (SBR, football-data). */
  playoff: boolean | null;
  /**
   * Points or goals per regulation period, in order ("1st", "2nd", …), where the file has them.
   * Overtime and the shootout are not periods: they are the difference to the final score.
   */
  periods: { home: number[]; away: number[] } | null;
  /** Decided after regulation (overtime or shootout); null when the file cannot tell. */
  extraTime: boolean | null;
  /** Score at half time (football-data `HTHG`/`HTAG`). */
  halfTime: { home: number; away: number } | null;
  /** Where the game was read: the file, the sheet, the rows (two for an SBR pair). */
  origin: { file: string; sheet: string | null; rows: number[] };
}

/** Whether a quote is the first price the file records for the market, or the last before the start. */
export type QuotePhase = "opening" | "closing";

export const quoteSchema = z.object({
  gameId: z.string().min(1),
  /** Bookmaker or source key: "pinnacle", "bet365", "market-max", "market-avg", "sbr", "plain". */
  source: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "expected a lower-case key such as pinnacle"),
  market: z.enum(MARKET_NAMES),
  outcome: z.enum(OUTCOME_NAMES),
  /** Handicap of this outcome's side for spreads, points or goals for totals, null for moneylines. */
  line: z.instanceof(Decimal).nullable(),
  /**
   * Decimal odds (stake included), rounded as DECIMAL(10,4) stores them; null when the file gives
   * the line but not its price (the SBR NBA archive), never a price made up.
   */
  price: z
    .instanceof(Decimal)
    .refine((d) => d.gt(1), "decimal odds must be above 1")
    .nullable(),
  phase: z.enum(["opening", "closing"]),
  /** When the price was on offer: closing = the game's start, opening = the importer's documented time before it. */
  quotedAt: z.date(),
});

export type Quote = z.infer<typeof quoteSchema>;

/** Another model's pre-game forecast, kept to compare ours against (538's Elo, CARM-Elo, RAPTOR). */
export interface Forecast {
  gameId: string;
  /** "fivethirtyeight-elo", "fivethirtyeight-carmelo", "fivethirtyeight-raptor". */
  source: string;
  homeWinProbability: number;
  awayWinProbability: number;
  /** NHL: 538's chance that the game goes to overtime. */
  overtimeProbability: number | null;
  /** The forecaster's pre-game ratings of both sides. */
  homeRating: number | null;
  awayRating: number | null;
}

export type ImportFormat = "football-data" | "fivethirtyeight" | "sbr" | "plain";

export interface ImportResult {
  format: ImportFormat;
  /** The layout found inside the format ("nfl_games", "nhl", "nhl-2016", …). */
  layout: string;
  games: ImportedGame[];
  quotes: Quote[];
  forecasts: Forecast[];
  /** Every error (only present when bad rows were skipped) and warning, in file order. */
  problems: Problem[];
  skipped: SkipCounts;
  /** Header columns the importer read nothing from (football-data's statistics, unknown books). */
  ignoredColumns: string[];
}

/** Options every importer takes. */
export interface CommonImportOptions {
  /** Skip (and count) malformed rows instead of refusing the file. @defaultValue false */
  skipBadRows?: boolean;
  /** Name shown in problems; defaults to the path read. */
  fileName?: string;
}

export const validateGame = (game: GameRecord): GameRecord => gameRecordSchema.parse(game);
export const validateQuote = (quote: Quote): Quote => quoteSchema.parse(quote);
