// The one place that builds database clients: Prisma (Rust-free client over @prisma/adapter-pg)
// for typed access, and a plain `pg` pool for set-based SQL (unnest upserts, COPY).
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "../generated/prisma/client.ts";

export interface DbOptions {
  connectionString: string;
  poolSize?: number;
  statementTimeoutMs?: number;
  applicationName?: string;
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

/** A pool whose DATE columns come back as 'YYYY-MM-DD' strings (a calendar day has no time zone). */
export function createPgPool(opts: DbOptions): pg.Pool {
  return new pg.Pool({ ...poolConfig(opts), types: { getTypeParser: pgTypeParser } });
}

export function createPrismaClient(opts: DbOptions): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg(poolConfig(opts)) });
}

export type { PrismaClient };
