// Finding and importing the plugin modules: the list comes from `EDGELINE_PLUGINS` or the
// `edgeline.plugins.json` found from the working directory upwards; every plugin a module exports
// (default: one or an array, or `plugins`) is validated by the registry.
import { existsSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, isAbsolute, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describeZodError, PluginLoadError } from "@edgeline/sdk";
import { z } from "zod";
import { loadTunedPresets, parseSportPresets } from "../research/model-presets.ts";
import {
  type AnyPlugin,
  createPluginRegistry,
  type LoadedPlugin,
  type PluginRegistry,
  type RegistryOptions,
} from "./registry.ts";

/** Name of the config file listing the plugins, looked up from the working directory upwards. */
export const PLUGIN_CONFIG_FILE = "edgeline.plugins.json";

const configSchema = z.object({
  $comment: z.string().optional(),
  /** Module specifiers: a package name, or a path (file or package folder) relative to this file. */
  plugins: z.array(z.string().min(1)).min(1),
});

export interface LoadPluginsOptions extends RegistryOptions {
  /** Environment; `EDGELINE_PLUGINS` (comma-separated specifiers) replaces the config file. */
  env?: Record<string, string | undefined>;
  /** Where relative `EDGELINE_PLUGINS` paths start and the config lookup begins. @defaultValue process.cwd() */
  cwd?: string;
  /** Use this config file instead of looking one up (wins over `EDGELINE_PLUGINS`). */
  configFile?: string;
}

/**
 * Loads the plugin list (from `EDGELINE_PLUGINS` or `edgeline.plugins.json`), imports each module
 * and validates every plugin it exports. Any failure throws a {@link PluginLoadError} naming the
 * module and what is wrong; start-up should not go on without a sport it was told to load.
 */
export async function loadPlugins(options: LoadPluginsOptions = {}): Promise<PluginRegistry> {
  const cwd = options.cwd ?? process.cwd();
  const { specifiers, baseDir } = pluginList(options.env ?? process.env, cwd, options.configFile);
  const entries: LoadedPlugin[] = [];
  for (const specifier of specifiers) {
    for (const plugin of await importPlugins(specifier, baseDir)) entries.push({ plugin, module: specifier });
  }
  // Tuned presets saved by `backtest --tune` (EDGELINE_DATA_DIR/presets) and the sports mapped to them.
  const env = options.env ?? process.env;
  const dataDir = resolve(cwd, env.EDGELINE_DATA_DIR || ".edgeline");
  let tuned: Pick<RegistryOptions, "tunedPresets" | "sportPresets">;
  try {
    tuned = {
      tunedPresets: options.tunedPresets ?? loadTunedPresets(dataDir),
      sportPresets: options.sportPresets ?? parseSportPresets(env.EDGELINE_MODEL_PRESETS),
    };
  } catch (error) {
    throw new PluginLoadError("PLUGIN_CONFIG_ENV", dataDir, (error as Error).message);
  }
  return createPluginRegistry(entries, { ...options, ...tuned });
}

/** The specifiers to load and the directory relative paths are resolved against. */
export function pluginList(
  env: Record<string, string | undefined>,
  cwd: string,
  configFile?: string,
): { specifiers: string[]; baseDir: string; source: string } {
  const fromEnv = env.EDGELINE_PLUGINS?.trim();
  if (fromEnv && !configFile) {
    const specifiers = fromEnv
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
    return { specifiers, baseDir: cwd, source: "EDGELINE_PLUGINS" };
  }
  const file = configFile ? resolve(cwd, configFile) : findUp(PLUGIN_CONFIG_FILE, cwd);
  if (!file || !existsSync(file)) {
    throw new PluginLoadError(
      "PLUGIN_CONFIG_INVALID",
      PLUGIN_CONFIG_FILE,
      `no ${PLUGIN_CONFIG_FILE} found from ${cwd} upwards and EDGELINE_PLUGINS is not set`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new PluginLoadError("PLUGIN_CONFIG_INVALID", file, `not valid JSON: ${(error as Error).message}`);
  }
  const parsed = configSchema.safeParse(json);
  if (!parsed.success) {
    const { jsonPath, message } = describeZodError(parsed.error);
    throw new PluginLoadError("PLUGIN_CONFIG_INVALID", file, `${jsonPath}: ${message}`);
  }
  return { specifiers: parsed.data.plugins, baseDir: dirname(file), source: file };
}

function findUp(name: string, from: string): string | undefined {
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    const candidate = join(dir, name);
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}

/** Imports one module and returns the plugins it exports: default (one or an array) or `plugins`. */
async function importPlugins(specifier: string, baseDir: string): Promise<AnyPlugin[]> {
  let mod: Record<string, unknown>;
  try {
    mod = (await import(resolveSpecifier(specifier, baseDir))) as Record<string, unknown>;
  } catch (error) {
    throw new PluginLoadError(
      "PLUGIN_IMPORT_FAILED",
      specifier,
      `cannot import: ${(error as Error).message}`,
      error,
    );
  }
  const exported = mod.default ?? mod.plugins;
  if (exported === undefined) {
    throw new PluginLoadError(
      "PLUGIN_INVALID",
      specifier,
      "exports no plugin (expected a default export or `plugins`)",
    );
  }
  const plugins = Array.isArray(exported) ? exported : [exported];
  if (plugins.length === 0)
    throw new PluginLoadError("PLUGIN_INVALID", specifier, "exports an empty plugin list");
  return plugins as AnyPlugin[];
}

/** A URL `import()` accepts: paths and package folders become file URLs, package names resolve from baseDir. */
export function resolveSpecifier(specifier: string, baseDir: string): string {
  if (specifier.startsWith("file:")) return resolveSpecifier(fileURLToPath(specifier), baseDir);
  if (specifier.startsWith(".") || isAbsolute(specifier)) {
    const path = resolve(baseDir, specifier);
    return pathToFileURL(existsSync(path) && statSync(path).isDirectory() ? packageEntry(path) : path).href;
  }
  try {
    return pathToFileURL(createRequire(join(baseDir, "noop.js")).resolve(specifier)).href;
  } catch {
    // Not installed next to the config: let Node resolve it from core's own location.
    return specifier;
  }
}

/** Entry file of a package folder: its `exports["."]` (string or import/default), else main, else index.ts. */
function packageEntry(dir: string): string {
  const pkgFile = join(dir, "package.json");
  if (!existsSync(pkgFile)) return join(dir, "index.ts");
  const pkg = JSON.parse(readFileSync(pkgFile, "utf8")) as { exports?: unknown; main?: string };
  const root =
    typeof pkg.exports === "object" && pkg.exports !== null && "." in pkg.exports
      ? (pkg.exports as Record<string, unknown>)["."]
      : pkg.exports;
  const target =
    typeof root === "string"
      ? root
      : typeof root === "object" && root !== null
        ? ((root as Record<string, unknown>).import ?? (root as Record<string, unknown>).default)
        : undefined;
  return join(dir, typeof target === "string" ? target : (pkg.main ?? "index.ts"));
}
