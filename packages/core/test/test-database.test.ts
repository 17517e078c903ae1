import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPgClient, createPgPool, createPrismaClient } from "../src/db/clients.ts";
import { createTestDatabase, type TestDatabase } from "../src/testing/index.ts";

describe("createTestDatabase", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  it("gives each test file its own migrated database", async () => {
    const client = createPgClient({ connectionString: db.url });
    await client.connect();
    const res = await client.query(
      "SELECT count(*)::int AS n FROM _prisma_migrations WHERE finished_at IS NOT NULL",
    );
    const tables = await client.query("SELECT to_regclass('public.unified_games') AS t");
    await client.end();
    expect(res.rows[0].n).toBeGreaterThan(0);
    expect(tables.rows[0].t).toBe("unified_games");
  });

  it("drops a database whose pools still hold idle connections without an unhandled error (57P01)", async () => {
    const doomed = await createTestDatabase();
    const warnings: string[] = [];
    const logger = { warn: (o: object) => warnings.push(JSON.stringify(o)) };
    const pool = createPgPool({ connectionString: doomed.url, poolSize: 2, logger });
    const prisma = createPrismaClient({ connectionString: doomed.url, poolSize: 1, logger });
    const client = createPgClient({ connectionString: doomed.url, logger });
    await client.connect();
    await Promise.all([pool.query("SELECT 1"), pool.query("SELECT 1"), prisma.$queryRaw`SELECT 1`]);
    await doomed.drop(); // terminates every session of the database
    await new Promise((r) => setTimeout(r, 200));
    expect(warnings.some((w) => w.includes("57P01"))).toBe(true);
    await client.end().catch(() => {});
    await prisma.$disconnect();
    await pool.end();
  });
});
