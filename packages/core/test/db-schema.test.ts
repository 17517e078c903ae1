// The schema facts of the seed tables, `db check`, migrations without drift, and the adoption of
// a database created by the original system.
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readCatalog } from "../src/db/catalog.ts";
import { createPgClient } from "../src/db/clients.ts";
import { catalogOfScripts, migrationScripts, schemaCreateSql } from "../src/db/expected-schema.ts";
import { migrate } from "../src/db/migrations.ts";
import { checkSchema } from "../src/db/schema-check.ts";
import { compareCatalogs, describeDifference } from "../src/db/schema-diff.ts";
import { createTestDatabase, type TestDatabase } from "../src/testing/index.ts";
import { legacySeedDdl, legacySeedRows } from "./legacy-seed-ddl.ts";

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = createPgClient({ connectionString: url, options: "-c TimeZone=UTC" });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

const dbs: TestDatabase[] = [];
async function emptyDb(): Promise<TestDatabase> {
  const db = await createTestDatabase({ empty: true });
  dbs.push(db);
  return db;
}
afterAll(async () => {
  for (const db of dbs) await db.drop();
});

describe("migrations", () => {
  it("build exactly the Prisma schema (no drift)", async () => {
    const db = await emptyDb();
    const fromMigrations = await catalogOfScripts(db.url, await migrationScripts());
    const fromSchema = await catalogOfScripts(db.url, [await schemaCreateSql(db.url)]);
    expect(compareCatalogs(fromSchema, fromMigrations).map(describeDifference)).toEqual([]);
    expect(fromSchema.size).toBeGreaterThanOrEqual(7);
  });

  it("apply once, then a second run is a no-op, and db check passes", async () => {
    const db = await emptyDb();
    const first = await migrate(db.url);
    expect(first.applied.length).toBeGreaterThan(0);
    expect((await migrate(db.url)).applied).toEqual([]);
    expect(await checkSchema(db.url)).toEqual([]);
  });
});

describe("the seed tables", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
    dbs.push(db);
  });

  it("have the documented column types, NOT NULLs and defaults", async () => {
    const client = createPgClient({ connectionString: db.url });
    await client.connect();
    const catalog = await readCatalog(client);
    await client.end();
    const col = (t: string, c: string) => catalog.get(t)?.columns.find((x) => x.name === c);
    expect(col("unified_games", "game_id")).toMatchObject({ type: "character varying", notNull: true });
    expect(col("unified_games", "game_date")).toMatchObject({ type: "date", notNull: true });
    expect(col("unified_games", "commence_time")).toMatchObject({
      type: "timestamp(6) with time zone",
      notNull: false,
    });
    expect(col("unified_games", "loaded_at")).toMatchObject({ default: "CURRENT_TIMESTAMP" });
    expect(col("game_odds", "price")).toMatchObject({ type: "numeric(10,4)", notNull: true });
    expect(col("game_odds", "line")).toMatchObject({ type: "numeric(10,4)", notNull: false });
    expect(col("game_odds", "is_pregame")).toMatchObject({ type: "boolean", default: "true" });
    expect(col("placed_bets", "stake")).toMatchObject({ type: "numeric(10,2)", notNull: true });
    expect(col("bet_recommendations", "edge")).toMatchObject({ type: "numeric(5,4)" });
    expect(col("bet_recommendations", "generated_at")).toMatchObject({ notNull: true });
    expect(col("portfolio_snapshots", "snapshot_id")).toMatchObject({
      type: "integer",
      default: "nextval(sequence)",
    });
    expect(col("elo_ratings", "rating")).toMatchObject({ type: "numeric(10,2)", notNull: true });
    expect(catalog.get("pipeline_runs")?.columns.map((c) => c.name)).toEqual(
      expect.arrayContaining([
        "dag",
        "sport",
        "step",
        "run_date",
        "status",
        "attempt",
        "started_at",
        "finished_at",
        "rows_written",
        "error",
      ]),
    );
  });

  it("enforce the unique rating per entity and day, and the foreign keys", async () => {
    const insertRating = `INSERT INTO elo_ratings (sport, entity_id, entity_name, rating, valid_from) VALUES ('NHL','BOS','Boston',1500,'2024-01-01')`;
    await query(db.url, insertRating);
    await expect(query(db.url, insertRating)).rejects.toThrow(/elo_ratings_sport_entity_id_valid_from_key/);
    await expect(
      query(
        db.url,
        `INSERT INTO game_odds (odds_id, game_id, bookmaker, market_name, price) VALUES ('x','NO_SUCH_GAME','Kalshi','moneyline',2)`,
      ),
    ).rejects.toThrow(/game_odds_game_id_fkey/);
  });
});

