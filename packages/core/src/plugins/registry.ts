// The plugins of this process: sports, odds sources, venues and strategies, each validated against its
// contract, checked for compatibility and duplicates, and given its context. The one place that
// decides whether a plugin may run; every consumer (pipelines, API, CLI) asks it.
import {
  CORE_VERSION,
  createEntityIndex,
  describeZodError,
  type EloConfig,
  eloConfigSchema,
  type OddsSourcePlugin,
  oddsSourcePluginSchema,
  type PluginCommon,
  type PluginContext,
  PluginLoadError,
  type RecommendationThresholds,
  SPORTSBOOK_RULES,
  type SportPlugin,
  type SportView,
  type StrategyPlugin,
  satisfies,
  sportPluginSchema,
  sportView,
  strategyPluginSchema,
  type VenuePlugin,
  type VenueRules,
  venuePluginSchema,
} from "@edgeline/sdk";
import type { z } from "zod";
import type { TunedPreset } from "../backtest/preset.ts";
import { BUNDLED_CATALOG } from "../backtest/strategy.ts";
import { ELO_PRESETS } from "../elo/presets.ts";
import { DEFAULT_BLEND_SETTINGS, type ResolvedSportModel } from "../forecast/sport-forecaster.ts";
import type { EloMarginModel } from "../margins/elo-margin.ts";
import { MARGIN_MODEL_PRESETS } from "../margins/presets.ts";
import { type HostContextOptions, hostContexts } from "./host-context.ts";
import { normaliseSportCode } from "./sport-code.ts";

/** Any plugin object a module may export. */
export type AnyPlugin = SportPlugin | OddsSourcePlugin | VenuePlugin | StrategyPlugin;

/** A plugin and the module it came from (for messages and the API). */
export interface LoadedPlugin {
  plugin: AnyPlugin;
  module: string;
}

export interface LoadedSport {
  plugin: SportPlugin;
  module: string;
  view: SportView;
  /** The sport's Elo model, resolved from a preset name or taken as given. */
  elo: EloConfig;
  /** The whole model: Elo, margin model, goals model, which one is bet, blend settings. */
  model: ResolvedSportModel;
  /** The thresholds the recommendation step applies: a tuned preset's, else the plugin's. */
  thresholds: RecommendationThresholds;
  /** A tuned preset's Kelly fraction, which replaces the deployment's for this sport. */
  kellyFraction?: number;
  /** The tuned preset in use, if any. */
  preset?: string;
  context: PluginContext<unknown>;
}

export interface LoadedSource {
  plugin: OddsSourcePlugin;
  module: string;
  context: PluginContext<unknown>;
  /** Why it cannot run as configured (e.g. no API key); it is then skipped. */
  unavailable?: string;
}

export interface LoadedVenue {
  plugin: VenuePlugin;
  module: string;
  context: PluginContext<unknown>;
}

export interface LoadedStrategy {
  plugin: StrategyPlugin;
  module: string;
}

/** An odds source covering a sport, with its validated options for that sport. */
export interface SourceForSport {
  source: LoadedSource;
  options: unknown;
}

export class PluginRegistry {
  private readonly sportsByCode = new Map<string, LoadedSport>();
  private readonly sourceList: LoadedSource[];
  private readonly venueList: LoadedVenue[];
  private readonly sourcesBySport = new Map<string, SourceForSport[]>();
  private readonly strategyList: LoadedStrategy[];

  constructor(
    sports: readonly LoadedSport[],
    sources: readonly LoadedSource[],
    venues: readonly LoadedVenue[],
    sourcesBySport: ReadonlyMap<string, SourceForSport[]>,
    strategies: readonly LoadedStrategy[] = [],
  ) {
    this.strategyList = [...strategies];
    for (const s of sports) this.sportsByCode.set(s.plugin.code, s);
    this.sourceList = [...sources];
    this.venueList = [...venues];
    for (const [code, list] of sourcesBySport) this.sourcesBySport.set(code, list);
  }

  /** The sport plugins, in the order they were listed. */
  list(): SportPlugin[] {
    return [...this.sportsByCode.values()].map((e) => e.plugin);
  }

