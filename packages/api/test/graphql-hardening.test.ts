// Limits and error hygiene: depth, aliases, tokens and cost are refused before any SQL runs;
// unexpected errors are masked; bad argument values are named; bodies have a size limit; CORS
// follows configuration; GraphiQL and the health endpoints answer.
import { Agent, request as httpRequest, type RequestOptions } from "node:http";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { dataOf, type Harness, startHarness } from "./graphql-harness.ts";
import { seedGraphqlData } from "./graphql-seed.ts";

let h: Harness;

/** A POST of a JSON body sent in chunks (no Content-Length), with the read key. */
const chunkedPost = (): RequestOptions => ({
  method: "POST",
  headers: {
    "content-type": "application/json",
    "transfer-encoding": "chunked",
    authorization: `Bearer ${h.keys.read}`,
  },
});
let cors: Harness;

beforeAll(async () => {
  [h, cors] = await Promise.all([
    startHarness({ seed: (api) => seedGraphqlData(api.prisma, { days: 2, teams: 4, bookmakers: 1 }) }),
    startHarness({ config: { corsOrigins: ["https://app.example"] } }),
  ]);
});
afterAll(async () => {
  await h?.close();
  await cors?.close();
});

/** Sends `query`, expects it refused with `message` and without a single SQL statement. */
async function refusedBeforeSql(query: string, message: string | RegExp) {
  let res: Awaited<ReturnType<Harness["gql"]>> | undefined;
  const statements = await h.statementsDuring(async () => {
    res = await h.gql(query);
  });
  expect(res!.status, JSON.stringify(res!.body).slice(0, 300)).toBe(400);
  expect(res!.body.errors?.[0]?.message).toMatch(message);
  expect(statements).toEqual([]);
}

describe("query limits", () => {
  test("depth over 12 is refused", async () => {
    const deep = `{ games(first: 1) { edges { node { odds { game { odds { game { recommendations { game { home { rating { history { history { rating } } } } } } } } } } } } } }`;
    await refusedBeforeSql(deep, /Query depth limit of 12 exceeded/);
  });

  test("more than 15 aliases are refused", async () => {
    const aliases = Array.from({ length: 16 }, (_, i) => `a${i}: sports { code }`).join(" ");
    await refusedBeforeSql(`{ ${aliases} }`, /Aliases limit of 15 exceeded/);
  });

  test("more than 2000 tokens are refused", async () => {
    const fields = Array.from({ length: 1100 }, () => "code name").join(" ");
    await refusedBeforeSql(`{ sports { ${fields} } }`, /Token limit of 2000 exceeded/);
  });

  test("a cost over 5000 is refused even within the depth, alias and token limits", async () => {
    const wide = "id date status venue season commenceTime";
    const odds = `odds { id bookmaker market outcome price line lastUpdate isPregame externalId game { ${wide} bets { id stake odds status } recommendations { id side edge } } }`;
    const query = `{ games(first: 100) { edges { node { ${wide} ${odds} recommendations { id game { ${wide} ${odds} } } bets { id game { ${wide} ${odds} } } } } } }`;
    await refusedBeforeSql(query, /Query Cost limit of 5000 exceeded/);
  });

  test("unknown fields get no 'did you mean' hint", async () => {
    const res = await h.gql("{ gamez { totalCount } }");
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]?.message).not.toMatch(/Did you mean/);
  });

  test("a normal nested query stays within every limit", async () => {
    const res = await h.gql(
      `{ games(first: 5) { totalCount edges { node { id home { rating { rating history { rating } } } odds { price } } } } }`,
    );
    expect(dataOf(res)).toBeDefined();
  });
});

