// What every plugin kind shares: its kind, the contract versions it was written for, the upstream
// base URLs it calls, the configuration it reads, and the fake-upstream routes that stand in for
// its upstream in tests and the demo.
import { z } from "zod";
import type { FakeRoute } from "../fake/fake-route.ts";
import { isValidRange } from "./compatibility.ts";

export const PLUGIN_KINDS = ["sport", "odds-source", "venue", "strategy"] as const;
export type PluginKind = (typeof PLUGIN_KINDS)[number];

/** One upstream a plugin calls. The host lets the environment override the default. */
export interface BaseUrlSpec {
  /** The real public base, scheme, host and path prefix: `https://api.elections.kalshi.com/trade-api/v2`. */
  default: string;
  /**
   * Environment variable that overrides it. @defaultValue `EDGELINE_SOURCE_<KEY>_URL` (key in
   * upper snake case, e.g. EDGELINE_SOURCE_NBA_CDN_URL for "nbaCdn")
   */
  env?: string;
}

export interface PluginCommon<Config = unknown> {
  kind: PluginKind;
  /** npm-style range of the plugin contract versions this plugin works with ("^0.2.0"). */
  coreVersion: string;
  /** The upstreams it calls, by key; keys are global, so two plugins sharing a host share a key. */
  baseUrls?: Readonly<Record<string, BaseUrlSpec>>;
  /**
   * Its configuration, parsed from the process environment at start-up (variables by name). A
   * failure stops start-up naming the variable. The parsed value reaches the plugin as `ctx.config`.
   */
  config?: z.ZodType<Config>;
  /** Stand-ins for its upstream, served by the fake upstream (tests, demo). */
  fake?: { routes: readonly FakeRoute[] };
}

export const fn = (what: string) =>
  z.custom<(...args: never[]) => unknown>((v) => typeof v === "function", `${what} must be a function`);

const baseUrlSpecSchema = z.object({
  default: z.url(),
  env: z
    .string()
    .regex(/^[A-Z][A-Z0-9_]*$/, "must be an environment variable name")
    .optional(),
});

/** The fields of PluginCommon, checked at load. */
export const pluginCommonShape = {
  coreVersion: z.string().refine(isValidRange, "must be a version range such as ^0.2.0"),
  baseUrls: z
    .record(z.string().regex(/^[a-z][a-zA-Z0-9]*$/, "keys are camelCase"), baseUrlSpecSchema)
    .optional(),
  config: z.custom<z.ZodType>((v) => v instanceof z.ZodType, "must be a zod schema").optional(),
  fake: z
    .object({
      routes: z.array(
        z.object({ name: z.string().min(1), pattern: z.instanceof(RegExp), handle: fn("handle") }),
      ),
    })
    .optional(),
};

/** The environment variable of a base URL key when the plugin names none. */
export function defaultBaseUrlEnv(key: string): string {
  return `EDGELINE_SOURCE_${key.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toUpperCase()}_URL`;
}
