// The embedded default: a real PostgreSQL from the npm package, data kept across restarts.
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createPgClient } from "../src/db/clients.ts";
import { embeddedAccessProblem, embeddedBinariesDir, startEmbeddedPostgres } from "../src/db/embedded.ts";
import { migrate } from "../src/db/migrations.ts";
import { checkSchema } from "../src/db/schema-check.ts";

// Root in a private checkout cannot run it (the server runs as another user); say so and skip.
const accessProblem = embeddedAccessProblem([embeddedBinariesDir(), tmpdir()]);
if (accessProblem) console.warn(`[edgeline] skipping the embedded PostgreSQL test: ${accessProblem}`);

describe.skipIf(accessProblem !== undefined)("embedded PostgreSQL", () => {
  let dir = "";
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("initialises, migrates, and keeps its data across a restart", async () => {
    dir = await mkdtemp(join(tmpdir(), "edgeline-embedded-"));
    // Run as root, the package initialises the cluster as an unprivileged user, who must reach it.
    await chmod(dir, 0o755);
    const first = await startEmbeddedPostgres({ dataDir: join(dir, "pg"), database: "edgeline" });
    try {
      expect((await migrate(first.url)).applied.length).toBeGreaterThan(0);
      expect(await checkSchema(first.url)).toEqual([]);
      const c = createPgClient({ connectionString: first.url });
      await c.connect();
      await c.query(
        "INSERT INTO unified_games (game_id, sport, game_date) VALUES ('NHL_20240120_LAK_BOS', 'NHL', '2024-01-20')",
      );
      await c.end();
    } finally {
      await first.stop();
    }

    const second = await startEmbeddedPostgres({ dataDir: join(dir, "pg"), database: "edgeline" });
    try {
      expect((await migrate(second.url)).applied).toEqual([]);
      const c = createPgClient({ connectionString: second.url });
      await c.connect();
      const res = await c.query("SELECT game_id FROM unified_games");
      await c.end();
      expect(res.rows).toEqual([{ game_id: "NHL_20240120_LAK_BOS" }]);
    } finally {
      await second.stop();
    }
  }, 120_000);
});
