// Exports: `edgeline export` and GET /export/... stream bets, recommendations, portfolio snapshots
// and a backtest's curve with the columns and formatting of their GraphQL types (compared with the
// API's own answer), bounded by --from/--to, for a read key; bad arguments name the field.

import { createPrismaClient } from "@edgeline/core";
import { createTestDatabase, type TestDatabase } from "@edgeline/core/testing";
import { parse } from "csv-parse/sync";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "../src/auth/api-key-store.ts";
import { exportColumns } from "../src/exports/export-kinds.ts";
import { startTestApi, type TestApi } from "./operations-helpers.ts";
import { testPool, testRegistry, testWorld } from "./pipeline-helpers.ts";
import { runCli } from "./run-cli.ts";

let db: TestDatabase;
let pool: pg.Pool;
let api: TestApi;
let open: TestApi;
let readKey: string;
let runId: string;
const BETS = 1200;

beforeAll(async () => {
  db = await createTestDatabase();
  pool = testPool(db.url);
  // Enough rows that the cursor fetches several batches.
  await pool.query(
    `INSERT INTO placed_bets (bet_id, market_id, bookmaker, outcome, stake, odds, potential_payout, status, result,
       placed_time_utc, market_title)
     SELECT 'bet-' || lpad(i::text, 5, '0'), 'm' || i, 'Paper', 'home_team_win', 10 + i % 7, 1.9 + (i % 10) / 100.0,
            (10 + i % 7) * (1.9 + (i % 10) / 100.0), CASE WHEN i % 3 = 0 THEN 'win' ELSE 'pending' END,
            CASE WHEN i % 3 = 0 THEN 9.5 END, timestamptz '2024-01-01 12:00Z' + (i % 30) * interval '1 day',
            CASE WHEN i % 5 = 0 THEN 'title, "quoted"' END
       FROM generate_series(1, $1) i`,
    [BETS],
  );
  await pool.query(
    `INSERT INTO bet_recommendations (sport, game_id, market_id, recommendation_type, side, confidence, edge,
       recommended_stake, expected_value, generated_at, expires_at, status)
     SELECT 'NHL', NULL, 'm' || i, 'moneyline', 'home', 0.55, 0.0712, 12.5, 0.89,
            timestamptz '2024-01-01 10:00Z' + i * interval '1 day', timestamptz '2024-01-02 00:00Z' + i * interval '1 day', 'active'
       FROM generate_series(0, 9) i`,
  );
  await pool.query(
    `INSERT INTO portfolio_snapshots (snapshot_time, total_value, cash_balance, invested_amount, unrealized_pnl, realized_pnl)
     SELECT timestamptz '2024-01-01 00:00Z' + i * interval '1 hour', 1000 + i, 900, 100 + i, 0, i FROM generate_series(0, 47) i`,
  );
  const { rows } = await pool.query(
    `INSERT INTO backtest_runs (sport, strategy, from_date, to_date, parameters, model, starting_bankroll, ending_bankroll,
       bets, turnover, profit, roi, max_drawdown, report)
     VALUES ('EPL', 's', '2024-01-01', '2024-01-31', '{}', 'goals', 1000, 1010, 3, 30, 10, 0.01, 0.02, '{}')
     RETURNING run_id::text`,
  );
  runId = rows[0].run_id;
  await pool.query(
    `INSERT INTO backtest_curve_points (run_id, day, bankroll, staked, profit, bets)
     SELECT $1, date '2024-01-01' + i, 1000 + i, 10, 1, 1 FROM generate_series(0, 4) i`,
    [runId],
  );
  const prisma = createPrismaClient({ connectionString: db.url, poolSize: 1 });
  readKey = (await createApiKey(prisma, "read", "exports")).key;
  await prisma.$disconnect();
  const plugins = testRegistry(testWorld("2024-01-20"));
  api = await startTestApi(db.url, plugins, { readRequiresKey: true });
  open = await startTestApi(db.url, plugins);
});