describe("errors", () => {
  test("an unexpected error is masked: no SQL, table names or stack reach the client", async () => {
    await h.api.pool.query("ALTER TABLE portfolio_snapshots RENAME TO portfolio_snapshots_away");
    try {
      const res = await h.gql("{ portfolio { snapshots { totalCount } } }");
      const text = JSON.stringify(res.body);
      expect(res.body.errors?.[0]?.message).toBe("Unexpected error.");
      expect(text).not.toMatch(/portfolio_snapshots|SELECT|relation|at .*\.ts|prisma/i);
    } finally {
      await h.api.pool.query("ALTER TABLE portfolio_snapshots_away RENAME TO portfolio_snapshots");
    }
  });

  test("a bad literal names its argument, and a bad variable names its variable", async () => {
    const literal = await h.gql(`{ games(from: "2025-13-45") { totalCount } }`);
    expect(literal.status).toBe(400);
    expect(literal.body.errors?.[0]?.message).toMatch(
      /^Invalid argument "from": .*Date must be a calendar day/,
    );
    expect(literal.body.errors?.[0]?.extensions?.argument).toBe("from");

    const nested = await h.gql(
      `mutation { recordManualBet(input: { bookmaker: "BetMGM", marketId: "m", outcome: "x", stake: 12.5, odds: "2" }) { id } }`,
      {},
      { key: "write" },
    );
    expect(nested.body.errors?.[0]?.extensions?.argument).toBe("input.stake");

    const variable = await h.gql(`query ($to: DateTime) { placedBets(to: $to) { totalCount } }`, {
      to: "yesterday",
    });
    expect(variable.status).toBe(400);
    expect(variable.body.errors?.[0]?.message).toMatch(
      /Variable "\$to" got invalid value "yesterday".*ISO 8601/,
    );
  });
});

describe("request body limit", () => {
  test("a declared body over the limit is 413", async () => {
    const padding = "x".repeat(110 * 1024);
    const res = await fetch(h.url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${h.keys.read}` },
      body: JSON.stringify({ query: "{ sports { code } }", variables: { padding } }),
    });
    expect(res.status).toBe(413);
  });

  test("a chunked body without Content-Length is cut off at the limit with 413", async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(h.url, chunkedPost(), (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on("error", reject);
      req.write('{"query":"{ sports { code } }","variables":{"p":"');
      for (let i = 0; i < 120; i++) req.write("y".repeat(1024));
      req.end('"}}');
    });
    expect(status).toBe(413);
  });
});

describe("request body limit on a keep-alive connection", () => {
  /** POSTs a chunked body of `kb` KiB of padding on `agent`; resolves once sent and answered. */
  const send = (agent: Agent, kb: number) =>
    new Promise<{ status: number; reused: boolean; body: string }>((resolve, reject) => {
      const req = httpRequest(h.url, { agent, ...chunkedPost() }, (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (chunk) => {
          body += chunk;
        });
        res.on("end", () => {
          const done = () => resolve({ status: res.statusCode ?? 0, reused: req.reusedSocket, body });
          if (req.writableFinished) done();
          else req.on("finish", done);
        });
      });
      req.on("error", reject);
      req.write('{"query":"{ sports { code } }","variables":{"p":"');
      for (let i = 0; i < kb; i++) req.write("y".repeat(1024));
      req.end('"}}');
    });

  test("a chunked body far over the limit is 413 and closes its connection, so the next request answers at once on a new one", async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const refused = await send(agent, 2048);
      expect(refused.status).toBe(413);
      const next = await Promise.race([
        send(agent, 0),
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error("no answer in 3 s")), 3000)),
      ]);
      expect(next.reused).toBe(false);
      expect(next.status).toBe(200);
      expect(JSON.parse(next.body).data.sports.length).toBeGreaterThan(0);
    } finally {
      agent.destroy();
    }
  });
});

describe("CORS", () => {
  const preflight = (harness: Harness, origin: string) =>
    fetch(harness.url, {
      method: "OPTIONS",
      headers: {
        origin,
        "access-control-request-method": "POST",
        "access-control-request-headers": "authorization,content-type",
      },
    });

  test("no configured origins: no CORS headers at all", async () => {
    const res = await preflight(h, "https://app.example");
    expect(res.headers.get("access-control-allow-origin")).toBeNull();
  });

  test("a configured origin is allowed, with the Authorization header; another is not", async () => {
    const allowed = await preflight(cors, "https://app.example");
    expect(allowed.headers.get("access-control-allow-origin")).toBe("https://app.example");
    expect(allowed.headers.get("access-control-allow-headers")).toContain("authorization");
    const other = await preflight(cors, "https://evil.example");
    expect(other.headers.get("access-control-allow-origin")).not.toBe("https://evil.example");
  });
});

describe("GraphiQL and health", () => {
  test("GET /graphql from a browser serves GraphiQL with the example operations", async () => {
    const res = await fetch(h.url, { headers: { accept: "text/html" } });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Edgeline");
    for (const op of ["GamesWithOdds", "Leaderboard", "RunPipeline", "FollowPipeline"])
      expect(html).toContain(op);
  });

  test("GET /health answers 200 without a key, GET /ready checks the database", async () => {
    expect((await fetch(`${h.origin}/health`)).status).toBe(200);
    expect((await fetch(`${h.origin}/ready`)).status).toBe(200);
  });
});
