// The one place that builds database clients: Prisma (Rust-free client over @prisma/adapter-pg)
// for typed access, and a plain `pg` pool for set-based SQL (unnest upserts, COPY).
import type { PluginLogger } from "@edgeline/sdk";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { createLogger } from "../config/logger.ts";
import { PrismaClient } from "../generated/prisma/client.ts";

export interface DbOptions {
  connectionString: string;
  poolSize?: number;
  statementTimeoutMs?: number;
  applicationName?: string;
  /** Where a dropped connection is reported. @defaultValue the process logger */
  logger?: Pick<PluginLogger, "warn">;
}

const DATE_OID = 1082;

function pgTypeParser(oid: number, format?: "text" | "binary"): (value: string) => unknown {
  if (oid === DATE_OID) return (value: string) => value;
  return pg.types.getTypeParser(oid, format ?? "text") as (value: string) => unknown;
}

function poolConfig(opts: DbOptions): pg.PoolConfig {
  return {
    connectionString: opts.connectionString,
    max: opts.poolSize ?? 10,
    statement_timeout: opts.statementTimeoutMs ?? 30_000,
    application_name: opts.applicationName ?? "edgeline",
    // Every session speaks UTC so that DATE and timestamp arithmetic never depends on the server.
    options: "-c TimeZone=UTC",
  };
}

let dbLogger: Pick<PluginLogger, "warn"> | undefined;
function sharedDbLogger(): Pick<PluginLogger, "warn"> {
  dbLogger ??= createLogger("edgeline-db");
  return dbLogger;
}

function connectionLostReporter(
  name: string,
  logger: Pick<PluginLogger, "warn"> | undefined,
): (error: Error) => void {
  return (error) =>
    (logger ?? sharedDbLogger()).warn(
      { pool: name, error: error.message, code: (error as { code?: string }).code },
      "database connection lost; the next query reconnects",
    );
}

/**
 * A pool whose DATE columns come back as 'YYYY-MM-DD' strings (a calendar day has no time zone).
 * A connection the server drops (a restart, an idle timeout, a dropped test database: 57P01) must
 * not crash the process: the pool and its clients report it as a warning and the next query opens
 * a new connection.
 */
export function createPgPool(opts: DbOptions): pg.Pool {
  const pool = new pg.Pool({ ...poolConfig(opts), types: { getTypeParser: pgTypeParser } });
  const lost = connectionLostReporter(opts.applicationName ?? "edgeline", opts.logger);
  // Once the pool is ending, a connection the server closes is expected, not news.
  const report = (error: Error) => (pool.ending ? undefined : lost(error));
  const open = new Set<pg.PoolClient>();
  pool.on("error", report);
  pool.on("connect", (client) => {
    client.on("error", report);
    open.add(client);
    client.once("end", () => open.delete(client));
  });
  // pg's end() resolves once it has asked each idle connection to close, not once they have: a
  // caller that stops the server next (the embedded database at shutdown) would cut them first.
  const end = pool.end.bind(pool);
  pool.end = (async () => {
    const closed = [...open].map((c) => new Promise<void>((resolve) => c.once("end", () => resolve())));
    await end();
    await Promise.race([Promise.all(closed), new Promise((resolve) => setTimeout(resolve, 2000).unref())]);
  }) as pg.Pool["end"];
  return pool;
}

export interface PgClientOptions extends pg.ClientConfig {
  /** Called with a connection error instead of the warning (the caller reconnects, or gives up). */
  onError?: (error: Error) => void;
  logger?: Pick<PluginLogger, "warn">;
}

/**
 * A single connection (LISTEN, liveness, admin and probe clients) that has its 'error' listener
 * from birth: a server that goes away emits 'error' on an idle client, which would otherwise be an
 * uncaught exception.
 */
export function createPgClient({ onError, logger, ...config }: PgClientOptions): pg.Client {
  const client = new pg.Client(config);
  client.on("error", onError ?? connectionLostReporter(config.application_name ?? "edgeline", logger));
  return client;
}

export function createPrismaClient(opts: DbOptions): PrismaClient {
  // Our own pool, so every connection Prisma opens has the error listeners above; the adapter
  // ends it on $disconnect. Prisma parses column types per query, so the pool's DATE parser does
  // not apply to it.
  const pool = createPgPool({ ...opts, applicationName: opts.applicationName ?? "edgeline-prisma" });
  return new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
}

export type { PrismaClient };
