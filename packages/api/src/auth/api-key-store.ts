// api_keys rows: create (returning the key once), verify a presented key, list, revoke.
import type { PrismaClient } from "../graphql/prisma.ts";
import { generateKey, keyIdOf, matchesHash } from "./api-key.ts";
import type { StoredKey, VerifiedKey } from "./api-key-cache.ts";
import { isScope, type Scope } from "./scopes.ts";

export interface ApiKeyInfo {
  keyId: string;
  scope: Scope;
  name: string | null;
  createdAt: Date;
  revokedAt: Date | null;
}

export interface CreatedApiKey extends ApiKeyInfo {
  /** The key itself: print it once; it cannot be recovered later. */
  key: string;
}

type KeyDb = Pick<PrismaClient, "apiKey">;

export async function createApiKey(db: KeyDb, scope: Scope, name?: string): Promise<CreatedApiKey> {
  const { key, keyId, secretHash } = generateKey();
  const row = await db.apiKey.create({ data: { keyId, scope, name: name ?? null, secretHash } });
  return { key, keyId, scope, name: row.name, createdAt: row.createdAt, revokedAt: null };
}

/** What verifying a key needs: one parameterised query (a pg pool, or anything with its `query`). */
export interface KeyLookup {
  query<R extends object>(text: string, values: unknown[]): Promise<{ rows: R[] }>;
}

/**
 * The live (not revoked) key with this id, as stored: its scope and digest. Plain SQL rather than
 * Prisma: it runs whenever a key is not in the API's cache (auth/api-key-cache.ts).
 */
export async function findLiveKey(db: KeyLookup, keyId: string): Promise<StoredKey | null> {
  const { rows } = await db.query<{ scope: string; secret_hash: string }>(
    "SELECT scope, secret_hash FROM api_keys WHERE key_id = $1 AND revoked_at IS NULL",
    [keyId],
  );
  const row = rows[0];
  if (!row || !isScope(row.scope)) return null;
  return { keyId, scope: row.scope, secretHash: row.secret_hash };
}

/**
 * The key's id and scope when `key` is a live key, else null. A malformed key costs no query; a
 * well-formed one costs one, and the digest comparison takes the same time however it differs.
 */
export async function verifyApiKey(db: KeyLookup, key: string): Promise<VerifiedKey | null> {
  const keyId = keyIdOf(key);
  if (!keyId) return null;
  const stored = await findLiveKey(db, keyId);
  if (!stored || !matchesHash(key, stored.secretHash)) return null;
  return { keyId, scope: stored.scope };
}

export async function listApiKeys(db: KeyDb): Promise<ApiKeyInfo[]> {
  const rows = await db.apiKey.findMany({ orderBy: { createdAt: "asc" } });
  return rows.map((r) => ({
    keyId: r.keyId,
    scope: r.scope as Scope,
    name: r.name,
    createdAt: r.createdAt,
    revokedAt: r.revokedAt,
  }));
}

/** Revokes a key by id; false when there is no live key with that id. */
export async function revokeApiKey(db: KeyDb, keyId: string): Promise<boolean> {
  const { count } = await db.apiKey.updateMany({
    where: { keyId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  return count > 0;
}
