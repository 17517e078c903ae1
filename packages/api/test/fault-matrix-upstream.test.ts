// Fault matrix, upstream part: for every bundled source (the NHL, NBA and ESPN game sources, The
// Odds API and Kalshi), the fake upstream answers 500, 429, too slowly, with truncated JSON and
// with a required field renamed, while the real pipeline step (download_games or fetch_markets)
// runs through executeRun as the worker runs it. A fault that does not heal fails the step with
// nothing written; a 429 is waited out; after the fault the step succeeds and every table equals
// the reference run: no row lost, none duplicated, and every pipeline_runs row is closed.

import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  executeRun,
  loadPlugins,
  type PipelineDeps,
  type PluginRegistry,
  resetRateLimits,
  STEP_DEFINITIONS,
  type StepName,
} from "@edgeline/core";
import { createTestDatabase, type TestDatabase } from "@edgeline/core/testing";
import {
  type FakeUpstream,
  type Fault,
  fakeRoutesOf,
  generateDemoUpstream,
  localSourceEnv,
  recordedFixturesDir,
  startFakeUpstream,
} from "@edgeline/testkit";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPipelineDeps, ensureWorkerSchema, stepRunKey } from "../src/worker/index.ts";
import { comparable } from "./pipeline-child.ts";
import { demoSports, dumpTables, testPool } from "./pipeline-helpers.ts";

const TODAY = "2026-11-28";
const repoRoot = path.join(import.meta.dirname, "../../..");
/** The client's own deadline: the "timeout" fault holds each response longer than this. */
const CLIENT_DEADLINE_MS = 300;

interface SourceCase {
  source: string;
  sport: string;
  step: StepName;
  route: RegExp;
  /** A field the source's schema requires, as the upstream spells it. */
  field: string;
  /** The demo's generated payloads, or (NBA, which the demo does not generate) the recorded ones. */
  payloads: "demo" | "recorded";
  date: string;
}

const SOURCES: SourceCase[] = [
  {
    source: "nhl",
    sport: "NHL",
    step: "download_games",
    route: /^\/v1\/schedule\//,
    field: "startTimeUTC",
    payloads: "demo",
    date: TODAY,
  },
  {
    source: "nba",
    sport: "NBA",
    step: "download_games",
    route: /^\/static\/json\//,
    field: "gameDateTimeUTC",
    payloads: "recorded",
    date: "2026-01-07",
  },
  {
    source: "espn",
    sport: "EPL",
    step: "download_games",
    route: /^\/apis\/site\/v2\/sports\//,
    field: "competitors",
    payloads: "demo",
    date: TODAY,
  },
  {
    source: "the-odds-api",
    sport: "NHL",
    step: "fetch_markets",
    route: /^\/v4\/sports\/[a-z0-9_]+\/odds/,
    field: "commence_time",
    payloads: "demo",
    date: TODAY,
  },
  {
    source: "kalshi",
    sport: "NHL",
    step: "fetch_markets",
    route: /^\/trade-api\/v2\/markets/,
    field: "yes_ask_dollars",
    payloads: "demo",
    date: TODAY,
  },
];

const FAULTS: Array<{ name: string; fault: Fault; heals: boolean }> = [
  { name: "HTTP 500", fault: { kind: "status", status: 500 }, heals: false },
  {
    name: "HTTP 429 (Retry-After, once)",
    fault: { kind: "rate_limit", retryAfterSeconds: 0.01, times: 1 },
    heals: true,
  },
  { name: "timeout", fault: { kind: "delay", ms: CLIENT_DEADLINE_MS * 3 }, heals: false },
  { name: "truncated JSON", fault: { kind: "truncate" }, heals: false },
  { name: "renamed field", fault: { kind: "rename_field", from: "", to: "" }, heals: false },
];

/** Rows of `b` missing from `a` (lost) and rows of `a` beyond `b` (duplicated), over every table. */
function rowDiff(reference: Record<string, unknown[]>, actual: Record<string, unknown[]>) {
  let lost = 0;
  let duplicated = 0;
  for (const [table, rows] of Object.entries(reference)) {
    const got = (actual[table] ?? []).map((r) => JSON.stringify(r));
    const want = rows.map((r) => JSON.stringify(r));
    lost += want.filter((r) => !got.includes(r)).length;
    duplicated += Math.max(0, got.length - want.length);
  }
  return { lost, duplicated };
}

export const upstreamMatrix: string[] = [];

interface World {
  upstream: FakeUpstream;
  plugins: PluginRegistry;
}
const worlds: Partial<Record<SourceCase["payloads"], World>> = {};
const dbs: TestDatabase[] = [];
const pools: pg.Pool[] = [];

