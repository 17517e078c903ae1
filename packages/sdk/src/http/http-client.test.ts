import { beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { silentLogger as silent } from "../contract/plugin-logger.ts";
import { HttpClient } from "./http-client.ts";
import { resetRateLimits } from "./rate-limiter.ts";
import { backoffDelayMs, parseRetryAfterMs } from "./retry-policy.ts";
import { SourceError } from "./source-error.ts";

const schedule = z.object({
  gameWeek: z.array(z.object({ games: z.array(z.object({ id: z.number(), startTimeUTC: z.string() })) })),
});

/** A fetch stub answering from a queue of responses and recording the URLs asked for. */
function scriptedFetch(responses: Array<() => Response | Promise<Response>>) {
  const calls: string[] = [];
  const fn = (async (input: string | URL | Request) => {
    calls.push(String(input));
    const next = responses.shift();
    if (!next) throw new Error("no more scripted responses");
    return next();
  }) as typeof fetch;
  return { fn, calls };
}

const sleeps: number[] = [];
const sleep = async (ms: number) => {
  sleeps.push(ms);
};

beforeEach(() => {
  sleeps.length = 0;
  resetRateLimits();
});

describe("HttpClient", () => {
  it("tells its observer of every attempt, with the status or why none came", async () => {
    const { fn } = scriptedFetch([
      () => new Response("busy", { status: 503 }),
      () => {
        throw new TypeError("connection refused");
      },
      () => Response.json({ gameWeek: [] }),
    ]);
    const seen: Array<{ source: string; status: number | string }> = [];
    const client = new HttpClient(
      { source: "nhl", baseUrl: "http://h.test" },
      { logger: silent, fetch: fn, sleep, observe: (o) => seen.push({ source: o.source, status: o.status }) },
    );
    await client.getJson("/x", z.object({ gameWeek: z.array(z.unknown()) }));
    expect(seen).toEqual([
      { source: "nhl", status: 503 },
      { source: "nhl", status: "network" },
      { source: "nhl", status: 200 },
    ]);
  });

  it("joins base URL with a path prefix, drops undefined query values and masks apiKey", async () => {
    const { fn, calls } = scriptedFetch([() => Response.json({ gameWeek: [] })]);
    const client = new HttpClient(
      { source: "the-odds-api", baseUrl: "http://h.test/api/" },
      { logger: silent, fetch: fn, sleep },
    );
    const res = await client.getJson("/v4/sports", z.object({ gameWeek: z.array(z.unknown()) }), {
      query: { apiKey: "s3cret", regions: "us", bookmakers: undefined },
    });
    expect(calls[0]).toBe("http://h.test/api/v4/sports?apiKey=s3cret&regions=us");
    expect(res.url).toBe("http://h.test/api/v4/sports?apiKey=***&regions=us");
  });

  it("names source, URL and JSON path on a schema failure", async () => {
    const payload = { gameWeek: [{ games: [{ id: 1, startTimeUTC: "x" }, { id: 2 }] }] };
    const { fn } = scriptedFetch([() => Response.json(payload)]);
    const client = new HttpClient(
      { source: "nhl", baseUrl: "http://127.0.0.1:4010" },
      { logger: silent, fetch: fn, sleep },
    );
    const error = await client.getJson("/v1/schedule/2023-11-11", schedule).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceError);
    expect((error as SourceError).kind).toBe("schema");
    expect((error as SourceError).jsonPath).toBe("gameWeek[0].games[1].startTimeUTC");
    expect((error as Error).message).toBe(
      "nhl: GET http://127.0.0.1:4010/v1/schedule/2023-11-11: gameWeek[0].games[1].startTimeUTC: expected string, received undefined",
    );
  });

  it("retries 503 then 429 (honouring Retry-After) and succeeds", async () => {
    const { fn, calls } = scriptedFetch([
      () => new Response("down", { status: 503 }),
      () => new Response("slow down", { status: 429, headers: { "retry-after": "2" } }),
      () => Response.json({ gameWeek: [] }),
    ]);
    const client = new HttpClient(
      { source: "nhl", baseUrl: "http://h.test", retryBaseMs: 100 },
      { logger: silent, fetch: fn, sleep, random: () => 0 },
    );
    await client.getJson("/x", schedule);
    expect(calls).toHaveLength(3);
    expect(sleeps).toEqual([50, 2000]);
  });

  it("does not retry a 404", async () => {
    const { fn, calls } = scriptedFetch([
      () => new Response("nope", { status: 404, statusText: "Not Found" }),
    ]);
    const client = new HttpClient(
      { source: "espn", baseUrl: "http://h.test" },
      { logger: silent, fetch: fn, sleep },
    );
    const error = (await client.getJson("/x", schedule).catch((e: unknown) => e)) as SourceError;
    expect(calls).toHaveLength(1);
    expect(error.kind).toBe("http");
    expect(error.status).toBe(404);
  });

  it("spaces requests to the same host by minIntervalMs", async () => {
    const { fn } = scriptedFetch([
      () => Response.json({ gameWeek: [] }),
      () => Response.json({ gameWeek: [] }),
    ]);
    const client = new HttpClient(
      { source: "nhl", baseUrl: "http://h.test", minIntervalMs: 5_000 },
      { logger: silent, fetch: fn, sleep },
    );
    await client.getJson("/a", schedule);
    await client.getJson("/b", schedule);
    expect(sleeps).toHaveLength(1);
    expect(sleeps[0]).toBeGreaterThan(4_000);
  });

  it("sends a JSON body with per-attempt headers, retried on 429, and names the method in errors", async () => {
    const seen: Array<{ method?: string; body?: unknown; stamp?: string | null }> = [];
    const answers = [
      () => new Response("slow down", { status: 429, headers: { "retry-after": "0" } }),
      () => Response.json({ ok: true }, { status: 201 }),
      () => new Response('{"error":{"code":"conflict"}}', { status: 409 }),
    ];
    const fn = (async (_input: string | URL | Request, init?: RequestInit) => {
      const headers = new Headers(init?.headers);
      seen.push({
        ...(init?.method ? { method: init.method } : {}),
        body: init?.body,
        stamp: headers.get("x-stamp"),
      });
      return answers.shift()!();
    }) as typeof fetch;
    let stamp = 0;
    const client = new HttpClient(
      { source: "kalshi", baseUrl: "http://h.test/trade-api/v2" },
      { logger: silent, fetch: fn, sleep },
    );
    const authorize = ({ method, url }: { method: string; url: URL }) => ({
      "x-stamp": `${++stamp}${method}${url.pathname}`,
    });
    const ok = await client.requestJson("POST", "/orders", z.object({ ok: z.boolean() }), {
      body: { count: "2.00" },
      authorize,
    });
    expect(ok.data).toEqual({ ok: true });
    expect(seen).toEqual([
      { method: "POST", body: '{"count":"2.00"}', stamp: "1POST/trade-api/v2/orders" },
      { method: "POST", body: '{"count":"2.00"}', stamp: "2POST/trade-api/v2/orders" },
    ]);
    const conflict = (await client
      .requestJson("DELETE", "/orders/1", z.unknown(), { authorize })
      .catch((e: unknown) => e)) as SourceError;
    expect(conflict.status).toBe(409);
    expect(conflict.message).toMatch(/^kalshi: DELETE http:\/\/h\.test\/trade-api\/v2\/orders\/1: HTTP 409/);
    expect(seen).toHaveLength(3);
  });
});

describe("retry policy", () => {
  it("doubles the delay per attempt with jitter in the upper half", () => {
    const opts = { baseMs: 100, maxMs: 1_000 };
    expect(backoffDelayMs(1, opts, () => 0)).toBe(50);
    expect(backoffDelayMs(3, opts, () => 0.999)).toBe(400);
    expect(backoffDelayMs(10, opts, () => 0)).toBe(500);
  });

  it("parses Retry-After as seconds or HTTP date", () => {
    expect(parseRetryAfterMs("3")).toBe(3000);
    expect(parseRetryAfterMs("Wed, 21 Oct 2015 07:28:10 GMT", Date.parse("2015-10-21T07:28:00Z"))).toBe(
      10_000,
    );
    expect(parseRetryAfterMs("soon")).toBeUndefined();
  });
});
