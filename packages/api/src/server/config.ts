// The API server's configuration: its part of core's one configuration object, plus the static
// limits on a GraphQL document.
import { type EdgelineConfig, loadConfig } from "@edgeline/core";

export interface ApiConfig {
  readRequiresKey: boolean;
  corsOrigins: string[];
  maxBodyBytes: number;
  /** @defaultValue 5000 (EDGELINE_API_KEY_CACHE_MS) */
  keyCacheTtlMs?: number;
  /** Operations per minute per API key; 0 or absent: no limit. @defaultValue 600 (EDGELINE_API_RATE_LIMIT_PER_MINUTE) */
  rateLimitPerMinute?: number;
  limits: QueryLimits;
}

/** Static limits on a GraphQL document, checked before execution (see use-limits.ts). */
export interface QueryLimits {
  /** Nesting depth; a connection costs 3 levels (field, edges, node). @defaultValue 12 */
  maxDepth: number;
  /** Aliased fields per operation. @defaultValue 15 */
  maxAliases: number;
  /** Lexical tokens per document. @defaultValue 2000 */
  maxTokens: number;
  /** graphql-armor cost (objects 2, scalars 1, times 1.5 per level). @defaultValue 5000 */
  maxCost: number;
}

export const defaultLimits: QueryLimits = { maxDepth: 12, maxAliases: 15, maxTokens: 2000, maxCost: 5000 };

/** The API's part of the configuration (EDGELINE_API_* variables), with the document limits. */
export function apiConfigFrom(config: EdgelineConfig = loadConfig()): ApiConfig {
  return {
    readRequiresKey: config.api.readRequiresKey ?? true,
    corsOrigins: config.api.corsOrigins,
    maxBodyBytes: config.api.maxBodyBytes,
    keyCacheTtlMs: config.api.keyCacheTtlMs,
    rateLimitPerMinute: config.api.rateLimitPerMinute,
    limits: defaultLimits,
  };
}
