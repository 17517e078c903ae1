// The compiled lane (server/compiled-lane.ts) answers a repeated compiled request below yoga, and
// its answers are yoga's to the byte: the same status, content type, length and body as the same
// server with the lane off, for every Accept it takes; and what a request must pass is still
// passed on every request: the key (a revoked one is refused at once), the rate limit, the day,
// and a statement that fails goes to yoga, whose answer it then is.

import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createApiKey, revokeApiKey } from "../src/auth/api-key-store.ts";
import { dataOf, type Harness, startHarness } from "./graphql-harness.ts";
import { seedGraphqlData } from "./graphql-seed.ts";

let h: Harness;
let gameId: string;

beforeAll(async () => {
  h = await startHarness({
    // Keys verified on every request (no cache), so that a revocation is seen by the next one
    // whichever of the harness's servers gets its NOTIFY first.
    config: { rateLimitPerMinute: 1000, keyCacheTtlMs: 0 },
    seed: async (api) => {
      gameId = (await seedGraphqlData(api.prisma, { days: 6, teams: 6, bookmakers: 2, snapshots: 8 }))
        .firstGameId;
    },
  });
});
afterAll(() => h?.close());

interface Raw {
  status: number;
  contentType: string | null;
  contentLength: string | null;
  allowOrigin: string | null;
  vary: string | null;
  text: string;
}

async function post(origin: string, body: string, headers: Record<string, string> = {}): Promise<Raw> {
  const res = await fetch(`${origin}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${h.keys.read}`, ...headers },
    body,
  });
  return {
    status: res.status,
    contentType: res.headers.get("content-type"),
    contentLength: res.headers.get("content-length"),
    allowOrigin: res.headers.get("access-control-allow-origin"),
    vary: res.headers.get("vary"),
    text: await res.text(),
  };
}

const body = (query: string, variables?: Record<string, unknown>, operationName?: string) =>
  JSON.stringify({ query, variables, operationName });

const operations = (): string[] => [
  body(`{ games(sport: "NHL", first: 5) { totalCount edges { node {
      id date status home { name } away { name } odds { bookmaker outcome price } } } } }`),
  body(`{ placedBets(first: 10) { totalCount edges { node {
      id bookmaker stake odds status placedAt game { id status home { name } away { name } } } } } }`),
  body(`{ game(id: "${gameId}") { id date status home { name } away { name }
      odds { bookmaker outcome price } recommendations { side edge status } bets { id stake status } } }`),
  // modelProbabilities is computed in JS: the body is the completed data, serialised as yoga does.
  body(`{ games(sport: "NHL", team: "HAT", from: "2025-10-01", to: "2025-10-08", first: 20) { totalCount
      edges { node { id date status home { entityId name rating { rating } } away { entityId name rating { rating } }
      modelProbabilities { home away draw } } } } }`),
  body(
    `query Page($sport: String!, $first: Int) { games(sport: $sport, first: $first) { totalCount
      pageInfo { hasNextPage endCursor } edges { cursor node { id } } } }`,
    { sport: "nhl", first: 3 },
    "Page",
  ),
];

