// api_keys rows: create (returning the key once), verify a presented key, list, revoke.
import type { PrismaClient } from "../graphql/prisma.ts";
import { generateKey, keyIdOf, matchesHash } from "./api-key.ts";
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
 * The key's id and scope when `key` is a live key, else null. A malformed key costs no query; a
 * well-formed one costs one, and the digest comparison takes the same time however it differs.
 * Plain SQL rather than Prisma: this runs on every request, and skips the ORM's per-query work.
 */
export async function verifyApiKey(
  db: KeyLookup,
  key: string,
): Promise<{ keyId: string; scope: Scope } | null> {
  const keyId = keyIdOf(key);
  if (!keyId) return null;
  const { rows } = await db.query<{ scope: string; secret_hash: string; revoked: boolean }>(
    "SELECT scope, secret_hash, revoked_at IS NOT NULL AS revoked FROM api_keys WHERE key_id = $1",
    [keyId],
  );
  const row = rows[0];
  if (!row || row.revoked || !matchesHash(key, row.secret_hash) || !isScope(row.scope)) return null;
  return { keyId, scope: row.scope };
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
