// API server configuration from environment variables (zod-validated, like core's loadEnv).
import { ConfigError } from "@edgeline/core";
import { z } from "zod";
import { DEFAULT_KEY_CACHE_TTL_MS } from "../auth/api-key-cache.ts";

const bool = (fallback: boolean) =>
  z
    .enum(["true", "false", "1", "0"])
    .default(fallback ? "true" : "false")
    .transform((v) => v === "true" || v === "1");

const list = z
  .string()
  .default("")
  .transform((v) =>
    v
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean),
  );

export const apiEnvSchema = z.object({
  /**
   * Whether queries and subscriptions need an API key (read or write). Mutations always need a write
   * key. Introspection-only operations (`__schema`, `__type`, `__typename`) never need one, so that
   * GraphiQL can load the schema. @defaultValue true: the data includes bets and bankroll.
   */
  EDGELINE_API_READ_REQUIRES_KEY: bool(true),
  /**
   * Origins allowed to call the API from a browser, comma-separated, or `*`. @defaultValue empty:
   * no CORS headers, so browsers allow same-origin pages (GraphiQL at /graphql) only.
   */
  EDGELINE_API_CORS_ORIGINS: list,
  /**
   * How long a verified API key is trusted without asking the database, in ms; a revoked key is
   * refused at the latest this long after its revocation (at once while the API's LISTEN
   * connection is up). 0 verifies every request. @defaultValue 5000
   */
  EDGELINE_API_KEY_CACHE_MS: z.coerce.number().int().min(0).max(60_000).default(DEFAULT_KEY_CACHE_TTL_MS),
  /** Largest request body accepted, in bytes; larger ones get 413 (yoga's maxRequestBodySize). @defaultValue 102400 */
  EDGELINE_API_MAX_BODY_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(100 * 1024),
});

export interface ApiConfig {
  readRequiresKey: boolean;
  corsOrigins: string[];
  maxBodyBytes: number;
  /** @defaultValue 5000 (EDGELINE_API_KEY_CACHE_MS) */
  keyCacheTtlMs?: number;
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

export function loadApiConfig(env: NodeJS.ProcessEnv = process.env): ApiConfig {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ""));
  const parsed = apiEnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`Invalid API configuration:\n${lines.join("\n")}`);
  }
  return {
    readRequiresKey: parsed.data.EDGELINE_API_READ_REQUIRES_KEY,
    corsOrigins: parsed.data.EDGELINE_API_CORS_ORIGINS,
    maxBodyBytes: parsed.data.EDGELINE_API_MAX_BODY_BYTES,
    keyCacheTtlMs: parsed.data.EDGELINE_API_KEY_CACHE_MS,
    limits: defaultLimits,
  };
}
