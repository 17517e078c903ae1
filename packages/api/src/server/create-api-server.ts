// The GraphQL server: yoga over the Pothos schema, with auth (keys cached), limits, body-size
// limit, health, CORS, the compiled executor (and, in front of yoga, the compiled lane that answers
// a repeated compiled request without it), GraphiQL from the project's own dependencies, and the
// dashboard's static files at `/`. `createApiServer` takes its dependencies (tests give their
// own); `startApiServer` builds them from configuration and listens.

import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import {
  type EdgelineMetrics,
  loadConfig,
  loadPlugins,
  type PluginRegistry,
  processMetrics,
  registerDatabaseGauges,
} from "@edgeline/core";
import { createPubSub, createYoga, type YogaServerInstance } from "graphql-yoga";
import type pg from "pg";
import { createApiKeyCache } from "../auth/api-key-cache.ts";
import { findLiveKey } from "../auth/api-key-store.ts";
import type { ChangeEvents, EdgelinePubSub, GraphQLContext } from "../graphql/context.ts";
import { createLoaders } from "../graphql/loaders.ts";
import type { PipelineQueue } from "../graphql/pipeline-queue.ts";
import type { PrismaClient } from "../graphql/prisma.ts";
import { schema } from "../graphql/schema.ts";
import { type SportCatalog, sportCatalogFromPlugins } from "../graphql/sport-catalog.ts";
import { type CompiledLane, createCompiledLane } from "./compiled-lane.ts";
import { type ApiConfig, apiConfigFrom } from "./config.ts";
import { createApiDatabase } from "./database.ts";
import { graphiqlTabs } from "./graphiql-examples.ts";
import { renderOfflineGraphiQL } from "./graphiql-page.ts";
import { maskError } from "./mask-error.ts";
import { METRICS_ENDPOINT } from "./metrics-endpoint.ts";
import { listenForChanges } from "./pg-notifications.ts";
import { workerPipelineQueue } from "./pipeline-queue-adapter.ts";
import { useArgumentErrors } from "./use-argument-errors.ts";
import { authenticate, useApiKeyAuth } from "./use-auth.ts";
import { useClientErrors } from "./use-client-errors.ts";
import { useCompiledExecution } from "./use-compiled-execution.ts";
import { corsOption } from "./use-cors.ts";
import { useDashboard } from "./use-dashboard.ts";
import { useDrainRejectedBody } from "./use-drain-rejected-body.ts";
import { useExports } from "./use-exports.ts";
import { HEALTH_ENDPOINT, READY_ENDPOINT, useHealth } from "./use-health.ts";
import { useLimits } from "./use-limits.ts";
import { useMetrics } from "./use-metrics.ts";
import { createRateLimiter, useRateLimit } from "./use-rate-limit.ts";

export interface ApiServerDeps {
  prisma: PrismaClient;
  sql: pg.Pool;
  sports: SportCatalog;
  /** The plugin registry (venue rules, strategies): `Game.bestPrices` and `opportunities` need it. */
  plugins?: PluginRegistry;
  pipeline: PipelineQueue;
  pubsub: EdgelinePubSub;
  config: ApiConfig;
  /** Yoga's logging of unexpected errors. @defaultValue true */
  logging?: boolean;
  /** The built dashboard to serve at `/` (packages/dashboard/dist). @defaultValue none: `/` is 404 */
  dashboardDir?: string;
  /**
   * Whether queries the SQL compiler covers run as one compiled statement (graphql/compile/);
   * false runs every operation on the Pothos resolvers. @defaultValue true
   */
  compileSql?: boolean;
  /**
   * Whether repeated requests that yoga answered from one compiled statement are answered below
   * yoga (server/compiled-lane.ts). Off with compileSql off. @defaultValue true
   */
  compiledLane?: boolean;
  /** The registry /metrics serves. @defaultValue the process's (processMetrics()) */
  metrics?: EdgelineMetrics;
  /** Bearer token /metrics requires. @defaultValue none: open */
  metricsToken?: string;
  /** Whether /ready needs a live worker. @defaultValue false */
  readyRequiresWorker?: boolean;
}

const GRAPHQL_ENDPOINT = "/graphql";

export interface ApiServer {
  yoga: YogaServerInstance<Record<string, unknown>, GraphQLContext>;
  /** The Node request listener: the compiled lane in front of yoga, or yoga alone with it off. */
  listener: (req: IncomingMessage, res: ServerResponse) => void;
  compiledLane: CompiledLane | null;
}

export function createChangePubSub(): EdgelinePubSub {
  return createPubSub<ChangeEvents>();
}