afterAll(async () => {
  await api?.close();
  await open?.close();
  await pool?.end();
  await db?.drop();
});

const get = (path: string, key: string | null = readKey) =>
  fetch(`${api.origin}${path}`, key ? { headers: { authorization: `Bearer ${key}` } } : {});

async function graphql<T>(query: string): Promise<T> {
  const res = await fetch(`${api.origin}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${readKey}` },
    body: JSON.stringify({ query }),
  });
  const body = (await res.json()) as { data: T; errors?: unknown };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

describe("exports over HTTP", () => {
  it("bets as CSV: every row, the GraphQL type's columns and values, a read key required", async () => {
    expect((await get("/export/bets.csv", null)).status).toBe(401);
    const res = await get("/export/bets.csv");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/csv/);
    const rows = parse(await res.text(), { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(BETS);
    expect(Object.keys(rows[0]!)).toEqual(exportColumns("bets"));
    // The same values GraphQL gives, field for field (empty CSV cells are GraphQL's nulls).
    const fields = exportColumns("bets").join(" ");
    const data = await graphql<{ placedBets: { edges: { node: Record<string, unknown> }[] } }>(
      `{ placedBets(first: 40) { edges { node { ${fields} } } } }`,
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const { node } of data.placedBets.edges) {
      const row = byId.get(node.id as string)!;
      for (const f of exportColumns("bets")) expect(row[f], f).toBe(node[f] === null ? "" : String(node[f]));
    }
  });

  it("recommendations and portfolio as JSON match GraphQL; --from/--to bound the days", async () => {
    const recs = (await (
      await get("/export/recommendations.json?from=2024-01-03&to=2024-01-05")
    ).json()) as Record<string, unknown>[];
    expect(recs.map((r) => r.generatedAt)).toEqual([
      "2024-01-03T10:00:00.000Z",
      "2024-01-04T10:00:00.000Z",
      "2024-01-05T10:00:00.000Z",
    ]);
    const fields = exportColumns("recommendations").join(" ");
    const data = await graphql<{ recommendations: { edges: { node: Record<string, unknown> }[] } }>(
      `{ recommendations(first: 10, date: "2024-01-04") { edges { node { ${fields} } } } }`,
    );
    expect(recs[1]).toEqual(data.recommendations.edges[0]!.node);
    const snapshots = (await (await get("/export/portfolio.json?from=2024-01-02")).json()) as unknown[];
    expect(snapshots).toHaveLength(24);
    expect(Object.keys(snapshots[0] as object)).toEqual(exportColumns("portfolio"));
  });

  it("a backtest's curve; bad requests say what is wrong", async () => {
    const curve = await (await get(`/export/backtest/${runId}.csv`)).text();
    expect(curve.split("\n")[0]).toBe("day,bankroll,staked,profit,bets");
    expect(curve.trim().split("\n")).toHaveLength(6);
    const bad = await get("/export/bets.csv?from=2024-13-40");
    expect(bad.status).toBe(400);
    expect(await bad.text()).toMatch(/^from: /);
    expect((await get("/export/nothing.csv")).status).toBe(404);
    // Reads open (demo mode): no key needed.
    expect((await fetch(`${open.origin}/export/portfolio.csv`)).status).toBe(200);
  });
});

describe("edgeline export", () => {
  it("streams the same CSV to stdout and JSON to a file", async () => {
    const env = { DATABASE_URL: db.url };
    const csv = await runCli(
      ["export", "bets", "--format", "csv", "--from", "2024-01-02", "--to", "2024-01-02"],
      env,
    );
    expect(csv.code).toBe(0);
    const http = await (await get("/export/bets.csv?from=2024-01-02&to=2024-01-02")).text();
    expect(csv.stdout).toBe(http);
    expect(csv.stderr).toContain("40 bets exported");
    const json = await runCli(["export", "backtest", runId, "--format", "json"], env);
    expect(JSON.parse(json.stdout)).toHaveLength(5);
    const missing = await runCli(["export", "backtest"], env);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain("backtest needs a run id");
  }, 60_000);
});