  /** Every plugin of every kind, for base URLs and fake-upstream routes. */
  all(): Array<{ plugin: AnyPlugin; module: string }> {
    return [...this.sportsByCode.values(), ...this.sourceList, ...this.venueList, ...this.strategyList];
  }

  /** The strategy plugins loaded, in listed order. */
  strategies(): LoadedStrategy[] {
    return [...this.strategyList];
  }

  /**
   * The strategies by name, as strategy files are parsed against. A deployment whose plugin list
   * names no strategy module still has the bundled ones (its pipelines run model-edge).
   */
  strategyCatalog(): ReadonlyMap<string, StrategyPlugin> {
    if (this.strategyList.length === 0) return BUNDLED_CATALOG;
    return new Map(this.strategyList.map((s) => [s.plugin.name, s.plugin]));
  }

  /** The strategy plugin of a name; throws naming the loaded ones when there is none. */
  strategy(name: string): StrategyPlugin {
    const catalog = this.strategyCatalog();
    const found = catalog.get(name);
    if (!found) throw new Error(`no strategy plugin "${name}"; loaded: ${[...catalog.keys()].join(", ")}`);
    return found;
  }

  /** Sports with their modules, for the API's sport catalog. */
  entries(): Array<{ plugin: SportPlugin; module: string }> {
    return [...this.sportsByCode.values()].map(({ plugin, module }) => ({ plugin, module }));
  }

  /** The sport plugin of a code, in any case ("nhl" is NHL). */
  get(code: string): SportPlugin | undefined {
    return this.sportsByCode.get(normaliseSportCode(code))?.plugin;
  }

  /** The loaded sport of a code; throws naming the loaded codes when there is none. */
  sport(code: string): LoadedSport {
    const sport = this.sportsByCode.get(normaliseSportCode(code));
    if (!sport)
      throw new Error(`no plugin for sport "${code}"; loaded: ${[...this.sportsByCode.keys()].join(", ")}`);
    return sport;
  }

  /** The plugin for a sport code; throws naming the loaded codes when there is none. */
  require(code: string): SportPlugin {
    return this.sport(code).plugin;
  }

  sources(): LoadedSource[] {
    return [...this.sourceList];
  }

  /** The odds sources covering a sport (it or the source gives options for it), in listed order. */
  sourcesFor(code: string): SourceForSport[] {
    return this.sourcesBySport.get(normaliseSportCode(code)) ?? [];
  }

  venues(): LoadedVenue[] {
    return [...this.venueList];
  }

  /** The venue that executes a bookmaker's prices: the one claiming it by name, else a `"*"` venue. */
  venueFor(bookmaker: string): LoadedVenue | undefined {
    const lower = bookmaker.toLowerCase();
    return (
      this.venueList.find(
        (v) => v.plugin.bookmakers !== "*" && v.plugin.bookmakers.some((b) => b.toLowerCase() === lower),
      ) ?? this.venueList.find((v) => v.plugin.bookmakers === "*")
    );
  }

  /** The rules a bookmaker's prices are sized and settled by (a plain sportsbook's when no venue claims it). */
  rulesFor(bookmaker: string): VenueRules {
    return this.venueFor(bookmaker)?.plugin.rules ?? SPORTSBOOK_RULES;
  }
}

export interface RegistryOptions extends HostContextOptions {
  /** Named Elo models a sport may refer to. @defaultValue core's presets (elo/presets.ts) */
  eloPresets?: Readonly<Record<string, EloConfig>>;
  /** Named margin models a sport may refer to. @defaultValue core's (margins/presets.ts) */
  marginPresets?: Readonly<Record<string, EloMarginModel>>;
  /** Tuned presets (backtest --tune) a sport may refer to by its `model.elo`, or be mapped to. */
  tunedPresets?: Readonly<Record<string, TunedPreset>>;
  /** Sport code → tuned preset name (EDGELINE_MODEL_PRESETS): the sport's pipelines use that preset. */
  sportPresets?: Readonly<Record<string, string>>;
  /** Contract version to check `coreVersion` ranges against. @defaultValue CORE_VERSION */
  coreVersion?: string;
}

const SCHEMAS: Record<AnyPlugin["kind"], z.ZodType> = {
  sport: sportPluginSchema,
  "odds-source": oddsSourcePluginSchema,
  venue: venuePluginSchema,
  strategy: strategyPluginSchema,
};

