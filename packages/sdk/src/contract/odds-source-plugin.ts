// An odds source: a venue's or a feed's prices for a sport's known games of a day, as validated
// quote records. The bundled ones (Kalshi, The Odds API) use exactly this contract; adding one is a
// package or folder plus a line in edgeline.plugins.json. A source knows no sport by code: it gets
// the sport's view (entities, calendar) and the per-sport options its own schema validates.
import { z } from "zod";
import type { SourceDemo } from "../demo/demo-game.ts";
import { createEntityIndex, type EntityIndex } from "../records/entities.ts";
import { toEntityId } from "../records/entity-id.ts";
import type { KnownGame } from "../sources/game-matching.ts";
import type { OddsFetchResult } from "../sources/odds-fetch-result.ts";
import { fn, type PluginCommon, pluginCommonShape } from "./plugin-common.ts";
import type { PluginContext } from "./plugin-context.ts";
import type { MarketOffer, SportPlugin } from "./sport-plugin.ts";

/** What a source sees of a sport. */
export interface SportView {
  code: string;
  timeZone: string;
  markets: readonly MarketOffer[];
  entityKind: "team" | "player";
  /** The sport's entity catalog: team codes and names in each source's spelling. */
  entities: EntityIndex;
}

/** A sport as sources see it (its catalog indexed once). */
export function sportView(sport: SportPlugin): SportView {
  return {
    code: sport.code,
    timeZone: sport.timeZone,
    markets: sport.markets,
    entityKind: sport.entityKind,
    entities: createEntityIndex(sport.entities),
  };
}

/**
 * The entity a source's display name ("Montréal Canadiens") stands for. Players have no catalog:
 * their id is their normalised name, the same in every source.
 */
export function entityIdFromName(sport: SportView, name: string): string | undefined {
  return sport.entities.idFromName(name) ?? (sport.entityKind === "player" ? toEntityId(name) : undefined);
}

export interface OddsFetchRequest<SportOptions> {
  sport: SportView;
  /** This source's options for the sport (its `sportOptions` schema, already validated). */
  options: SportOptions;
  /** The sport's games of the day with both teams known; events are matched to these or reported. */
  games: readonly KnownGame[];
  /** League-local day of the run, YYYY-MM-DD. */
  day: string;
  /** When the prices are read: the fetch time of every quote (and its quote time unless the source has one). */
  observedAt: Date;
  /** Aborted on shutdown: long fetches should stop early. */
  signal?: AbortSignal;
}

/**
 * A request for the prices a past day's games had before they started (a backfill replaying the
 * day). Each game's prices on offer at `at` (its latest quotes at or before it, for games starting
 * after it) and its close (its latest quotes before its start). Every record's `lastUpdate` is when
 * the price was quoted, never when it was read.
 */
export interface HistoricalOddsRequest<SportOptions> extends OddsFetchRequest<SportOptions> {
  /** The instant the replayed run decides at (before the day's first game). */
  at: Date;
}

export interface OddsSourcePlugin<Config = unknown, SportOptions = unknown> extends PluginCommon<Config> {
  kind: "odds-source";
  /** Unique lower-case name: the key of `sourceOptions` and entity `codes`, and `odds_quotes.source` ("kalshi"). */
  name: string;
  /** Human-readable name ("Kalshi", "The Odds API"). */
  displayName: string;
  /** Schema of the per-sport options; a sport's entry is validated with it at start-up. */
  sportOptions: z.ZodType<SportOptions>;
  /** Options for sports this source knows out of the box, by sport code (a sport's own entry wins). */
  sports?: Readonly<Record<string, SportOptions>>;
  /**
   * Why the source cannot run as configured (e.g. no API key), or undefined when it can; a source
   * that cannot run is skipped with this reason logged.
   */
  unavailable?(config: Config): string | undefined;
  fetch(request: OddsFetchRequest<SportOptions>, ctx: PluginContext<Config>): Promise<OddsFetchResult>;
  /**
   * The prices that were on offer before a past day's games. Optional: a source without history
   * is skipped for past days, the reason logged; one whose configuration forbids it (a plan without
   * history) returns no records and says why in `skipped`.
   */
  fetchHistorical?(
    request: HistoricalOddsRequest<SportOptions>,
    ctx: PluginContext<Config>,
  ): Promise<OddsFetchResult>;
  demo?: SourceDemo<SportOptions>;
}

export const SOURCE_NAME_PATTERN = /^[a-z][a-z0-9-]{1,39}$/;

export const oddsSourcePluginSchema = z.object({
  kind: z.literal("odds-source"),
  ...pluginCommonShape,
  name: z.string().regex(SOURCE_NAME_PATTERN, "must be lower-case letters, digits and '-'"),
  displayName: z.string().trim().min(1),
  sportOptions: z.custom<z.ZodType>((v) => v instanceof z.ZodType, "must be a zod schema"),
  sports: z.record(z.string(), z.unknown()).optional(),
  unavailable: fn("unavailable").optional(),
  fetch: fn("fetch"),
  fetchHistorical: fn("fetchHistorical").optional(),
  demo: z.object({ writeMarkets: fn("writeMarkets") }).optional(),
});

/** Declares an odds source. Only types it: the registry validates it at load. */
export function defineOddsSource<C = undefined, O = unknown>(
  plugin: Omit<OddsSourcePlugin<C, O>, "kind">,
): OddsSourcePlugin<C, O> {
  return { kind: "odds-source", ...plugin };
}
