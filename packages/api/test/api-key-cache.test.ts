// The cache of verified API keys (auth/api-key-cache.ts) against real api_keys rows: a verified
// key is trusted for the documented bound and no longer; a revocation is honoured within it even
// when no NOTIFY reaches the process (here none is listened for); unknown and revoked keys are
// never remembered. Time is the cache's clock, moved by hand.
import { createTestDatabase, type TestDatabase } from "@edgeline/core/testing";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { generateKey } from "../src/auth/api-key.ts";
import { createApiKeyCache, DEFAULT_KEY_CACHE_TTL_MS } from "../src/auth/api-key-cache.ts";
import { createApiKey, findLiveKey, revokeApiKey } from "../src/auth/api-key-store.ts";
import { type ApiDatabase, createApiDatabase } from "../src/server/database.ts";

let db: TestDatabase;
let api: ApiDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
  api = createApiDatabase(db.url, { poolSize: 2 });
});
afterAll(async () => {
  await api?.close();
  await db?.drop();
});

function cacheWithClock(ttlMs?: number) {
  let now = 1_000_000;
  let lookups = 0;
  const cache = createApiKeyCache(
    (keyId) => {
      lookups += 1;
      return findLiveKey(api.pool, keyId);
    },
    { ttlMs, now: () => now },
  );
  return {
    cache,
    advance: (ms: number) => {
      now += ms;
    },
    lookups: () => lookups,
  };
}

describe("api key cache", () => {
  test(`a revoked key is refused once the bound (${DEFAULT_KEY_CACHE_TTL_MS} ms by default) has passed`, async () => {
    const { cache, advance, lookups } = cacheWithClock();
    const created = await createApiKey(api.prisma, "write", "cached");
    expect(await cache.verify(created.key)).toEqual({ keyId: created.keyId, scope: "write" });
    expect(await cache.verify(created.key)).toEqual({ keyId: created.keyId, scope: "write" });
    expect(lookups()).toBe(1);

    await revokeApiKey(api.prisma, created.keyId);
    advance(DEFAULT_KEY_CACHE_TTL_MS - 1);
    // Within the bound (and without the NOTIFY that would drop it at once) it is still trusted...
    expect(await cache.verify(created.key)).not.toBeNull();
    advance(1);
    // ...and not one millisecond past it.
    expect(await cache.verify(created.key)).toBeNull();
    expect(lookups()).toBe(2);
  });

  test("forget (what a NOTIFY on api_keys triggers) makes the next use look the key up again", async () => {
    const { cache, lookups } = cacheWithClock();
    const created = await createApiKey(api.prisma, "read");
    await cache.verify(created.key);
    await revokeApiKey(api.prisma, created.keyId);
    cache.forget(created.keyId);
    expect(await cache.verify(created.key)).toBeNull();
    expect(lookups()).toBe(2);
  });

  test("the cached row is checked against the whole key: a wrong secret with a known id is refused", async () => {
    const { cache, lookups } = cacheWithClock();
    const created = await createApiKey(api.prisma, "read");
    await cache.verify(created.key);
    const forged = `${created.key.slice(0, -4)}${created.key.endsWith("AAAA") ? "BBBB" : "AAAA"}`;
    expect(await cache.verify(forged)).toBeNull();
    expect(lookups()).toBe(1);
  });

  test("unknown and malformed keys are not remembered; a TTL of 0 verifies every time", async () => {
    const { cache, lookups } = cacheWithClock();
    const unknown = generateKey().key;
    expect(await cache.verify(unknown)).toBeNull();
    expect(await cache.verify(unknown)).toBeNull();
    expect(await cache.verify("not-a-key")).toBeNull();
    expect(lookups()).toBe(2);

    const uncached = cacheWithClock(0);
    const created = await createApiKey(api.prisma, "read");
    await uncached.cache.verify(created.key);
    await uncached.cache.verify(created.key);
    expect(uncached.lookups()).toBe(2);
  });
});