function label(plugin: AnyPlugin): string {
  const p = plugin as { code?: unknown; name?: unknown };
  const name = typeof p.code === "string" ? p.code : typeof p.name === "string" ? p.name : undefined;
  return name ? ` (${name})` : "";
}

function validate(plugin: AnyPlugin, module: string, coreVersion: string): void {
  const kind = (plugin as { kind?: unknown })?.kind;
  const schema = typeof kind === "string" ? SCHEMAS[kind as AnyPlugin["kind"]] : undefined;
  if (!schema) {
    throw new PluginLoadError(
      "PLUGIN_INVALID",
      module,
      `invalid plugin: kind: must be one of ${Object.keys(SCHEMAS).join(", ")} (got ${JSON.stringify(kind)})`,
    );
  }
  const parsed = schema.safeParse(plugin);
  if (!parsed.success) {
    const { jsonPath, message } = describeZodError(parsed.error);
    throw new PluginLoadError(
      "PLUGIN_INVALID",
      module,
      `invalid plugin${label(plugin)}: ${jsonPath}: ${message}`,
    );
  }
  if (!satisfies(coreVersion, plugin.coreVersion)) {
    throw new PluginLoadError(
      "PLUGIN_INCOMPATIBLE",
      module,
      `plugin${label(plugin)} needs core ${plugin.coreVersion}, this core is ${coreVersion}`,
    );
  }
}

function claim(seen: Map<string, string>, key: string, module: string, what: string): void {
  const other = seen.get(key);
  if (other !== undefined)
    throw new PluginLoadError("PLUGIN_DUPLICATE_CODE", module, `${what} is already provided by ${other}`);
  seen.set(key, module);
}

function resolveElo(
  plugin: SportPlugin,
  module: string,
  presets: Readonly<Record<string, EloConfig>>,
): EloConfig {
  const { elo } = plugin.model;
  if (typeof elo !== "string") return eloConfigSchema.parse(elo) as EloConfig;
  const preset = presets[elo];
  if (!preset) {
    throw new PluginLoadError(
      "PLUGIN_INVALID",
      module,
      `plugin ${plugin.code}: unknown Elo preset "${elo}"; presets: ${Object.keys(presets).join(", ")}`,
    );
  }
  return preset;
}

function resolveModel(
  plugin: SportPlugin,
  module: string,
  elo: EloConfig,
  margins: Readonly<Record<string, EloMarginModel>>,
): ResolvedSportModel {
  const { margin, goals, betting, blend } = plugin.model;
  const resolved = margin === undefined ? undefined : margins[margin];
  if (margin !== undefined && !resolved) {
    throw new PluginLoadError(
      "PLUGIN_INVALID",
      module,
      `plugin ${plugin.code}: unknown margin model "${margin}"; margin models: ${Object.keys(margins).join(", ")}`,
    );
  }
  return {
    elo,
    ...(resolved ? { margin: resolved } : {}),
    ...(goals ? { goals } : {}),
    betting: betting ?? "elo",
    blend: {
      minGames: blend?.minGames ?? DEFAULT_BLEND_SETTINGS.minGames,
      defaultWeight: blend?.defaultWeight ?? DEFAULT_BLEND_SETTINGS.defaultWeight,
      shrinkage: blend?.shrinkage ?? DEFAULT_BLEND_SETTINGS.shrinkage,
    },
  };
}

/** The tuned preset a sport uses: mapped to it by the deployment, or named as its `model.elo`. */
function tunedPresetOf(
  plugin: SportPlugin,
  module: string,
  options: RegistryOptions,
): TunedPreset | undefined {
  const presets = options.tunedPresets ?? {};
  const mapped = options.sportPresets?.[plugin.code];
  const name =
    mapped ??
    (typeof plugin.model.elo === "string" && presets[plugin.model.elo] ? plugin.model.elo : undefined);
  if (name === undefined) return undefined;
  const preset = presets[name];
  if (!preset) {
    throw new PluginLoadError(
      "PLUGIN_CONFIG_ENV",
      module,
      `EDGELINE_MODEL_PRESETS maps ${plugin.code} to "${name}", which is not a saved preset; saved: ${Object.keys(presets).join(", ") || "none"}`,
    );
  }
  if (preset.sport !== plugin.code)
    throw new PluginLoadError(
      "PLUGIN_INVALID",
      module,
      `preset "${name}" was tuned for ${preset.sport}, not ${plugin.code}`,
    );
  return preset;
}

