// A sport, as one typed object exported by a package and listed in `edgeline.plugins.json`. The
// bundled sports use exactly this contract; core has no path for any particular sport. A sport
// owns everything sport-specific: its calendar, entities, games, rating model, betting thresholds,
// base URLs, and its fake-upstream routes and demo.
import { z } from "zod";
import type { DateRange } from "../calendar/calendar-day.ts";
import type { SportDemo } from "../demo/demo-game.ts";
import { type SportModel, sportModelSchema } from "../models/sport-model.ts";
import { type RecommendationThresholds, recommendationThresholdsSchema } from "../models/thresholds.ts";
import { type Entity, entityCatalogSchema } from "../records/entities.ts";
import type { GameRecord } from "../records/game-record.ts";
import { fn, type PluginCommon, pluginCommonShape } from "./plugin-common.ts";
import type { PluginContext } from "./plugin-context.ts";

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

/** A place on the globe in decimal degrees (WGS 84); city-level precision is enough for travel. */
export interface GeoPoint {
  lat: number;
  lon: number;
}

/** Where a team's home games of a season are played, or null when not known. */
export type VenueLocation = (homeTeamId: string, season: number) => GeoPoint | null;

export interface SportPlugin<Config = unknown> extends PluginCommon<Config> {
  kind: "sport";
  /** Upper-case sport code, unique across loaded plugins; the prefix of game ids ("NHL"). */
  code: string;
  /** Human-readable name ("National Hockey League"). */
  name: string;
  /** IANA zone of the league's calendar: `gameDate` and date ranges are days in this zone. */
  timeZone: string;
  /** Markets this sport is bet on; a sport with draws offers a 3-way moneyline. */
  markets: readonly MarketOffer[];
  /** Whether games are between teams or between players (tennis). */
  entityKind: "team" | "player";
  /**
   * Known entities with their per-source spellings (`codes` keyed by source name). May be empty or
   * partial for open fields (college teams, tennis players); ids then come from the source, normalised.
   */
  entities: readonly Entity[];
  model: SportModel;
  /** Thresholds the recommendation step applies to this sport. */
  recommendation: RecommendationThresholds;
  /**
   * What odds sources need to find this sport's markets, keyed by source plugin name
   * (`{ kalshi: { series: ["KXNHLGAME"] } }`); each source validates its entry with its own schema.
   * A source may also know a sport itself (its `sports`); the sport's entry wins.
   */
  sourceOptions?: Readonly<Record<string, unknown>>;
  /**
   * A past day (a backfill) is replayed as the pipeline would have run it that day: prices are read
   * and bets decided this many minutes before the day's first game; each game's close is read too.
   * @defaultValue DEFAULT_REPLAY_LEAD_MINUTES (120)
   */
  replayLeadMinutes?: number;
  /**
   * Games whose league-local day lies in `range` (inclusive), validated and mapped to
   * `unified_games` records. Must not write anywhere; the caller upserts.
   */
  fetchGames(range: DateRange, ctx: PluginContext<Config>): Promise<GameRecord[]>;
  /**
   * Where the home side of a season plays (it changes with a relocation), for the Elo model's travel
   * term: a pure lookup, no I/O. Neutral-site games are never looked up. A sport without it, or a
   * null answer, has no travel term for that game.
   */
  venueLocation?: VenueLocation;
  demo?: SportDemo;
}

const isTimeZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

export const SPORT_CODE_PATTERN = /^[A-Z0-9]{2,12}$/;

/** How long before a replayed day's first game the replay decides, unless the sport says. */
export const DEFAULT_REPLAY_LEAD_MINUTES = 120;

/** Runtime check of a sport plugin object; the registry reports its first issue with the JSON path. */
export const sportPluginSchema = z.object({
  kind: z.literal("sport"),
  ...pluginCommonShape,
  code: z.string().regex(SPORT_CODE_PATTERN, "must be 2-12 upper-case letters or digits"),
  name: z.string().trim().min(1),
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
  entities: entityCatalogSchema,
  model: sportModelSchema,
  recommendation: recommendationThresholdsSchema,
  sourceOptions: z.record(z.string(), z.unknown()).optional(),
  replayLeadMinutes: z
    .number()
    .int()
    .min(1)
    .max(7 * 24 * 60, "at most a week")
    .optional(),
  fetchGames: fn("fetchGames"),
  venueLocation: fn("venueLocation").optional(),
  demo: z
    .object({
      league: z.object({ teams: z.array(z.object({ id: z.string() }).loose()).min(2) }).loose(),
      writeDay: fn("writeDay"),
    })
    .optional(),
});

/** Declares a sport. Only types it: validation happens when the registry loads it, naming the module. */
export function defineSport<C = undefined>(plugin: Omit<SportPlugin<C>, "kind">): SportPlugin<C> {
  return { kind: "sport", ...plugin };
}
