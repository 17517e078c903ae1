// The logging calls plugins and the HTTP client make: a subset of pino's interface, so the host's
// pino logger fits as it is, and a plugin package needs no logging library of its own.

export interface PluginLogger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
  /** A logger that adds `bindings` to every line (pino's child). */
  child(bindings: Record<string, unknown>): PluginLogger;
}

const noop = () => {};

/** Drops everything: the default where no host logger is passed (library use, unit tests). */
export const silentLogger: PluginLogger = {
  debug: noop,
  info: noop,
  warn: noop,
  error: noop,
  child: () => silentLogger,
};