describe("the compiled lane", () => {
  test("answers a repeated compiled request exactly as yoga does, under every Accept it takes", async () => {
    for (const accept of [
      undefined,
      "*/*",
      "application/json",
      "application/graphql-response+json",
      "application/graphql-response+json, application/json", // the dashboard's
    ]) {
      for (const op of operations()) {
        const headers: Record<string, string> = accept ? { accept } : {};
        const yoga = await post(h.withoutLaneOrigin, op, headers);
        expect(yoga.status, op).toBe(200);
        expect(JSON.parse(yoga.text).errors, op).toBeUndefined();
        const first = await post(h.origin, op, headers); // learns it
        const before = h.compiledLaneSize();
        const second = await post(h.origin, op, headers);
        expect(h.compiledLaneSize()).toBe(before);
        for (const answer of [first, second]) expect(answer, `${accept} ${op}`).toEqual(yoga);
      }
    }
    expect(h.compiledLaneSize()).toBe(operations().length);
  });

  test("what it has not learned is yoga's: mutations, uncovered fields, errors", async () => {
    const before = h.compiledLaneSize();
    for (const op of [
      body("{ __schema { queryType { name } } }"),
      body("{ games(first: 101) { totalCount } }"),
      body("{ nope }"),
      body(`mutation { runPipeline(sport: "XFL", date: "2025-11-02") { jobs { id } } }`, {}),
    ]) {
      const expected = await post(h.withoutLaneOrigin, op);
      for (let i = 0; i < 2; i++) expect(await post(h.origin, op), op).toEqual(expected);
    }
    expect(h.compiledLaneSize()).toBe(before);
  });

  test("checks the key on every request: none, a bad one, a revoked one", async () => {
    const op = operations()[0]!;
    const created = await createApiKey(h.api.prisma, "read", "lane");
    dataOf({ status: 200, headers: new Headers(), body: JSON.parse((await post(h.origin, op)).text) });
    expect((await post(h.origin, op, { authorization: `Bearer ${created.key}` })).status).toBe(200);
    await revokeApiKey(h.api.prisma, created.keyId);
    for (const authorization of [`Bearer ${created.key}`, "Bearer nope", "Basic x"]) {
      const expected = await post(h.withoutLaneOrigin, op, { authorization });
      expect(expected.status, authorization).toBe(401);
      expect(await post(h.origin, op, { authorization }), authorization).toEqual(expected);
    }
    const res = await fetch(h.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: op,
    });
    expect(res.status).toBe(401);
  });

  test("counts each request in the metrics as yoga does", async () => {
    const op = body("query LaneMetrics { placedBets(first: 1) { totalCount } }");
    await post(h.origin, op); // learned
    const count = async () => {
      const text = await (await fetch(`${h.origin}/metrics`)).text();
      const line = text
        .split("\n")
        .find(
          (l) => l.startsWith("edgeline_graphql_requests_total{") && l.includes('operation="LaneMetrics"'),
        );
      return Number(line?.split(" ").at(-1) ?? 0);
    };
    const before = await count();
    for (let i = 0; i < 5; i++) await post(h.origin, op);
    expect(await count()).toBe(before + 5);
  });

  test("a statement that fails goes to yoga, whose answer it is", async () => {
    const op = body("{ placedBets(first: 2) { totalCount edges { node { id } } } }");
    await post(h.origin, op);
    await post(h.origin, op);
    await h.api.pool.query("ALTER TABLE placed_bets RENAME TO placed_bets_away");
    try {
      const expected = await post(h.withoutLaneOrigin, op);
      expect(JSON.parse(expected.text).errors?.length).toBeGreaterThan(0);
      expect(await post(h.origin, op)).toEqual(expected);
    } finally {
      await h.api.pool.query("ALTER TABLE placed_bets_away RENAME TO placed_bets");
    }
    expect((await post(h.origin, op)).status).toBe(200);
  });
});

describe("the compiled lane and CORS", () => {
  let withCors: Harness;
  beforeAll(async () => {
    withCors = await startHarness({ config: { corsOrigins: ["http://dash.example"] } });
  });
  afterAll(() => withCors?.close());

  test("answers a browser's request (an Origin) only when yoga would add no CORS headers", async () => {
    const op = body("{ placedBets(first: 1) { totalCount } }");
    const origin = { origin: "http://dash.example" };
    // No CORS configured (the main harness): the Origin changes nothing in yoga's answer.
    const before = h.compiledLaneSize();
    const plain = await post(h.withoutLaneOrigin, op, origin);
    for (let i = 0; i < 2; i++) expect(await post(h.origin, op, origin)).toEqual(plain);
    expect(h.compiledLaneSize()).toBe(before + 1);
    // CORS configured: yoga's answer carries its headers, and the lane leaves it to yoga.
    const post2 = (o: string) =>
      fetch(`${o}/graphql`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          authorization: `Bearer ${withCors.keys.read}`,
          ...origin,
        },
        body: op,
      });
    for (let i = 0; i < 3; i++) {
      const res = await post2(withCors.origin);
      expect(res.status).toBe(200);
      expect(res.headers.get("access-control-allow-origin")).toBe("http://dash.example");
    }
    expect(withCors.compiledLaneSize()).toBe(0);
  });
});

describe("the compiled lane and the rate limit", () => {
  let limited: Harness;
  beforeAll(async () => {
    limited = await startHarness({ config: { rateLimitPerMinute: 3 } });
  });
  afterAll(() => limited?.close());

  test("takes a token per request and leaves the refusal to yoga", async () => {
    const op = body("{ placedBets(first: 1) { totalCount } }");
    const send = () =>
      fetch(limited.url, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${limited.keys.read}` },
        body: op,
      });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await send()).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect(limited.compiledLaneSize()).toBe(1);
  });
});
