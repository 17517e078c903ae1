// Pointing plugins at one local server (the fake upstream, the demo): each declared base URL keeps
// its path prefix (Kalshi's /trade-api/v2) on the local origin.
import { type BaseUrlSpec, defaultBaseUrlEnv } from "@edgeline/sdk";

type WithBaseUrls = { baseUrls?: Readonly<Record<string, BaseUrlSpec>> };

function localUrl(origin: string, spec: BaseUrlSpec): string {
  const path = new URL(spec.default).pathname.replace(/\/+$/, "");
  return `${origin.replace(/\/+$/, "")}${path}`;
}

/** Base URLs by key, all on `origin`: for building plugin contexts in tests. */
export function localBaseUrls(plugins: readonly WithBaseUrls[], origin: string): Record<string, string> {
  const urls: Record<string, string> = {};
  for (const p of plugins)
    for (const [key, spec] of Object.entries(p.baseUrls ?? {})) urls[key] = localUrl(origin, spec);
  return urls;
}

/** The environment variables that point every declared base URL at `origin` (the demo sets these). */
export function localSourceEnv(plugins: readonly WithBaseUrls[], origin: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const p of plugins)
    for (const [key, spec] of Object.entries(p.baseUrls ?? {}))
      env[spec.env ?? defaultBaseUrlEnv(key)] = localUrl(origin, spec);
  return env;
}
