// GraphQL read throughput and latency of the Edgeline API, with PostGraphile v5 serving the same
// scratch database beside it as the reference (a devDependency of this benchmark only).
//
// Four operations, asked of both servers in equivalent form (same rows, same nesting, same order;
// bench/graphql-operations.ts): a page of games with their odds, a page of bets with their game,
// one game in full, and a team's games in a date range with both sides' ratings and the model's
// probabilities. Each server runs in its own child process; autocannon drives it over HTTP from
// this process. Edgeline runs as deployed: every request carries a read key; PostGraphile has no
// authentication configured.
//
// The machine is shared, so one measurement says little: each operation is measured in ROUNDS
// rounds that alternate which server goes first, and the table gives the median of the rounds'
// req/s ratios with their range, the median p50/p99, and each server's CPU time per request (from
// /proc, user + system, over the measured seconds). The whole table is run at 10 connections,
// then at 50.
//
// Run alone: `pnpm exec tsx bench/graphql.ts` (BENCH_SECONDS=8 per measurement after a 2 s warm-up,
// BENCH_ROUNDS=3, BENCH_CONNECTIONS=10,50, BENCH_OPS=1,2,3,4). Profile a server: BENCH_PROFILE=edgeline (or
// postgraphile) runs it under `node --cpu-prof` and writes the .cpuprofile to BENCH_PROFILE_DIR.
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import type { Pool } from "pg";
import { createApiKey } from "../packages/api/src/auth/api-key-store.ts";
import { defaultLimits } from "../packages/api/src/server/config.ts";
import { startApiServer } from "../packages/api/src/server/create-api-server.ts";
import { seedGraphqlData } from "../packages/api/test/graphql-seed.ts";
import { createPgPool, createPrismaClient, loadPlugins } from "../packages/core/src/index.ts";
import { createTestDatabase } from "../packages/core/src/testing/index.ts";
import { type Operation, operations, preparePostGraphile } from "./graphql-operations.ts";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONNECTION_RUNS = (process.env.BENCH_CONNECTIONS ?? "10,50").split(",").map(Number);
const PROFILE = process.env.BENCH_PROFILE;
/** Which operations to measure, by 1-based position (e.g. BENCH_OPS=2,3); all by default. */
const ONLY_OPS = process.env.BENCH_OPS?.split(",").map(Number);
const CLOCK_TICKS = 100; // USER_HZ on Linux: /proc/<pid>/stat counts CPU time in 1/100 s

// ---- child processes: one server each --------------------------------------------------------

async function serveEdgeline(databaseUrl: string): Promise<string> {
  const server = await startApiServer({
    databaseUrl,
    port: 0,
    host: "127.0.0.1",
    plugins: await loadPlugins(),
    logging: false,
    config: { readRequiresKey: true, corsOrigins: [], maxBodyBytes: 100 * 1024, limits: defaultLimits },
  });
  return server.url;
}

