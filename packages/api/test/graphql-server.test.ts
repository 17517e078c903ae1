// startApiServer, as `pnpm start` uses it: its own pools, the plugins it is given, the worker's
// queue, NOTIFY listener; answers /health and GraphQL, and stop() releases everything.

import { createPgClient } from "@edgeline/core";
import { createTestDatabase, type TestDatabase, testServerUrl } from "@edgeline/core/testing";
import { afterAll, beforeAll, expect, test } from "vitest";
import { createApiKey } from "../src/auth/api-key-store.ts";
import { defaultLimits } from "../src/server/config.ts";
import { createApiDatabase } from "../src/server/database.ts";
import { type RunningApiServer, startApiServer } from "../src/server/index.ts";
import { testPlugins } from "./graphql-harness.ts";

let db: TestDatabase;
let server: RunningApiServer;
let writeKey: string;

beforeAll(async () => {
  db = await createTestDatabase();
  const keys = createApiDatabase(db.url, { poolSize: 1 });
  writeKey = (await createApiKey(keys.prisma, "write")).key;
  await keys.close();
  server = await startApiServer({
    databaseUrl: db.url,
    port: 0,
    host: "127.0.0.1",
    plugins: testPlugins(),
    logging: false,
    config: { readRequiresKey: true, corsOrigins: [], maxBodyBytes: 100 * 1024, limits: defaultLimits },
  });
});
afterAll(async () => {
  await db?.drop();
});

test("serves /health and GraphQL, queues through the worker, and stops cleanly", async () => {
  expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/graphql$/);
  expect((await fetch(server.url.replace("/graphql", "/health"))).status).toBe(200);
  const res = await fetch(server.url, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${writeKey}` },
    body: JSON.stringify({
      query: `mutation { runPipeline(sport: "NHL", date: "2025-10-07") { pipelineRuns { step status } } }`,
    }),
  });
  expect(await res.json()).toEqual({
    data: { runPipeline: { pipelineRuns: [{ step: "download_games", status: "queued" }] } },
  });

  await server.stop();
  await expect(fetch(server.url.replace("/graphql", "/health"))).rejects.toThrow();
  // Every connection of the server (pool and LISTEN) is gone.
  const admin = createPgClient({ connectionString: testServerUrl() });
  await admin.connect();
  try {
    const { rows } = await admin.query("SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1", [
      db.name,
    ]);
    expect(rows[0].n).toBe(0);
  } finally {
    await admin.end();
  }
});
