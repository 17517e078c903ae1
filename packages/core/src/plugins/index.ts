export { CORE_VERSION, satisfies } from "./compatibility.ts";
export {
  type CreatePluginContextOptions,
  createPluginContext,
  type PluginContext,
  type PluginHttpOptions,
  type PluginLogger,
} from "./context.ts";
export {
  definePlugin,
  type KalshiMapping,
  type MarketOffer,
  type OddsApiMapping,
  type RecommendationThresholds,
  type SbrMapping,
  type SportPlugin,
  sportPluginSchema,
  TWO_WAY_TEAM_MARKETS,
} from "./contract.ts";
export { addDays, calendarDayIn, type DateRange, dateRangeSchema, eachDay, isInRange } from "./date-range.ts";
export { createEntityIndex, type Entity, type EntityIndex, entity } from "./entities.ts";
export { ENTITY_ID_PATTERN, nameKey, toEntityId } from "./entity-id.ts";
export {
  assignGameIds,
  baseGameId,
  GAME_ID_PATTERN,
  type GameDraft,
  type GameIdParts,
  parseGameId,
} from "./game-id.ts";
export { calendarDaySchema, type GameRecord, gameRecordSchema } from "./game-record.ts";
export { PluginLoadError, type PluginLoadErrorCode } from "./plugin-load-error.ts";
export {
  createPluginRegistry,
  type LoadedPlugin,
  type LoadPluginsOptions,
  loadPlugins,
  PLUGIN_CONFIG_FILE,
  PluginRegistry,
  pluginList,
  type RegistryOptions,
  resolveSpecifier,
} from "./registry.ts";
export { GAME_STATUSES, type GameStatus, gameStatusSchema, isSettleable, isVoided } from "./status.ts";
