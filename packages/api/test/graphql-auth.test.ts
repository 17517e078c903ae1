// API keys: 401 without a usable key (with a Bearer challenge), 403 when the key's scope is too
// small, configurable reads, introspection open for GraphiQL, hashed storage, and the CLI that
// creates, lists and revokes keys.
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { bearerToken, generateKey, keyIdOf, matchesHash } from "../src/auth/api-key.ts";
import { DEFAULT_KEY_CACHE_TTL_MS } from "../src/auth/api-key-cache.ts";
import { createApiKey, revokeApiKey } from "../src/auth/api-key-store.ts";
import { dataOf, type Harness, startHarness } from "./graphql-harness.ts";

const run = promisify(execFile);
const repoRoot = fileURLToPath(new URL("../../..", import.meta.url));
const cliMain = fileURLToPath(new URL("../src/cli/main.ts", import.meta.url));

let h: Harness;
let open: Harness;

beforeAll(async () => {
  [h, open] = await Promise.all([startHarness(), startHarness({ config: { readRequiresKey: false } })]);
});
afterAll(async () => {
  await h?.close();
  await open?.close();
});

const QUERY = "{ sports { code } }";
const MUTATION = `mutation { syncBets { jobs { id } } }`;

describe("when reads need a key (the default)", () => {
  test("a query without a key is 401 with a Bearer challenge", async () => {
    const res = await h.gql(QUERY, {}, { key: null });
    expect(res.status).toBe(401);
    expect(res.headers.get("www-authenticate")).toBe('Bearer realm="edgeline"');
    expect(res.body.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(res.body.data).toBeUndefined();
  });

  test("401 and 403 hold for clients that accept only application/json too", async () => {
    const json = { accept: "application/json" };
    expect((await h.gql(QUERY, {}, { key: null, headers: json })).status).toBe(401);
    expect((await h.gql(MUTATION, {}, { key: "read", headers: json })).status).toBe(403);
    const get = await fetch(`${h.url}?query=${encodeURIComponent(QUERY)}`);
    expect(get.status).toBe(401);
  });

  test.each([
    ["an unknown well-formed key", () => generateKey().key],
    ["a malformed key", () => "not-a-key"],
  ])("%s is 401 and the key is not echoed back", async (_name, makeKey) => {
    const key = makeKey();
    const res = await h.gql(QUERY, {}, { key });
    expect(res.status).toBe(401);
    expect(res.body.errors?.[0]?.message).toBe("Invalid or revoked API key");
    expect(JSON.stringify(res.body)).not.toContain(key);
  });

  test("a non-Bearer Authorization header is 401", async () => {
    const res = await h.gql(QUERY, {}, { key: null, headers: { authorization: "Basic dXNlcjpwYXNz" } });
    expect(res.status).toBe(401);
  });

  test("a read key reads but cannot write: 403", async () => {
    expect(dataOf(await h.gql(QUERY)).sports).toBeDefined();
    const res = await h.gql(MUTATION, {}, { key: "read" });
    expect(res.status).toBe(403);
    expect(res.body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(res.body.errors?.[0]?.message).toBe("This operation needs a write key; this key is read");
  });

  test("a mutation without a key is 401; a write key may read and write", async () => {
    expect((await h.gql(MUTATION, {}, { key: null })).status).toBe(401);
    expect(dataOf(await h.gql(QUERY, {}, { key: "write" })).sports).toBeDefined();
    expect(
      dataOf(await h.gql<{ syncBets: { jobs: unknown[] } }>(MUTATION, {}, { key: "write" })).syncBets.jobs,
    ).toHaveLength(1);
  });

  test("introspection needs no key, so GraphiQL can load the schema", async () => {
    const res = await h.gql<{ __schema: { queryType: { name: string } } }>(
      "{ __schema { queryType { name } } }",
      {},
      { key: null },
    );
    expect(dataOf(res).__schema.queryType.name).toBe("Query");
    // ...but data next to it does.
    expect((await h.gql("{ __typename sports { code } }", {}, { key: null })).status).toBe(401);
  });

  test("a revoked key is refused as soon as its NOTIFY arrives, within the cache's bound at worst", async () => {
    const created = await createApiKey(h.api.prisma, "read", "to revoke");
    expect((await h.gql(QUERY, {}, { key: created.key })).status).toBe(200);
    expect(await revokeApiKey(h.api.prisma, created.keyId)).toBe(true);
    // The cache forgets the key when the API's LISTEN connection hears of it: asynchronously.
    const deadline = Date.now() + DEFAULT_KEY_CACHE_TTL_MS;
    let status = 200;
    while (status === 200 && Date.now() < deadline) {
      status = (await h.gql(QUERY, {}, { key: created.key })).status;
      if (status === 200) await new Promise((r) => setTimeout(r, 20));
    }
    expect(status).toBe(401);
  });
});

describe("when reads are open (EDGELINE_API_READ_REQUIRES_KEY=false)", () => {
  test("queries need no key but mutations still need a write key", async () => {
    expect(dataOf(await open.gql(QUERY, {}, { key: null })).sports).toBeDefined();
    expect((await open.gql(MUTATION, {}, { key: null })).status).toBe(401);
    expect((await open.gql(MUTATION, {}, { key: "read" })).status).toBe(403);
  });

  test("a bad key is still 401, even for a read", async () => {
    expect((await open.gql(QUERY, {}, { key: generateKey().key })).status).toBe(401);
  });
});

describe("key storage", () => {
  test("only the SHA-256 digest is stored; the key appears nowhere in the table", async () => {
    const created = await createApiKey(h.api.prisma, "write", "storage check");
    const { rows } = await h.api.pool.query(
      "SELECT row_to_json(k)::text AS row FROM api_keys k WHERE key_id = $1",
      [created.keyId],
    );
    const row = rows[0]!.row as string;
    expect(row).not.toContain(created.key.slice(-32));
    expect(row).toContain(createHash("sha256").update(created.key).digest("hex"));
  });

  test("keys parse, hash and compare as documented", () => {
    const { key, keyId, secretHash } = generateKey();
    expect(key).toMatch(/^edg_[A-Za-z0-9]{12}_[A-Za-z0-9_-]{32}$/);
    expect(keyIdOf(key)).toBe(keyId);
    expect(matchesHash(key, secretHash)).toBe(true);
    expect(matchesHash(`${key.slice(0, -1)}x`, secretHash)).toBe(key.endsWith("x"));
    expect(matchesHash(key, "abcd")).toBe(false);
    expect(bearerToken(`Bearer ${key}`)).toBe(key);
    expect(bearerToken(`bearer   ${key}  `)).toBe(key);
    expect(bearerToken(key)).toBeNull();
  });
});

describe("pnpm edgeline keys", () => {
  const cli = (...args: string[]) =>
    run(process.execPath, ["--import", "tsx", cliMain, "keys", ...args], {
      cwd: repoRoot,
      env: { ...process.env, DATABASE_URL: h.db.url },
    });

  test("create prints a working key once; list shows ids only; revoke ends it", async () => {
    const created = await cli("create", "--scope", "write", "--name", "from the cli");
    const key = created.stdout.trim();
    expect(key).toMatch(/^edg_[A-Za-z0-9]{12}_[A-Za-z0-9_-]{32}$/);
    expect(created.stderr).toContain("not shown again");
    expect(created.stderr).not.toContain(key);
    expect((await h.gql(MUTATION, {}, { key })).status).toBe(200);

    const listed = await cli("list");
    expect(listed.stdout).toContain(keyIdOf(key)!);
    expect(listed.stdout).toContain("from the cli");
    expect(listed.stdout).not.toContain(key);

    await cli("revoke", keyIdOf(key)!);
    expect((await h.gql(QUERY, {}, { key })).status).toBe(401);
  });

  test("create refuses an unknown scope", async () => {
    const failed = await cli("create", "--scope", "admin").catch((e: { code: number; stderr: string }) => e);
    expect(failed).toMatchObject({ code: 2 });
    expect((failed as { stderr: string }).stderr).toContain("--scope must be read or write");
  });
});