async function servePostGraphile(databaseUrl: string): Promise<string> {
  // PostGraphile 5 declares Node >= 22 and uses Promise.withResolvers; this is the spec's behaviour
  // for Node 20, where the rest of Edgeline runs.
  const P = Promise as unknown as { withResolvers?: () => unknown };
  P.withResolvers ??= () => {
    let resolve: unknown;
    let reject: unknown;
    const promise = new Promise((a, b) => {
      resolve = a;
      reject = b;
    });
    return { promise, resolve, reject };
  };
  const { postgraphile } = await import("postgraphile");
  const { makePgService } = await import("postgraphile/adaptors/pg");
  const { grafserv } = await import("postgraphile/grafserv/node");
  const { PostGraphileAmberPreset } = await import("postgraphile/presets/amber");
  const pgl = postgraphile({
    extends: [PostGraphileAmberPreset],
    pgServices: [
      makePgService({ connectionString: databaseUrl, schemas: ["public"], poolConfig: { max: 10 } }),
    ],
    grafserv: { graphiql: false },
  });
  const server = createServer();
  pgl.createServ(grafserv).addTo(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return `http://127.0.0.1:${port}/graphql`;
}

// ---- the run ---------------------------------------------------------------------------------

type Which = "edgeline" | "postgraphile";

function startChild(which: Which, databaseUrl: string): Promise<{ child: ChildProcess; url: string }> {
  const profile =
    PROFILE === which ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR ?? "."}`] : [];
  const child = spawn(
    process.execPath,
    [...profile, "--import", "tsx", fileURLToPath(import.meta.url), "--serve", which, databaseUrl],
    {
      stdio: ["ignore", "pipe", "inherit"],
      env: { ...process.env, GRAPHILE_ENV: "production", NODE_ENV: "production" },
    },
  );
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.on("line", (line) => {
      const url = /^LISTENING (\S+)$/.exec(line)?.[1];
      if (url) resolve({ child, url });
    });
    child.once("exit", (code) => reject(new Error(`${which} server exited with ${code} before listening`)));
  });
}

async function post(url: string, query: string, key?: string): Promise<{ data?: unknown; errors?: unknown }> {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: JSON.stringify({ query }),
  });
  return (await res.json()) as { data?: unknown; errors?: unknown };
}

/** CPU seconds (user + system) a process has used so far. */
function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
}

interface Figures {
  rps: number;
  p50: number;
  p99: number;
  /** Server (Node process) CPU milliseconds per request. */
  cpuMs: number;
  /** CPU milliseconds per request of the server's PostgreSQL backends. */
  dbMs: number;
  errors: number;
}

interface Server {
  which: Which;
  url: string;
  pid: number;
  key?: string;
}

/** The PostgreSQL backends (pids) serving a server: Edgeline's pool names itself edgeline-api. */
async function backends(db: Pool, which: Which): Promise<number[]> {
  const { rows } = await db.query<{ pid: number }>(
    `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()
        AND backend_type = 'client backend'
        AND CASE WHEN $1 THEN application_name = 'edgeline-api' ELSE application_name NOT LIKE 'edgeline%' END`,
    [which === "edgeline"],
  );
  return rows.map((r) => r.pid);
}

function cpuOf(pids: number[]): Map<number, number> {
  const out = new Map<number, number>();
  for (const pid of pids) {
    try {
      out.set(pid, cpuSeconds(pid));
    } catch {
      // a backend that has just gone
    }
  }
  return out;
}

async function load(
  server: Server,
  query: string,
  seconds: number,
  connections: number,
  db: Pool,
): Promise<Figures> {
  const dbBefore = cpuOf(await backends(db, server.which));
  const cpuBefore = cpuSeconds(server.pid);
  const result = await autocannon({
    url: server.url,
    method: "POST",
    connections,
    duration: seconds,
    headers: {
      "content-type": "application/json",
      ...(server.key ? { authorization: `Bearer ${server.key}` } : {}),
    },
    body: JSON.stringify({ query }),
  });
  const cpu = cpuSeconds(server.pid) - cpuBefore;
  let dbCpu = 0;
  for (const [pid, after] of cpuOf(await backends(db, server.which)))
    dbCpu += after - (dbBefore.get(pid) ?? 0);
  const requests = Math.max(1, result.requests.total);
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    cpuMs: (cpu * 1000) / requests,
    dbMs: (dbCpu * 1000) / requests,
    errors: result.errors + result.non2xx,
  };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

async function measure(
  op: Operation,
  edgeline: Server,
  reference: Server,
  connections: number,
  db: Pool,
): Promise<string> {
  const e: Figures[] = [];
  const p: Figures[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    // Alternate who goes first, so that neither always runs on the quieter half of a round.
    const order = round % 2 === 0 ? [edgeline, reference] : [reference, edgeline];
    for (const server of order) {
      const query = server.which === "edgeline" ? op.edgeline : op.postgraphile;
      await load(server, query, 2, connections, db); // warm-up: plan caches, JIT, pools
      (server.which === "edgeline" ? e : p).push(await load(server, query, SECONDS, connections, db));
    }
  }
  const ratios = e.map((f, i) => f.rps / p[i]!.rps);
  const fig = (fs: Figures[]) =>
    `${median(fs.map((f) => f.rps)).toFixed(0)} | ${median(fs.map((f) => f.p50))} / ${median(fs.map((f) => f.p99))} | ` +
    `${median(fs.map((f) => f.cpuMs)).toFixed(2)} + ${median(fs.map((f) => f.dbMs)).toFixed(2)}`;
  const errors = [...e, ...p].reduce((n, f) => n + f.errors, 0);
  return (
    `| ${op.name} | ${fig(e)} | ${fig(p)} | **${median(ratios).toFixed(2)}** ` +
    `(${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}) | ${errors} |`
  );
}

export async function main(): Promise<void> {
  const db = await createTestDatabase();
  const children: ChildProcess[] = [];
  try {
    const prisma = createPrismaClient({ connectionString: db.url });
    const seed = await seedGraphqlData(prisma, { days: 60, teams: 16, bookmakers: 5, snapshots: 24 * 60 });
    const key = (await createApiKey(prisma, "read", "bench")).key;
    await prisma.$disconnect();
    const admin = createPgPool({ connectionString: db.url, poolSize: 1, applicationName: "bench" });
    await preparePostGraphile(admin);
    await admin.query("ANALYZE");
    console.log(
      `scratch database ${db.name}: ${seed.games} games, ${seed.odds} odds, ${seed.bets} bets, ` +
        `${seed.recommendations} recommendations, ${seed.ratings} ratings`,
    );
    const e = await startChild("edgeline", db.url);
    const r = await startChild("postgraphile", db.url);
    children.push(e.child, r.child);
    const edgeline: Server = { which: "edgeline", url: e.url, pid: e.child.pid!, key };
    const reference: Server = { which: "postgraphile", url: r.url, pid: r.child.pid! };

    const ops = operations(seed.firstGameId).filter((_, i) => !ONLY_OPS || ONLY_OPS.includes(i + 1));
    for (const op of ops) {
      // Both answers must be real data before anything is timed.
      for (const [server, query] of [
        [edgeline, op.edgeline],
        [reference, op.postgraphile],
      ] as const) {
        const body = await post(server.url, query, server.key);
        if (body.errors || !body.data)
          throw new Error(`${op.name} failed at ${server.url}: ${JSON.stringify(body.errors)}`);
      }
    }
    for (const connections of CONNECTION_RUNS) {
      const rows: string[] = [];
      for (const op of ops) rows.push(await measure(op, edgeline, reference, connections, admin));
      console.log(
        `\nautocannon, ${connections} connections, ${ROUNDS} alternating rounds of ${SECONDS}s after a 2s warm-up; ` +
          "medians of the rounds; latency in ms; CPU = ms per request of the server process + of its PostgreSQL backends",
      );
      console.log(
        "| operation | Edgeline req/s | p50 / p99 | CPU | PostGraphile req/s | p50 / p99 | CPU | req/s ratio (range) | errors |",
      );
      console.log("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
      for (const row of rows) console.log(row);
    }
    await admin.end();
  } finally {
    // The servers go first: dropping the database under their pools would end them with errors.
    await Promise.all(
      children.map((child) => new Promise((resolve) => child.once("exit", resolve).kill("SIGTERM"))),
    );
    await db.drop();
  }
}

if (process.argv[2] === "--serve") {
  const [which, databaseUrl] = [process.argv[3], process.argv[4]!];
  const url = which === "edgeline" ? await serveEdgeline(databaseUrl) : await servePostGraphile(databaseUrl);
  console.log(`LISTENING ${url}`);
  // Exit (rather than die) on SIGTERM, so that --cpu-prof and similar flags can write their output.
  process.on("SIGTERM", () => process.exit(0));
} else if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await main();
}
