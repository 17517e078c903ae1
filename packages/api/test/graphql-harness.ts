// One API server per test file, over real HTTP on a fresh migrated database, with the real sport
// plugins and the worker's real queue (and beside it the same server with the SQL compiler off,
// to compare the two read paths, and one with the compiled lane off, to compare the lane to yoga). Every SQL statement the server's pool runs is recorded, so
// tests can count the statements of one operation (the Pothos "no N+1" test, at the pg level).
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createPluginRegistry, type PluginRegistry } from "@edgeline/core";
import { createTestDatabase, type TestDatabase } from "@edgeline/core/testing";
import genericPlugins from "@edgeline/sport-generic";
import nbaPlugin from "@edgeline/sport-nba";
import nhlPlugin from "@edgeline/sport-nhl";
import { createApiKey } from "../src/auth/api-key-store.ts";
import type { PipelineQueue } from "../src/graphql/pipeline-queue.ts";
import { sportCatalogFromPlugins } from "../src/graphql/sport-catalog.ts";
import { type ApiConfig, defaultLimits } from "../src/server/config.ts";
import { createApiServer, createChangePubSub } from "../src/server/create-api-server.ts";
import { type ApiDatabase, createApiDatabase } from "../src/server/database.ts";
import { type ChangeFeed, listenForChanges } from "../src/server/pg-notifications.ts";
import { workerPipelineQueue } from "../src/server/pipeline-queue-adapter.ts";
import { ensureWorkerSchema } from "../src/worker/worker-schema.ts";
import { type SeedOptions, type SeedSummary, seedGraphqlData } from "./graphql-seed.ts";

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: { data?: T | null; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

export interface RequestOptions {
  /** "read" / "write" use the harness's keys; a string is sent as is; null sends no header. */
  key?: "read" | "write" | string | null;
  headers?: Record<string, string>;
  operationName?: string;
}

export type Gql = <T = Record<string, unknown>>(
  query: string,
  variables?: Record<string, unknown>,
  opts?: RequestOptions,
) => Promise<GraphQLResponse<T>>;

export interface Harness {
  /** http://127.0.0.1:<port>/graphql */
  url: string;
  origin: string;
  db: TestDatabase;
  api: ApiDatabase;
  plugins: PluginRegistry;
  keys: { read: string; write: string };
  /** POST a GraphQL operation; the read key unless told otherwise. */
  gql: Gql;
  /**
   * The same, to a second server on the same database that runs every operation on the Pothos
   * resolvers (`compileSql: false`): the read path as it was before the SQL compiler.
   */
  gqlResolvers: Gql;
  /** The compiled server with its compiled lane off: every request through yoga. */
  gqlWithoutLane: Gql;
  /** The origin of that server. */
  withoutLaneOrigin: string;
  /** Request bodies the main server's compiled lane can answer below yoga. */
  compiledLaneSize(): number;
  /** The SQL statements the server ran while `fn` ran (run operations one at a time). */
  statementsDuring(fn: () => Promise<unknown>): Promise<string[]>;
  close(): Promise<void>;
}

export function testPlugins(): PluginRegistry {
  const entries = [nhlPlugin, nbaPlugin, ...genericPlugins].map((plugin) => ({ plugin, module: "test" }));
  return createPluginRegistry(entries);
}

export async function startHarness(
  opts: {
    config?: Partial<ApiConfig>;
    pipeline?: PipelineQueue;
    seed?: (api: ApiDatabase, db: TestDatabase) => Promise<unknown>;
    /** The built dashboard to serve at `/` (see @edgeline/dashboard/bundle). */
    dashboardDir?: string;
  } = {},
): Promise<Harness> {
  const db = await createTestDatabase();
  const statements: string[] = [];
  let recording = false;
  const api = createApiDatabase(db.url, {
    poolSize: 4,
    onConnect: (client) => {
      const query = client.query.bind(client) as (...args: unknown[]) => unknown;
      (client as { query: unknown }).query = (...args: unknown[]) => {
        const first = args[0] as string | { text?: string };
        if (recording) statements.push(typeof first === "string" ? first : (first.text ?? "?"));
        return query(...args);
      };
    },
  });
  // The worker's schema first, so that migrating it is not counted against the first mutation.
  await ensureWorkerSchema(api.pool);
  await opts.seed?.(api, db);
  const plugins = testPlugins();
  const pubsub = createChangePubSub();
  const feed: ChangeFeed = listenForChanges(db.url, pubsub);
  await feed.ready;
  const config: ApiConfig = {
    readRequiresKey: true,
    corsOrigins: [],
    maxBodyBytes: 100 * 1024,
    limits: defaultLimits,
    ...opts.config,
  };
  const deps = {
    prisma: api.prisma,
    sql: api.pool,
    sports: sportCatalogFromPlugins(plugins),
    plugins,
    pipeline: opts.pipeline ?? workerPipelineQueue({ pool: api.pool, plugins }),
    pubsub,
    config,
    logging: false,
    dashboardDir: opts.dashboardDir,
  };
  const servers: Server[] = [];
  const listen = async (compileSql: boolean, compiledLane = true) => {
    const apiServer = createApiServer({ ...deps, compileSql, compiledLane });
    const server: Server = createServer(apiServer.listener);
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, apiServer };
  };
  const main = await listen(true);
  const origin = main.origin;
  const resolversOrigin = (await listen(false)).origin;
  const withoutLaneOrigin = (await listen(true, false)).origin;
  const keys = {
    read: (await createApiKey(api.prisma, "read", "test read")).key,
    write: (await createApiKey(api.prisma, "write", "test write")).key,
  };
  const url = `${origin}/graphql`;

  const client =
    (target: string): Gql =>
    async (query, variables, ro = {}) => {
      const key = ro.key === undefined ? keys.read : ro.key;
      const token = key === "read" ? keys.read : key === "write" ? keys.write : key;
      const res = await fetch(target, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          accept: "application/graphql-response+json",
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...ro.headers,
        },
        body: JSON.stringify({ query, variables, operationName: ro.operationName }),
      });
      return { status: res.status, headers: res.headers, body: (await res.json()) as never };
    };
  const gql = client(url);

  return {
    url,
    origin,
    db,
    api,
    plugins,
    keys,
    gql,
    gqlResolvers: client(`${resolversOrigin}/graphql`),
    gqlWithoutLane: client(`${withoutLaneOrigin}/graphql`),
    withoutLaneOrigin,
    compiledLaneSize: () => main.apiServer.compiledLane?.size ?? 0,
    async statementsDuring(fn) {
      statements.length = 0;
      recording = true;
      try {
        await fn();
      } finally {
        recording = false;
      }
      return [...statements];
    },
    async close() {
      for (const server of servers) {
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      }
      await feed.close();
      await api.close();
      await db.drop();
    },
  };
}