/** The options each source has for each sport (the sport's entry over the source's own), validated. */
function sourceCoverage(
  sports: readonly LoadedSport[],
  sources: readonly LoadedSource[],
): Map<string, SourceForSport[]> {
  const coverage = new Map<string, SourceForSport[]>();
  for (const sport of sports) {
    const list: SourceForSport[] = [];
    for (const source of sources) {
      const raw =
        sport.plugin.sourceOptions?.[source.plugin.name] ?? source.plugin.sports?.[sport.plugin.code];
      if (raw === undefined) continue;
      const parsed = source.plugin.sportOptions.safeParse(raw);
      if (!parsed.success) {
        const { jsonPath, message } = describeZodError(parsed.error);
        throw new PluginLoadError(
          "PLUGIN_INVALID",
          sport.module,
          `plugin ${sport.plugin.code}: sourceOptions.${source.plugin.name}${jsonPath === "(root)" ? "" : `.${jsonPath}`}: ${message}`,
        );
      }
      list.push({ source, options: parsed.data });
    }
    coverage.set(sport.plugin.code, list);
  }
  return coverage;
}

/** Validates plugins already imported and builds their contexts. Throws a PluginLoadError on the first problem. */
export function createPluginRegistry(
  entries: readonly LoadedPlugin[],
  options: RegistryOptions = {},
): PluginRegistry {
  const coreVersion = options.coreVersion ?? CORE_VERSION;
  const presets = options.eloPresets ?? ELO_PRESETS;
  const names = new Map<string, string>();
  for (const { plugin, module } of entries) {
    validate(plugin, module, coreVersion);
    if (plugin.kind === "sport") claim(names, `sport:${plugin.code}`, module, `sport code ${plugin.code}`);
    else claim(names, `${plugin.kind}:${plugin.name}`, module, `${plugin.kind} ${plugin.name}`);
  }
  const contexts = hostContexts(entries as ReadonlyArray<{ plugin: PluginCommon; module: string }>, options);
  const contextOf = (plugin: AnyPlugin) => contexts.get(plugin)!;

  const sports: LoadedSport[] = [];
  const sources: LoadedSource[] = [];
  const venues: LoadedVenue[] = [];
  const strategies: LoadedStrategy[] = [];
  const bookmakers = new Map<string, string>();
  for (const { plugin, module } of entries) {
    if (plugin.kind === "sport") {
      try {
        createEntityIndex(plugin.entities);
      } catch (error) {
        throw new PluginLoadError(
          "PLUGIN_INVALID",
          module,
          `plugin ${plugin.code}: entities: ${(error as Error).message}`,
        );
      }
      const tuned = tunedPresetOf(plugin, module, options);
      const elo = tuned ? tuned.elo : resolveElo(plugin, module, presets);
      const model = resolveModel(plugin, module, elo, options.marginPresets ?? MARGIN_MODEL_PRESETS);
      sports.push({
        plugin,
        module,
        view: sportView(plugin),
        elo,
        model,
        thresholds: tuned ? tuned.thresholds : plugin.recommendation,
        ...(tuned ? { kellyFraction: tuned.kellyFraction, preset: tuned.name } : {}),
        context: contextOf(plugin),
      });
    } else if (plugin.kind === "odds-source") {
      const context = contextOf(plugin);
      const unavailable = plugin.unavailable?.(context.config as never);
      sources.push({ plugin, module, context, ...(unavailable ? { unavailable } : {}) });
    } else if (plugin.kind === "strategy") {
      strategies.push({ plugin, module });
    } else {
      const claimed = plugin.bookmakers === "*" ? ["*"] : plugin.bookmakers.map((b) => b.toLowerCase());
      for (const b of claimed) claim(bookmakers, b, module, `bookmaker "${b}" (venue ${plugin.name})`);
      venues.push({ plugin, module, context: contextOf(plugin) });
    }
  }
  return new PluginRegistry(sports, sources, venues, sourceCoverage(sports, sources), strategies);
}
