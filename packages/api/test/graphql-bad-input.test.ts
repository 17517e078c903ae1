// Every bad input is answered with a 4xx and a clear error before it reaches the database (issue
// 14, items 8-10): NUL bytes, out-of-range days, forged cursors, ids beyond int4, malformed GET
// variables, validation errors under the default Accept, invalid JSON without originalError,
// a chunked body over the limit on a keep-alive connection, and queries while the database is
// down (503, not 500).
import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "./graphql-harness.ts";
import { seedGraphqlData } from "./graphql-seed.ts";

let h: Harness;
beforeAll(async () => {
  h = await startHarness({
    seed: (api) => seedGraphqlData(api.prisma, { days: 2, teams: 4, bookmakers: 1 }),
    config: { maxBodyBytes: 2048 },
  });
});
afterAll(() => h?.close());

const codes = (res: { body: { errors?: { extensions?: Record<string, unknown> }[] } }) =>
  (res.body.errors ?? []).map((e) => e.extensions?.code);
const b64 = (s: string) => Buffer.from(s).toString("base64");

describe("inputs that used to reach an internal error", () => {
  const cases: Array<[string, string, Record<string, unknown>?, ("read" | "write")?]> = [
    ["a NUL byte in a string argument", `{ game(id: "NHL\\u0000") { id } }`],
    [
      "a NUL byte in a variable",
      "query($s: String!) { leaderboard(sport: $s) { totalCount } }",
      { s: "NHL\u0000" },
    ],
    ["year 0000", `{ games(from: "0000-01-01") { totalCount } }`],
    ["year 9999 as a variable", "query($d: Date) { games(from: $d) { totalCount } }", { d: "9999-12-31" }],
    [
      "a forged cursor beyond int4",
      `{ recommendations(after: "${b64("GPC:N:9999999999")}") { edges { node { id } } } }`,
    ],
    [
      "a forged cursor of the wrong type",
      `{ recommendations(after: "${b64("GPC:S:abc")}") { edges { node { id } } } }`,
    ],
    ["a garbage cursor", `{ games(after: "not a cursor") { totalCount } }`],
    ["an id beyond int4", `mutation { rejectRecommendation(id: "9999999999") { id } }`, undefined, "write"],
  ];
  for (const [name, query, variables, key] of cases) {
    it(`${name}: 400 BAD_USER_INPUT`, async () => {
      const res = await h.gql(query, variables, { key: key ?? "read" });
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect(codes(res)).toContain("BAD_USER_INPUT");
    });
  }

  it("a GET with malformed variables: 400, not 500", async () => {
    const res = await fetch(`${h.url}?query=${encodeURIComponent("{ __typename }")}&variables=%7Bnot-json`, {
      headers: { authorization: `Bearer ${h.keys.read}` },
    });
    expect(res.status).toBe(400);
  });
});

describe("status codes and messages", () => {
  it("a validation error under the default Accept is 400", async () => {
    const res = await fetch(h.url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${h.keys.read}` },
      body: JSON.stringify({ query: "{ noSuchField }" }),
    });
    expect(res.status).toBe(400);
  });

  it("a limit error (aliases) under the default Accept is 400", async () => {
    const post = (query: string) =>
      fetch(h.url, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${h.keys.read}` },
        body: JSON.stringify({ query }),
      });
    expect(
      (await post(`{ ${Array.from({ length: 20 }, (_, i) => `a${i}: sports { code }`).join(" ")} }`)).status,
    ).toBe(400);
  });

  it("invalid JSON is 400 and carries no originalError", async () => {
    const res = await fetch(h.url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${h.keys.read}` },
      body: '{"query": "{ __typename }"',
    });
    expect(res.status).toBe(400);
    const text = await res.text();
    expect(text).not.toContain("originalError");
    expect(text).not.toContain("stack");
  });
});

describe("a chunked body over the limit", () => {
  it("answers 413 and closes the connection, so no next request hangs on it", async () => {
    const socket = connect(Number(new URL(h.url).port), "127.0.0.1");
    await new Promise<void>((resolve) => socket.once("connect", resolve));
    let received = "";
    socket.on("data", (d) => {
      received += d.toString();
    });
    const closed = new Promise<void>((resolve) => socket.once("close", () => resolve()));
    socket.on("error", () => {});
    socket.write(
      "POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: keep-alive\r\n\r\n",
    );
    const chunk = "x".repeat(1024);
    for (let i = 0; i < 4; i++) socket.write(`${chunk.length.toString(16)}\r\n${chunk}\r\n`);
    await closed;
    expect(received).toMatch(/^HTTP\/1\.1 413/);
    expect(received.toLowerCase()).toContain("connection: close");
  });
});

describe("while the database is down", () => {
  it("answers 503 with Retry-After, not 500, and says why", async () => {
    const { createServer } = await import("node:http");
    const { createApiServer, createChangePubSub } = await import("../src/server/create-api-server.ts");
    const { createApiDatabase } = await import("../src/server/database.ts");
    const { sportCatalogFromPlugins } = await import("../src/graphql/sport-catalog.ts");
    const { workerPipelineQueue } = await import("../src/server/pipeline-queue-adapter.ts");
    const { defaultLimits } = await import("../src/server/config.ts");
    // Port 9 (discard) on loopback: nothing listens, every connection is refused.
    const down = createApiDatabase("postgresql://postgres@127.0.0.1:9/none", { poolSize: 1 });
    const server = createServer(
      createApiServer({
        prisma: down.prisma,
        sql: down.pool,
        sports: sportCatalogFromPlugins(h.plugins),
        pipeline: workerPipelineQueue({ pool: down.pool, plugins: h.plugins }),
        pubsub: createChangePubSub(),
        config: { readRequiresKey: false, corsOrigins: [], maxBodyBytes: 10_000, limits: defaultLimits },
        logging: false,
      }).listener,
    );
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const port = (server.address() as { port: number }).port;
      for (const query of ["{ games { totalCount } }", "{ recommendations { edges { node { id } } } }"]) {
        const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ query }),
        });
        const body = (await res.json()) as { errors: { message: string; extensions: { code: string } }[] };
        expect(res.status, JSON.stringify(body)).toBe(503);
        expect(res.headers.get("retry-after")).toBe("5");
        expect(body.errors[0]?.extensions.code).toBe("SERVICE_UNAVAILABLE");
      }
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await down.close();
    }
  });
});
