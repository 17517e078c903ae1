import { z } from "zod";
import type { KalshiSportMapping, OddsApiSportMapping, SbrSportMapping } from "../sources/index.ts";
import { isValidRange } from "./compatibility.ts";
import type { PluginContext } from "./context.ts";
import type { DateRange } from "./date-range.ts";
import type { Entity } from "./entities.ts";
import { ENTITY_ID_PATTERN } from "./entity-id.ts";
import type { GameRecord } from "./game-record.ts";

/** A market a sport offers: moneyline 2-way (no draw) or 3-way (home/draw/away), spread, total. */
export interface MarketOffer {
  type: "moneyline" | "spread" | "total";
  ways: 2 | 3;
}

/** What North American team sports without draws offer: 2-way moneyline, spread and total. */
export const TWO_WAY_TEAM_MARKETS: readonly MarketOffer[] = [
  { type: "moneyline", ways: 2 },
  { type: "spread", ways: 2 },
  { type: "total", ways: 2 },
];

/**
 * When a value bet becomes a recommendation for this sport. Odds are decimal; the edge is the
 * expected return p × odds − 1, the quantity `bet_recommendations.edge` stores.
 */
export interface RecommendationThresholds {
  /** Smallest edge worth a bet, e.g. 0.05. */
  minEdge: number;
  /** Edges above this are taken as a data or model error and skipped. @defaultValue 1 (the recommendation module's) */
  maxEdge?: number;
  /** Shortest decimal odds accepted (below it the payout is not worth the risk), e.g. 1.4. */
  minOdds: number;
  /** Longest decimal odds accepted (beyond it the model is least reliable), e.g. 4. */
  maxOdds: number;
  /** At most this many recommendations per day for the sport. */
  maxPerDay: number;
}

/** Kalshi: game series and team codes (the Kalshi source's own mapping type). */
export type KalshiMapping = KalshiSportMapping;
/** The Odds API: sport key (tennis: the `tennis_atp_` prefix of per-tournament keys) and full names. */
export type OddsApiMapping = OddsApiSportMapping;
/** SportsBookReview archives: their squashed team names ("GoldenState", "NYRangers"). */
export type SbrMapping = SbrSportMapping;

/**
 * A sport, as one typed object exported by a package and listed in `edgeline.plugins.json`.
 * The bundled sports (NHL, NBA, the ESPN ones) use exactly this contract; core has no special
 * path for any of them.
 */
export interface SportPlugin {
  /** Upper-case sport code, unique across loaded plugins; the prefix of game ids ("NHL"). */
  code: string;
  /** Human-readable name ("National Hockey League"). */
  name: string;
  /** npm-style range of the plugin contract versions this plugin works with ("^0.1.0"). */
  coreVersion: string;
  /** Name of the Elo parameter preset in core's elo module ("fivethirtyeight-nhl"). */
  eloPreset: string;
  /** IANA zone of the league's calendar: `gameDate` and date ranges are days in this zone. */
  timeZone: string;
  /** Markets this sport is bet on; a sport with draws offers a 3-way moneyline. */
  markets: readonly MarketOffer[];
  /** Whether games are between teams or between players (tennis). */
  entityKind: "team" | "player";
  /**
   * Known entities with their per-source spellings. May be empty or partial for open fields
   * (college teams, tennis players); ids then come from the source, normalised.
   */
  entities: readonly Entity[];
  /**
   * Games whose league-local day lies in `range` (inclusive), validated and mapped to
   * `unified_games` records. Must not write anywhere; the caller upserts.
   */
  fetchGames(range: DateRange, ctx: PluginContext): Promise<GameRecord[]>;
  kalshi?: KalshiMapping;
  oddsApi?: OddsApiMapping;
  sbr?: SbrMapping;
  /** Thresholds the recommendation step applies to this sport. */
  recommendation: RecommendationThresholds;
}

const fn = (what: string) =>
  z.custom<(...args: never[]) => unknown>((v) => typeof v === "function", `${what} must be a function`);

const isTimeZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

/** Runtime check of a plugin object; the registry reports its first issue with the JSON path. */
export const sportPluginSchema = z.object({
  code: z.string().regex(/^[A-Z0-9]{2,12}$/, "must be 2-12 upper-case letters or digits"),
  name: z.string().trim().min(1),
  coreVersion: z.string().refine(isValidRange, "must be a version range such as ^0.1.0"),
  eloPreset: z.string().min(1),
  timeZone: z.string().refine(isTimeZone, "must be an IANA time zone"),
  markets: z
    .array(
      z.object({
        type: z.enum(["moneyline", "spread", "total"]),
        ways: z.union([z.literal(2), z.literal(3)]),
      }),
    )
    .min(1)
    .refine((ms) => new Set(ms.map((m) => m.type)).size === ms.length, "lists a market type twice"),
  entityKind: z.enum(["team", "player"]),
  entities: z.array(
    z.object({
      id: z.string().regex(ENTITY_ID_PATTERN, "must be upper-case letters/digits joined by '-'"),
      name: z.string().min(1),
      names: z.array(z.string().min(1)).optional(),
      codes: z.record(z.string(), z.array(z.string().min(1))).optional(),
    }),
  ),
  fetchGames: fn("fetchGames"),
  kalshi: z.object({ series: z.array(z.string().min(1)), teamIdFromCode: fn("teamIdFromCode") }).optional(),
  oddsApi: z.object({ sportKey: z.string().min(1), teamIdFromName: fn("teamIdFromName") }).optional(),
  sbr: z.object({ teamIdFromName: fn("teamIdFromName") }).optional(),
  recommendation: z
    .object({
      minEdge: z.number().min(0),
      // DECIMAL(5,4) holds edges up to 9.9999.
      maxEdge: z.number().gt(0).max(9.9999).optional(),
      minOdds: z.number().gt(1),
      maxOdds: z.number().gt(1),
      maxPerDay: z.number().int().min(0),
    })
    .refine((r) => r.minOdds <= r.maxOdds, "minOdds is above maxOdds")
    .refine((r) => r.maxEdge === undefined || r.minEdge <= r.maxEdge, "minEdge is above maxEdge"),
});

/**
 * Declares a plugin. Only types it: validation and the compatibility check happen when the
 * registry loads it, so a bad plugin fails start-up with the module named, not an import.
 */
export function definePlugin<const P extends SportPlugin>(plugin: P): P {
  return plugin;
}
