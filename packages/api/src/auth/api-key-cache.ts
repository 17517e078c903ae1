// Verified API keys, remembered for a short while so that a request does not cost a query to
// check its key. The bound is the point: a key revoked (or deleted) in the database is refused
// at the latest `ttlMs` after the revocation, whatever happens. Sooner in practice: every API
// process LISTENs for changes to api_keys (server/pg-notifications.ts) and forgets the key at once.

import { keyIdOf, matchesHash } from "./api-key.ts";
import type { Scope } from "./scopes.ts";

export interface VerifiedKey {
  keyId: string;
  scope: Scope;
}

/** What the cache keeps of a verified key; the hash is checked again on every hit. */
export interface StoredKey extends VerifiedKey {
  secretHash: string;
}

export interface ApiKeyCacheOptions {
  /** How long a verification is trusted. @defaultValue 5000 (DEFAULT_KEY_CACHE_TTL_MS) */
  ttlMs?: number;
  /** Keys remembered at most; the oldest is dropped first. @defaultValue 1000 */
  maxEntries?: number;
  /** @defaultValue Date.now */
  now?: () => number;
}

export const DEFAULT_KEY_CACHE_TTL_MS = 5000;

/**
 * Wraps a lookup of a key's row (null when unknown or revoked) with a cache by key id. Unknown and
 * revoked keys are not remembered, so they always cost their lookup (and are refused at once).
 */
export function createApiKeyCache(
  lookup: (keyId: string) => Promise<StoredKey | null>,
  options: ApiKeyCacheOptions = {},
) {
  const ttl = options.ttlMs ?? DEFAULT_KEY_CACHE_TTL_MS;
  const max = options.maxEntries ?? 1000;
  const now = options.now ?? Date.now;
  const entries = new Map<string, { key: StoredKey; until: number }>();

  return {
    /** The key's id and scope when `key` is a live key, else null. */
    async verify(key: string): Promise<VerifiedKey | null> {
      const keyId = keyIdOf(key);
      if (!keyId) return null;
      const hit = entries.get(keyId);
      let stored: StoredKey | null = hit && hit.until > now() ? hit.key : null;
      if (!stored) {
        entries.delete(keyId);
        stored = await lookup(keyId);
        if (!stored) return null;
        if (ttl > 0) {
          if (entries.size >= max) entries.delete(entries.keys().next().value as string);
          entries.set(keyId, { key: stored, until: now() + ttl });
        }
      }
      if (!matchesHash(key, stored.secretHash)) return null;
      return { keyId: stored.keyId, scope: stored.scope };
    },
    /** Drops a key (revoked or changed) so that its next use is looked up again. */
    forget(keyId: string): void {
      entries.delete(keyId);
    },
    clear(): void {
      entries.clear();
    },
  };
}

export type ApiKeyCache = ReturnType<typeof createApiKeyCache>;
