// How the host gives each plugin its context: base URLs resolved from the environment over the
// plugins' declared defaults, the plugin's own configuration parsed by its schema, one logger,
// and HTTP clients shared process-wide (so per-host rate limits hold across plugins).
import {
  type BaseUrlSpec,
  createPluginContext,
  defaultBaseUrlEnv,
  describeZodError,
  type HttpClient,
  type HttpClientDeps,
  type PluginCommon,
  type PluginContext,
  PluginLoadError,
  type PluginLogger,
} from "@edgeline/sdk";
import { createLogger } from "../config/logger.ts";
import { upstreamObserver } from "../metrics/http-observer.ts";

export interface HostContextOptions {
  /** Environment to read base URLs and plugin configuration from. @defaultValue process.env */
  env?: Record<string, string | undefined>;
  /** Base URLs by key; these win over the environment (tests). */
  baseUrls?: Record<string, string>;
  /** @defaultValue the process logger (EDGELINE_LOG_LEVEL), one child per plugin */
  logger?: PluginLogger;
  /** Passed to every HttpClient (fetch, sleep, logger), for tests. */
  httpDeps?: HttpClientDeps;
}

const stripSlash = (url: string) => url.replace(/\/+$/, "");

/**
 * The base URL of every key the plugins declare: the key's environment variable when set, else
 * the declared default. Two plugins declaring one key (Kalshi's source and venue) share it; a
 * malformed URL stops start-up naming the variable.
 */
export function resolveBaseUrls(
  entries: ReadonlyArray<{ plugin: PluginCommon; module: string }>,
  env: Record<string, string | undefined>,
  overrides: Record<string, string> = {},
): Record<string, string> {
  const specs = new Map<string, { spec: BaseUrlSpec; module: string }>();
  for (const { plugin, module } of entries)
    for (const [key, spec] of Object.entries(plugin.baseUrls ?? {}))
      if (!specs.has(key)) specs.set(key, { spec, module });
  const urls: Record<string, string> = {};
  for (const [key, { spec, module }] of specs) {
    const variable = spec.env ?? defaultBaseUrlEnv(key);
    const value = env[variable];
    if (value !== undefined && value !== "" && !URL.canParse(value)) {
      throw new PluginLoadError("PLUGIN_CONFIG_ENV", module, `${variable}: "${value}" is not a URL`);
    }
    urls[key] = stripSlash(value || spec.default);
  }
  for (const [key, url] of Object.entries(overrides)) urls[key] = stripSlash(url);
  return urls;
}

/** A plugin's configuration from the environment; a failure names the variable and the module. */
export function parsePluginConfig(
  plugin: PluginCommon,
  module: string,
  env: Record<string, string | undefined>,
): unknown {
  if (!plugin.config) return undefined;
  // An empty string means "unset", as everywhere in Edgeline's configuration.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = plugin.config.safeParse(cleaned);
  if (parsed.success) return parsed.data;
  const { jsonPath, message } = describeZodError(parsed.error);
  throw new PluginLoadError("PLUGIN_CONFIG_ENV", module, `${jsonPath}: ${message}`);
}

/** The contexts of a set of plugins, sharing base URLs, logger and HTTP clients. */
export function hostContexts(
  entries: ReadonlyArray<{ plugin: PluginCommon; module: string }>,
  options: HostContextOptions,
): Map<PluginCommon, PluginContext<unknown>> {
  const env = options.env ?? process.env;
  const baseUrls = resolveBaseUrls(entries, env, options.baseUrls);
  const clients = new Map<string, HttpClient>();
  const contexts = new Map<PluginCommon, PluginContext<unknown>>();
  const logger = options.logger ?? createLogger("edgeline", { env });
  for (const { plugin, module } of entries) {
    const p = plugin as { code?: string; name?: string };
    contexts.set(
      plugin,
      createPluginContext({
        baseUrls,
        config: parsePluginConfig(plugin, module, env),
        clients,
        logger: logger.child({ plugin: p.code ?? p.name }),
        // Every upstream call is counted in the process's metrics unless a test observes them itself.
        httpDeps: { observe: upstreamObserver(), ...options.httpDeps },
      }),
    );
  }
  return contexts;
}
