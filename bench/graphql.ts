// GraphQL read throughput and latency of the Edgeline API, with PostGraphile v5 serving the same
// scratch database beside it as the reference (a devDependency of this benchmark only).
//
// Three representative operations, asked of both servers in equivalent form (same rows, same
// nesting, same order): a page of games with their odds (list + one-to-many), a page of bets with
// their game (list + many-to-one), and one game in full (point lookup + three relations). Each
// server runs in its own child process; autocannon drives it over HTTP from this process.
// Edgeline runs as deployed: every request carries a read key (one extra indexed lookup);
// PostGraphile has no authentication configured.
//
// Run alone: `pnpm exec tsx bench/graphql.ts` (BENCH_SECONDS=10 per run, BENCH_CONNECTIONS=10).
import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:http";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { createApiKey } from "../packages/api/src/auth/api-key-store.ts";
import { defaultLimits } from "../packages/api/src/server/config.ts";
import { startApiServer } from "../packages/api/src/server/create-api-server.ts";
import { seedGraphqlData } from "../packages/api/test/graphql-seed.ts";
import { createPrismaClient, loadPlugins } from "../packages/core/src/index.ts";
import { createTestDatabase } from "../packages/core/src/testing/index.ts";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);

interface Operation {
  name: string;
  edgeline: string;
  postgraphile: string;
}

function operations(gameId: string): Operation[] {
  return [
    {
      name: "games page (20) with odds",
      edgeline: `{ games(sport: "NHL", first: 20) { totalCount edges { node {
        id date status home { name } away { name } odds { bookmaker outcome price } } } } }`,
      postgraphile: `{ allUnifiedGames(condition: { sport: "NHL" }, first: 20, orderBy: [GAME_DATE_ASC, PRIMARY_KEY_ASC]) {
        totalCount nodes { gameId gameDate status homeTeamName awayTeamName
          gameOddsByGameId(orderBy: [LAST_UPDATE_DESC, PRIMARY_KEY_ASC]) { nodes { bookmaker outcomeName price } } } } }`,
    },
    {
      name: "bets page (50) with game",
      edgeline: `{ placedBets(first: 50) { totalCount edges { node {
        id bookmaker stake odds status placedAt game { id status home { name } away { name } } } } } }`,
      postgraphile: `{ allPlacedBets(first: 50, orderBy: [PLACED_TIME_UTC_DESC, PRIMARY_KEY_ASC]) { totalCount nodes {
        betId bookmaker stake odds status placedTimeUtc unifiedGameByGameId { gameId status homeTeamName awayTeamName } } } }`,
    },
    {
      name: "one game with odds, recommendations, bets",
      edgeline: `{ game(id: "${gameId}") { id date status home { name } away { name }
        odds { bookmaker outcome price } recommendations { side edge status } bets { id stake status } } }`,
      postgraphile: `{ unifiedGameByGameId(gameId: "${gameId}") { gameId gameDate status homeTeamName awayTeamName
        gameOddsByGameId(orderBy: [LAST_UPDATE_DESC, PRIMARY_KEY_ASC]) { nodes { bookmaker outcomeName price } }
        betRecommendationsByGameId { nodes { side edge status } } placedBetsByGameId { nodes { betId stake status } } } }`,
    },
  ];
}

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

function startChild(
  which: "edgeline" | "postgraphile",
  databaseUrl: string,
): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", fileURLToPath(import.meta.url), "--serve", which, databaseUrl],
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

interface Figures {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

async function load(url: string, query: string, key: string | undefined, seconds: number): Promise<Figures> {
  const result = await autocannon({
    url,
    method: "POST",
    connections: CONNECTIONS,
    duration: seconds,
    headers: { "content-type": "application/json", ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: JSON.stringify({ query }),
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

export async function main(): Promise<void> {
  const db = await createTestDatabase();
  const children: ChildProcess[] = [];
  try {
    const prisma = createPrismaClient({ connectionString: db.url });
    const seed = await seedGraphqlData(prisma, { days: 60, teams: 16, bookmakers: 5, snapshots: 24 * 60 });
    const key = (await createApiKey(prisma, "read", "bench")).key;
    await prisma.$disconnect();
    console.log(
      `scratch database ${db.name}: ${seed.games} games, ${seed.odds} odds, ${seed.bets} bets, ` +
        `${seed.recommendations} recommendations, ${seed.ratings} ratings`,
    );
    const edgeline = await startChild("edgeline", db.url);
    const reference = await startChild("postgraphile", db.url);
    children.push(edgeline.child, reference.child);

    const rows: string[] = [];
    for (const op of operations(seed.firstGameId)) {
      // Both answers must be real data before anything is timed.
      for (const [url, query, k] of [
        [edgeline.url, op.edgeline, key],
        [reference.url, op.postgraphile, undefined],
      ] as const) {
        const body = await post(url, query, k);
        if (body.errors || !body.data)
          throw new Error(`${op.name} failed at ${url}: ${JSON.stringify(body.errors)}`);
      }
      await load(edgeline.url, op.edgeline, key, 2); // warm-up: plan caches, JIT, pools
      const e = await load(edgeline.url, op.edgeline, key, SECONDS);
      await load(reference.url, op.postgraphile, undefined, 2);
      const p = await load(reference.url, op.postgraphile, undefined, SECONDS);
      rows.push(
        `| ${op.name} | ${e.rps.toFixed(0)} | ${e.p50} / ${e.p99} | ${p.rps.toFixed(0)} | ${p.p50} / ${p.p99} | ` +
          `${(e.rps / p.rps).toFixed(2)} | ${e.errors + p.errors} |`,
      );
    }
    console.log(
      `\nautocannon, ${CONNECTIONS} connections, ${SECONDS}s per run after a 2s warm-up; latency in ms`,
    );
    console.log(
      "| operation | Edgeline req/s | Edgeline p50 / p99 | PostGraphile req/s | PostGraphile p50 / p99 | req/s ratio | errors |",
    );
    console.log("| --- | --- | --- | --- | --- | --- | --- |");
    for (const row of rows) console.log(row);
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
