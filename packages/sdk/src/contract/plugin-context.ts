// What a plugin gets from the host: HTTP clients for its configured base URLs, a logger and its own
// validated configuration. Plugins never read the environment themselves, so a test or the demo
// can point them anywhere.
import { HttpClient, type HttpClientDeps, type HttpSourceConfig } from "../http/http-client.ts";
import { type PluginLogger, silentLogger } from "./plugin-logger.ts";

/** How a plugin asks for an HTTP client: the usual source config, with the base URL named by key. */
export interface PluginHttpOptions extends Omit<HttpSourceConfig, "baseUrl"> {
  /** Key of one of the plugin's declared base URLs ("nhl", "kalshi"); the host resolves it. */
  baseUrlKey: string;
}

export interface PluginContext<Config = unknown> {
  /** An HTTP client (zod-validated JSON, retries, rate limit) for one upstream source. */
  http(options: PluginHttpOptions): HttpClient;
  /** The base URL in force for a key (configured, or the declaring plugin's default). */
  baseUrl(key: string): string | undefined;
  logger: PluginLogger;
  /** This plugin's configuration, parsed by its `config` schema at start-up. */
  config: Config;
}

export interface CreatePluginContextOptions<Config> {
  /** Base URLs by key, already resolved by the host (environment over the plugins' defaults). */
  baseUrls: Readonly<Record<string, string>>;
  config: Config;
  logger?: PluginLogger;
  /** Passed to every HttpClient (fetch, sleep, logger), for tests. */
  httpDeps?: HttpClientDeps;
  /** Shares HTTP clients (and so their per-host rate limits) between the contexts of one process. */
  clients?: Map<string, HttpClient>;
}

/** A context over resolved base URLs. The host builds one per plugin; tests build their own. */
export function createPluginContext<Config = undefined>(
  options: CreatePluginContextOptions<Config>,
): PluginContext<Config> {
  const logger = options.logger ?? silentLogger;
  const clients = options.clients ?? new Map<string, HttpClient>();
  return {
    logger,
    config: options.config,
    baseUrl: (key) => options.baseUrls[key],
    http({ baseUrlKey, ...config }) {
      const baseUrl = options.baseUrls[baseUrlKey];
      if (!baseUrl) throw new Error(`no base URL configured for "${baseUrlKey}" (source ${config.source})`);
      // One client per source and base, so the per-host rate limit and logger are shared.
      const cacheKey = `${config.source} ${baseUrl}`;
      let client = clients.get(cacheKey);
      if (!client) {
        client = new HttpClient({ ...config, baseUrl }, { logger, ...options.httpDeps });
        clients.set(cacheKey, client);
      }
      return client;
    },
  };
}
