import { Decimal } from "decimal.js";
import { z } from "zod";

/** `game_odds.market_name` values written by the odds sources. */
export const MARKET_NAMES = ["moneyline", "spread", "total"] as const;
export type MarketName = (typeof MARKET_NAMES)[number];

/** `game_odds.outcome_name` values. Spread outcomes reuse the win names (line is that side's handicap). */
export const OUTCOME_NAMES = ["home_team_win", "away_team_win", "draw", "over", "under"] as const;
export type OutcomeName = (typeof OUTCOME_NAMES)[number];

const decimalSchema = z.instanceof(Decimal);

/** One `game_odds` row as the sources produce it (loaded_at is the database's business). */
export const oddsRecordSchema = z.object({
  oddsId: z.string().min(1),
  gameId: z.string().min(1),
  /** Display name of the venue: "Kalshi", "DraftKings", "BetMGM", "SBR". */
  bookmaker: z.string().min(1),
  marketName: z.enum(MARKET_NAMES),
  outcomeName: z.enum(OUTCOME_NAMES),
  /** Decimal odds (stake included), DECIMAL(10,4). */
  price: decimalSchema,
  /** Handicap for spreads (from this outcome's side), points for totals, null for moneyline. */
  line: decimalSchema.nullable(),
  lastUpdate: z.date().nullable(),
  isPregame: z.boolean(),
  externalId: z.string().nullable(),
});

export type OddsRecord = z.infer<typeof oddsRecordSchema>;

/**
 * Deterministic primary key: `{bookmakerKey}:{gameId}:{market}:{outcome}`, e.g.
 * `draftkings:NBA_2024-02-23_TOR_ATL:spread:home_team_win`.
 *
 * Readable rather than hashed so a row can be found by eye. The line is deliberately NOT part of
 * the key: when a book moves a spread from -6.5 to -7 the rerun updates the one row for that side
 * instead of leaving the stale -6.5 row next to it. Sources therefore emit one line per
 * (book, game, market, outcome), the main line, which is all the v4 `spreads`/`totals` markets return.
 */
export function oddsId(parts: {
  bookmakerKey: string;
  gameId: string;
  marketName: MarketName;
  outcomeName: OutcomeName;
}): string {
  const key = parts.bookmakerKey.toLowerCase().replace(/[^a-z0-9]+/g, "_");
  return `${key}:${parts.gameId}:${parts.marketName}:${parts.outcomeName}`;
}