describe("db check", () => {
  it("names a dropped column and a dropped index", async () => {
    const db = await createTestDatabase();
    dbs.push(db);
    await query(db.url, "ALTER TABLE game_odds DROP COLUMN line");
    await query(db.url, "DROP INDEX unified_games_status_idx");
    const lines = (await checkSchema(db.url)).map(describeDifference);
    expect(lines).toContain("game_odds: column line: expected numeric(10,4), found missing");
    expect(lines).toContain(
      'unified_games: index (status): expected present as "unified_games_status_idx", found missing',
    );
    expect(lines).toContain("unified_games: index (status): expected present (seed schema), found missing");
  });
});

describe("adopting the original system's database", () => {
  it("keeps every row, repairs only what differs, baselines, and then passes db check", async () => {
    const db = await emptyDb();
    await query(db.url, legacySeedDdl);
    await query(db.url, legacySeedRows);
    await query(db.url, "CREATE TABLE airflow_task_log (id SERIAL PRIMARY KEY, note TEXT)");

    const result = await migrate(db.url);
    expect(result.adopted?.baselined.length).toBeGreaterThan(0);
    expect(result.adopted?.statementsApplied).toBeGreaterThan(0);
    // Later migrations, hand-written SQL included, apply after the baseline.
    expect(result.applied.length).toBeGreaterThan(0);
    const triggers = await query<{ tgname: string }>(
      db.url,
      "SELECT tgname FROM pg_trigger WHERE NOT tgisinternal ORDER BY 1",
    );
    expect(triggers.map((t) => t.tgname)).toEqual([
      "api_keys_notify",
      "pipeline_runs_notify",
      "placed_bets_notify",
    ]);
    expect(await checkSchema(db.url)).toEqual([]);
    expect((await migrate(db.url)).applied).toEqual([]);

    const [game] = await query<{ commence_time: Date; home_score: number }>(
      db.url,
      "SELECT * FROM unified_games",
    );
    expect(game?.commence_time.toISOString()).toBe("2024-01-21T00:00:00.000Z");
    expect(game?.home_score).toBe(4);
    const counts = await query<{ t: string; n: number }>(
      db.url,
      `SELECT 'odds' t, count(*)::int n FROM game_odds UNION ALL SELECT 'bets', count(*)::int FROM placed_bets
       UNION ALL SELECT 'elo', count(*)::int FROM elo_ratings UNION ALL SELECT 'recs', count(*)::int FROM bet_recommendations
       UNION ALL SELECT 'snap', count(*)::int FROM portfolio_snapshots UNION ALL SELECT 'other', count(*)::int FROM airflow_task_log`,
    );
    expect(Object.fromEntries(counts.map((r) => [r.t, r.n]))).toEqual({
      odds: 1,
      bets: 1,
      elo: 1,
      recs: 1,
      snap: 1,
      other: 0,
    });
    // The SERIAL sequences carry on after the existing rows.
    const [snap] = await query<{ snapshot_id: number }>(
      db.url,
      "INSERT INTO portfolio_snapshots (snapshot_time, total_value) VALUES (now(), 1) RETURNING snapshot_id",
    );
    expect(snap?.snapshot_id).toBe(2);
  });
});

describe("db migration <name>", () => {
  it("writes the schema's difference from the newest migration, then nothing more", async () => {
    const { cp, mkdtemp, readFile, readdir, writeFile } = await import("node:fs/promises");
    const { join } = await import("node:path");
    const { tmpdir } = await import("node:os");
    const { createMigration } = await import("../src/db/migrations.ts");
    const { prismaPaths } = await import("../src/db/paths.ts");
    const db = await emptyDb();
    const dir = await mkdtemp(join(tmpdir(), "edgeline-migrations-"));
    await cp(prismaPaths.migrationsDir, join(dir, "migrations"), { recursive: true });
    const schema = (await readFile(prismaPaths.schema, "utf8")).replace(
      "  venue         String?   @db.VarChar\n",
      "  venue         String?   @db.VarChar\n  attendance    Int?\n",
    );
    expect(schema).toContain("attendance");
    await writeFile(join(dir, "schema.prisma"), schema);

    const created = await createMigration(
      db.url,
      "add_attendance",
      join(dir, "migrations"),
      join(dir, "schema.prisma"),
    );
    expect(created?.sql).toMatch(/ALTER TABLE "unified_games" ADD COLUMN\s+"attendance" INTEGER/);
    expect((await readdir(join(dir, "migrations"))).some((d) => d.endsWith("_add_attendance"))).toBe(true);
    expect(
      await createMigration(db.url, "again", join(dir, "migrations"), join(dir, "schema.prisma")),
    ).toBeNull();
    // The new folder migrates an empty database to the changed schema.
    const { migrate } = await import("../src/db/migrations.ts");
    expect((await migrate(db.url, join(dir, "migrations"))).applied.at(-1)).toMatch(/_add_attendance$/);
  });
});
