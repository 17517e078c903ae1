import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPgClient } from "../src/db/clients.ts";
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
});
