// What every resolver receives. Built per request by the server (server/create-api-server.ts).
import type { PluginRegistry } from "@edgeline/core";
import type { createPubSub } from "graphql-yoga";
import type pg from "pg";
import type { Scope } from "../auth/scopes.ts";
import type { Loaders } from "./loaders.ts";
import type { PipelineQueue } from "./pipeline-queue.ts";
import type { PrismaClient } from "./prisma.ts";
import type { SportCatalog } from "./sport-catalog.ts";

/** Plain SQL for what Prisma cannot say in one statement (window functions, graphile-worker's view). */
export interface SqlClient {
  query<R extends object = Record<string, unknown>>(text: string, values?: unknown[]): Promise<{ rows: R[] }>;
  /** A named statement is prepared once per connection and reused (pg's QueryConfig). */
  query<R extends object = Record<string, unknown>>(config: {
    name?: string;
    text: string;
    values?: unknown[];
  }): Promise<{ rows: R[] }>;
}

/** Row changes announced by PostgreSQL NOTIFY (see server/pg-notifications.ts). */
export type ChangeEvents = {
  pipelineRunUpdated: [{ runId: string; sport: string | null; status: string }];
  betUpdated: [{ betId: string; status: string | null }];
  /** An api_keys row was revoked, changed or deleted: not a subscription, the key cache listens. */
  apiKeyChanged: [{ keyId: string }];
};
export type EdgelinePubSub = ReturnType<typeof createPubSub<ChangeEvents>>;

export interface Authentication {
  keyId: string;
  scope: Scope;
}

export interface GraphQLContext {
  prisma: PrismaClient;
  /** The database pool: plain SQL, and transactions for decisions taken under a lock. */
  sql: pg.Pool;
  /** The caller's API key, or null when the request carried none. */
  auth: Authentication | null;
  sports: SportCatalog;
  /** The loaded plugins (venue rules, strategies) for line shopping and the screener; null when not given. */
  plugins: PluginRegistry | null;
  pipeline: PipelineQueue;
  pubsub: EdgelinePubSub;
  loaders: Loaders;
}
