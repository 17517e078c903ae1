import { createLogger } from "../config/logger.ts";
import { HttpClient, type HttpClientDeps, type HttpSourceConfig, sourceBaseUrls } from "../http/index.ts";

/** The logging calls a plugin may make (a subset of pino's, so a pino logger fits). */
export interface PluginLogger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/** How a plugin asks for an HTTP client: the usual source config, with the base URL named by key. */
export interface PluginHttpOptions extends Omit<HttpSourceConfig, "baseUrl"> {
  /** Key of the base URL in the context ("nhl", "nbaCdn", "espn", or a plugin's own key). */
  baseUrlKey: string;
  /** Used when the deployment configures no URL for `baseUrlKey` (the real public host). */
  defaultBaseUrl?: string;
}

/**
 * Everything a plugin gets from the host: configured base URLs, HTTP clients and a logger.
 * Plugins never read the environment themselves, so a test can point them anywhere.
 */
export interface PluginContext {
  /** An HTTP client (zod-validated JSON, retries, rate limit) for one upstream source. */
  http(options: PluginHttpOptions): HttpClient;
  /** The configured base URL for a key, if any. */
  baseUrl(key: string): string | undefined;
  logger: PluginLogger;
}

export interface CreatePluginContextOptions {
  /** Environment to read base URLs from. @defaultValue process.env */
  env?: Record<string, string | undefined>;
  /** Base URLs by key; these win over the environment. */
  baseUrls?: Record<string, string>;
  logger?: PluginLogger;
  /** Passed to every HttpClient (fetch, sleep, logger), for tests. */
  httpDeps?: HttpClientDeps;
}

/**
 * Base URLs come from the core source config (EDGELINE_NHL_API_URL, EDGELINE_NBA_CDN_URL,
 * EDGELINE_ESPN_API_URL, ...) plus `EDGELINE_SOURCE_<KEY>_URL` for sources core does not know,
 * e.g. `EDGELINE_SOURCE_CRICKET_URL` gives the key "cricket".
 */
export function createPluginContext(options: CreatePluginContextOptions = {}): PluginContext {
  const env = options.env ?? process.env;
  const urls: Record<string, string> = {};
  for (const [key, value] of Object.entries(sourceBaseUrls(env))) {
    if (key !== "oddsApiKey" && typeof value === "string") urls[key] = value;
  }
  for (const [name, value] of Object.entries(env)) {
    const m = /^EDGELINE_SOURCE_([A-Z0-9_]+)_URL$/.exec(name);
    if (m?.[1] && value)
      urls[m[1].toLowerCase().replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase())] = value;
  }
  Object.assign(urls, options.baseUrls);
  const logger = options.logger ?? createLogger("edgeline-plugin", env as NodeJS.ProcessEnv);
  const clients = new Map<string, HttpClient>();
  return {
    logger,
    baseUrl: (key) => urls[key],
    http({ baseUrlKey, defaultBaseUrl, ...config }) {
      const baseUrl = urls[baseUrlKey] ?? defaultBaseUrl;
      if (!baseUrl) throw new Error(`no base URL configured for "${baseUrlKey}" (source ${config.source})`);
      // One client per source and base, so the per-host rate limit and logger are shared.
      const cacheKey = `${config.source} ${baseUrl}`;
      let client = clients.get(cacheKey);
      if (!client) {
        client = new HttpClient({ ...config, baseUrl }, options.httpDeps);
        clients.set(cacheKey, client);
      }
      return client;
    },
  };
}
