/** Stable reasons start-up refuses a plugin; operators and tests branch on these. */
export type PluginLoadErrorCode =
  | "PLUGIN_CONFIG_INVALID"
  | "PLUGIN_IMPORT_FAILED"
  | "PLUGIN_INVALID"
  | "PLUGIN_INCOMPATIBLE"
  | "PLUGIN_DUPLICATE_CODE"
  | "PLUGIN_CONFIG_ENV";

/** A plugin could not be loaded. The message reads `{module}: {what is wrong}`. */
export class PluginLoadError extends Error {
  override name = "PluginLoadError";

  constructor(
    readonly code: PluginLoadErrorCode,
    /** The module specifier (or config file) at fault. */
    readonly module: string,
    readonly detail: string,
    cause?: unknown,
  ) {
    super(`${module}: ${detail}`, cause === undefined ? undefined : { cause });
  }
}