/** A harness over `seedGraphqlData(seed)`, with the seed's summary. */
export async function startSeededHarness(
  seed: SeedOptions,
  opts: Omit<Parameters<typeof startHarness>[0], "seed"> = {},
): Promise<{ h: Harness; seed: SeedSummary }> {
  let summary: SeedSummary | undefined;
  const h = await startHarness({
    ...opts,
    seed: async (api) => {
      summary = await seedGraphqlData(api.prisma, seed);
    },
  });
  return { h, seed: summary! };
}

/** The data of a response that must have succeeded; fails the test with the errors otherwise. */
export function dataOf<T>(res: GraphQLResponse<T>): T {
  if (res.body.errors?.length || res.status !== 200) {
    throw new Error(`GraphQL request failed (${res.status}): ${JSON.stringify(res.body.errors)}`);
  }
  return res.body.data as T;
}

export interface SseStream {
  status: number;
  contentType: string | null;
  /** The next `next` event's data, or an error after `timeoutMs`. */
  next(timeoutMs?: number): Promise<{ data?: Record<string, unknown>; errors?: unknown[] }>;
  close(): void;
}

/** A subscription over SSE, as a browser opens one. */
export async function subscribeSse(url: string, query: string, key: string | null): Promise<SseStream> {
  const controller = new AbortController();
  const res = await fetch(url, {
    method: "POST",
    signal: controller.signal,
    headers: {
      "content-type": "application/json",
      accept: "text/event-stream",
      ...(key ? { authorization: `Bearer ${key}` } : {}),
    },
    body: JSON.stringify({ query }),
  });
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  // A read still pending when `next` timed out is kept for the next call, so its chunk isn't lost.
  let pending: Promise<ReadableStreamReadResult<Uint8Array>> | null = null;
  return {
    status: res.status,
    contentType: res.headers.get("content-type"),
    async next(timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const end = buffer.indexOf("\n\n");
        if (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (event === "next" && data) return JSON.parse(data);
          continue;
        }
        const remaining = deadline - Date.now();
        if (remaining <= 0) throw new Error("no event in time");
        pending ??= reader.read();
        const chunk = await Promise.race([
          pending,
          new Promise<never>((_, reject) =>
            setTimeout(() => reject(new Error("no event in time")), remaining),
          ),
        ]);
        pending = null;
        if (chunk.done) throw new Error("stream ended");
        buffer += decoder.decode(chunk.value, { stream: true });
      }
    },
    close: () => controller.abort(),
  };
}