/** The bundled plugins over a fake upstream of generated (demo) or recorded payloads. */
async function world(payloads: SourceCase["payloads"]): Promise<World> {
  const existing = worlds[payloads];
  if (existing) return existing;
  const bundled = await loadPlugins({ env: {}, cwd: repoRoot });
  let dataDir = recordedFixturesDir;
  if (payloads === "demo") {
    dataDir = mkdtempSync(path.join(tmpdir(), "edgeline-fault-"));
    await generateDemoUpstream({
      sports: demoSports(bundled),
      outDir: dataDir,
      today: TODAY,
      seed: "fault-matrix",
    });
  }
  const all = bundled.all().map((p) => p.plugin);
  const upstream = await startFakeUpstream({ dataDir, today: TODAY, routes: fakeRoutesOf(all) });
  const plugins = await loadPlugins({
    env: { ...localSourceEnv(all, upstream.url), ODDS_API_KEY: "demo" },
    cwd: repoRoot,
    httpDeps: {
      sleep: async () => {},
      fetch: (url, init) =>
        fetch(url, {
          ...init,
          signal: AbortSignal.any([
            ...(init?.signal ? [init.signal] : []),
            AbortSignal.timeout(CLIENT_DEADLINE_MS),
          ]),
        }),
    },
  });
  worlds[payloads] = { upstream, plugins };
  return worlds[payloads]!;
}

afterAll(async () => {
  for (const p of pools) await p.end();
  for (const d of dbs) await d.drop();
  for (const w of Object.values(worlds)) await w.upstream.close();
  if (upstreamMatrix.length) console.log(`fault matrix (upstream):\n${upstreamMatrix.join("\n")}`);
});

async function database(
  c: SourceCase,
): Promise<{ pool: pg.Pool; deps: PipelineDeps; upstream: FakeUpstream }> {
  const { upstream, plugins } = await world(c.payloads);
  const db = await createTestDatabase();
  const pool = testPool(db.url);
  dbs.push(db);
  pools.push(pool);
  await ensureWorkerSchema(pool);
  const deps = createPipelineDeps(pool, plugins, { now: () => new Date(`${c.date}T12:00:00Z`) });
  return { pool, deps, upstream };
}

/** One step through executeRun (pipeline_runs bookkeeping and all), one attempt. */
async function run(deps: PipelineDeps, c: SourceCase, step: StepName = c.step): Promise<Error | undefined> {
  resetRateLimits();
  const key = stepRunKey({ dag: "fault_matrix", sport: c.sport, date: c.date, step });
  return executeRun(deps.pool, { key, attempt: 1, maxAttempts: 1 }, () =>
    STEP_DEFINITIONS[step].prepare(deps, { sport: c.sport, date: c.date }),
  ).then(
    () => undefined,
    (e: Error) => e,
  );
}

describe.each(SOURCES)("upstream faults on $source ($step of $sport)", (c) => {
  let pool: pg.Pool;
  let deps: PipelineDeps;
  let upstream: FakeUpstream;
  let reference: Record<string, unknown[]>;

  beforeAll(async () => {
    ({ pool, deps, upstream } = await database(c));
    upstream.clearFaults();
    if (c.step === "fetch_markets") expect(await run(deps, c, "download_games")).toBeUndefined();
    expect(await run(deps, c)).toBeUndefined();
    reference = comparable(await dumpTables(pool));
    const rows = Object.values(reference).reduce((n, r) => n + r.length, 0);
    expect(rows).toBeGreaterThan(0);
  });

  for (const f of FAULTS) {
    it(`${f.name}: ${f.heals ? "waited out" : "the step fails with nothing written"}, then a clean rerun loses and duplicates nothing`, async () => {
      const fault: Fault =
        f.fault.kind === "rename_field"
          ? { kind: "rename_field", from: c.field, to: `${c.field}_v2` }
          : f.fault;
      upstream.clearFaults();
      upstream.injectFault(c.route, fault);
      const before = comparable(await dumpTables(pool));
      const error = await run(deps, c);
      const during = comparable(await dumpTables(pool));
      upstream.clearFaults();
      if (f.heals) expect(error, String(error)).toBeUndefined();
      else {
        expect(error, `${c.source} ${f.name} did not fail the step`).toBeInstanceOf(Error);
        expect(during).toEqual(before);
      }
      expect(await run(deps, c)).toBeUndefined();
      const after = comparable(await dumpTables(pool));
      const diff = rowDiff(reference, after);
      const { rows: open } = await pool.query(
        "SELECT count(*)::int AS n FROM pipeline_runs WHERE status IN ('running', 'queued')",
      );
      upstreamMatrix.push(
        `| ${f.name} | ${c.step} (${c.source}, ${c.sport}) | ${error ? `step failed: ${error.message.slice(0, 90)}` : "succeeded after retry"}; rerun ok | ${diff.lost} | ${diff.duplicated} |`,
      );
      expect(diff).toEqual({ lost: 0, duplicated: 0 });
      expect(after).toEqual(reference);
      expect(open[0].n).toBe(0);
    });
  }
});
