// The API's database clients: one pg pool shared by Prisma (through its pg adapter) and the raw
// SQL the API runs, so a process holds one set of connections and every statement of a request
// goes through one place (which is where the statement-count tests watch).
import { createPgPool } from "@edgeline/core";
import { PrismaPg } from "@prisma/adapter-pg";
import type pg from "pg";
import { PrismaClient } from "../graphql/prisma.ts";

export interface ApiDatabase {
  pool: pg.Pool;
  prisma: PrismaClient;
  close(): Promise<void>;
}

export interface ApiDatabaseOptions {
  poolSize?: number;
  statementTimeoutMs?: number;
  /** Sees every new pooled connection before first use (tests count statements here). */
  onConnect?: (client: pg.PoolClient) => void;
}

export function createApiDatabase(connectionString: string, opts: ApiDatabaseOptions = {}): ApiDatabase {
  const pool = createPgPool({
    connectionString,
    poolSize: opts.poolSize ?? 10,
    statementTimeoutMs: opts.statementTimeoutMs ?? 30_000,
    applicationName: "edgeline-api",
  });
  if (opts.onConnect) pool.on("connect", opts.onConnect);
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  return {
    pool,
    prisma,
    async close() {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}
