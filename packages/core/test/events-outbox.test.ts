// The outbox writes a step's events in one statement: each event once, however often a batch or a
// rerun names it. (Deliveries need graphile-worker's schema: api/test/notifications.test.ts.)
import type pg from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createPgPool } from "../src/db/clients.ts";
import { emitEvents, eventId } from "../src/events/index.ts";
import { createTestDatabase, type TestDatabase } from "../src/testing/index.ts";

let db: TestDatabase;
let pool: pg.Pool;
beforeAll(async () => {
  db = await createTestDatabase();
  pool = createPgPool({ connectionString: db.url, poolSize: 2 });
});
afterAll(async () => {
  await pool?.end();
  await db?.drop();
});

const placed = (betId: string) => ({
  event: {
    type: "bet.placed" as const,
    key: betId,
    data: {
      betId,
      venue: "paper",
      mode: "paper" as const,
      gameId: "G1",
      market: "moneyline",
      outcome: "home_team_win",
      stake: "10.00",
      odds: "2.1",
    },
  },
  occurredAt: new Date("2026-01-15T12:00:00Z"),
});

it("writes a batch once: a repeated event inside it and a rerun of it add nothing", async () => {
  const first = await emitEvents(pool, [placed("B1"), placed("B2"), placed("B1")], { sinks: [] });
  expect(first).toEqual([eventId("bet.placed", "B1"), eventId("bet.placed", "B2")]);
  expect(await emitEvents(pool, [placed("B2"), placed("B1")], { sinks: [] })).toEqual([]);
  const { rows } = await pool.query(
    "SELECT event_id, payload->>'betId' AS bet, occurred_at FROM notification_events ORDER BY bet",
  );
  expect(rows.map((r) => [r.event_id, r.bet])).toEqual([
    [first[0], "B1"],
    [first[1], "B2"],
  ]);
  expect(rows[0].occurred_at.toISOString()).toBe("2026-01-15T12:00:00.000Z");
});