export function createApiServer(deps: ApiServerDeps): ApiServer {
  const keys = createApiKeyCache((keyId) => findLiveKey(deps.sql, keyId), {
    ttlMs: deps.config.keyCacheTtlMs,
  });
  void forgetChangedKeys(deps.pubsub, keys.forget);
  const metrics = deps.metrics ?? processMetrics();
  registerDatabaseGauges(metrics, deps.sql);
  // Shared by the plugins and the compiled lane, which must count as they do.
  const operationNames = new Set<string>();
  const limiter = deps.config.rateLimitPerMinute
    ? createRateLimiter(deps.config.rateLimitPerMinute)
    : undefined;
  let lane: CompiledLane | undefined;
  const yoga = createYoga<Record<string, unknown>, GraphQLContext>({
    schema,
    graphqlEndpoint: GRAPHQL_ENDPOINT,
    healthCheckEndpoint: HEALTH_ENDPOINT,
    landingPage: false,
    logging: deps.logging ?? true,
    // Never attach originalError (stack, SQL) to a response, whatever NODE_ENV says; a database
    // that is down is a 503, a value PostgreSQL refused a 400 (mask-error.ts).
    maskedErrors: { isDev: false, maskError },
    maxRequestBodySize: deps.config.maxBodyBytes,
    cors: corsOption(deps.config.corsOrigins),
    graphiql: { title: "Edgeline", defaultTabs: graphiqlTabs, subscriptionsProtocol: "SSE" },
    renderGraphiQL: renderOfflineGraphiQL,
    context: async ({ request }) => ({
      auth: await authenticate(request, keys.verify),
      prisma: deps.prisma,
      sql: deps.sql,
      sports: deps.sports,
      plugins: deps.plugins ?? null,
      pipeline: deps.pipeline,
      pubsub: deps.pubsub,
      loaders: createLoaders(deps.sql),
    }),
    plugins: [
      // Before the dashboard, which answers every other GET. Exports stream from a cursor, which
      // needs a pool's connection (a bare SqlClient has none).
      ...("connect" in deps.sql
        ? [
            useExports({
              pool: deps.sql as pg.Pool,
              verify: keys.verify,
              readRequiresKey: deps.config.readRequiresKey,
            }),
          ]
        : []),
      ...(deps.dashboardDir
        ? [
            useDashboard({
              dir: deps.dashboardDir,
              apiPaths: [GRAPHQL_ENDPOINT, HEALTH_ENDPOINT, READY_ENDPOINT, METRICS_ENDPOINT],
            }),
          ]
        : []),
      useDrainRejectedBody(),
      useClientErrors(),
      useHealth(deps.sql, { requireWorker: deps.readyRequiresWorker ?? false }),
      useMetrics(metrics, { token: deps.metricsToken, operationNames }),
      useApiKeyAuth({ readRequiresKey: deps.config.readRequiresKey }),
      useRateLimit(limiter),
      ...useLimits(deps.config.limits),
      useArgumentErrors(),
      useCompiledExecution({
        sql: deps.sql,
        sports: deps.sports,
        compileSql: deps.compileSql,
        onCompiledAnswer: (args, statement, compiled) => lane?.learn(args, statement, compiled),
      }),
    ],
  });
  if (deps.compiledLane === false || deps.compileSql === false)
    return { yoga, listener: (req, res) => yoga(req, res), compiledLane: null };
  lane = createCompiledLane({
    yoga,
    sql: deps.sql,
    verifyKey: keys.verify,
    readRequiresKey: deps.config.readRequiresKey,
    limiter,
    metrics,
    operationNames,
    maxBodyBytes: deps.config.maxBodyBytes,
    cors: deps.config.corsOrigins.length > 0,
  });
  return { yoga, listener: lane.listener, compiledLane: lane };
}

/** Revoked, changed and deleted keys (NOTIFY from any process) leave the key cache at once. */
async function forgetChangedKeys(pubsub: EdgelinePubSub, forget: (keyId: string) => void): Promise<void> {
  for await (const { keyId } of pubsub.subscribe("apiKeyChanged")) forget(keyId);
}

export interface StartApiServerOptions {
  databaseUrl: string;
  /** @defaultValue PORT (4000) */
  port?: number;
  /** @defaultValue "0.0.0.0" */
  host?: string;
  /** @defaultValue the plugins of edgeline.plugins.json / EDGELINE_PLUGINS */
  plugins?: PluginRegistry;
  /** @defaultValue the worker's queue (graphile-worker in the same database) */
  pipeline?: PipelineQueue;
  /** @defaultValue apiConfigFrom() (EDGELINE_API_* variables) */
  config?: ApiConfig;
  logging?: boolean;
  /** The built dashboard to serve at `/`. @defaultValue none */
  dashboardDir?: string;
  /** @defaultValue EDGELINE_READY_REQUIRES_WORKER (true) */
  readyRequiresWorker?: boolean;
}

export interface RunningApiServer {
  /** http://host:port/graphql */
  url: string;
  /** http://host:port/ */
  origin: string;
  server: Server;
  stop(): Promise<void>;
}

export async function startApiServer(opts: StartApiServerOptions): Promise<RunningApiServer> {
  const config = loadConfig();
  const db = createApiDatabase(opts.databaseUrl, {
    poolSize: config.database.poolSize,
    statementTimeoutMs: config.database.statementTimeoutMs,
  });
  const plugins = opts.plugins ?? (await loadPlugins());
  const pubsub = createChangePubSub();
  const feed = listenForChanges(opts.databaseUrl, pubsub, {
    onError: (error) => console.error(`[api] change feed: ${error.message}`),
  });
  const api = createApiServer({
    prisma: db.prisma,
    sql: db.pool,
    sports: sportCatalogFromPlugins(plugins),
    plugins,
    pipeline: opts.pipeline ?? workerPipelineQueue({ pool: db.pool, plugins }),
    pubsub,
    config: opts.config ?? apiConfigFrom(config),
    logging: opts.logging ?? true,
    dashboardDir: opts.dashboardDir,
    readyRequiresWorker: opts.readyRequiresWorker ?? config.operations.readyRequiresWorker,
    ...(config.operations.metricsToken ? { metricsToken: config.operations.metricsToken } : {}),
  });
  const server = createServer(api.listener);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? config.port, opts.host ?? "0.0.0.0", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = opts.host && opts.host !== "0.0.0.0" ? opts.host : "127.0.0.1";
  return {
    url: `http://${host}:${port}${GRAPHQL_ENDPOINT}`,
    origin: `http://${host}:${port}`,
    server,
    async stop() {
      // Open SSE subscriptions would keep close() waiting for ever.
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await feed.close();
      await db.close();
    },
  };
}
