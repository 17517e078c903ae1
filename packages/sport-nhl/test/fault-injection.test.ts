// The HTTP layer's retries and errors against the fake upstream's injected faults, on the NHL
// schedule endpoint.
import { HttpClient, type HttpSourceConfig, resetRateLimits, SourceError } from "@edgeline/sdk";
import {
  type FakeUpstream,
  hasRecordedFixture,
  recordedFixturesDir,
  startFakeUpstream,
} from "@edgeline/testkit";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { nhlRoutes } from "../src/fake-nhl.ts";

/** The fields of /v1/schedule the NHL plugin relies on, enough to see a renamed field. */
const nhlSchedule = z.object({
  gameWeek: z.array(
    z.object({ date: z.string(), games: z.array(z.object({ id: z.number(), startTimeUTC: z.string() })) }),
  ),
});
const SCHEDULE = "/v1/schedule/2023-11-11";

describe.skipIf(!hasRecordedFixture("nhl", "schedule-2023-11-11.json"))(
  "fault injection against the fake upstream",
  () => {
    let upstream: FakeUpstream;
    const sleeps: number[] = [];
    const client = (overrides: Partial<HttpSourceConfig> = {}) =>
      new HttpClient(
        {
          source: "nhl",
          baseUrl: upstream.url,
          timeoutMs: 1_000,
          maxRetries: 3,
          retryBaseMs: 5,
          ...overrides,
        },
        {
          // Real (short) waits, recorded so the test can assert them.
          sleep: (ms) => {
            sleeps.push(ms);
            return new Promise((resolve) => setTimeout(resolve, ms));
          },
        },
      );
    const requestsTo = (path: string) => upstream.requests.filter((r) => r.url.startsWith(path));

    beforeAll(async () => {
      upstream = await startFakeUpstream({ dataDir: recordedFixturesDir, routes: nhlRoutes });
    });
    afterAll(() => upstream.close());
    beforeEach(() => {
      upstream.clearFaults();
      upstream.requests.length = 0;
      sleeps.length = 0;
      resetRateLimits();
    });

    it("serves the recording when no fault is set", async () => {
      const { data } = await client().getJson(SCHEDULE, nhlSchedule);
      expect(data.gameWeek[0]?.date).toBe("2023-11-11");
      expect(data.gameWeek[0]?.games[0]?.id).toBe(2023020210);
    });

    it("retries two 500s, then succeeds", async () => {
      upstream.injectFault(SCHEDULE, { kind: "status", status: 500, times: 2 });
      const { data } = await client().getJson(SCHEDULE, nhlSchedule);
      expect(data.gameWeek).toHaveLength(1);
      expect(requestsTo(SCHEDULE).map((r) => r.status)).toEqual([500, 500, 200]);
      expect(sleeps).toHaveLength(2);
      // Jittered exponential backoff: 1st wait in [2.5, 5] ms, 2nd in [5, 10] ms.
      expect(sleeps[0]).toBeGreaterThanOrEqual(2);
      expect(sleeps[1]).toBeGreaterThanOrEqual(5);
    });

    it("gives up on a permanent 500 after maxRetries with an error naming source and URL", async () => {
      upstream.injectFault(SCHEDULE, { kind: "status", status: 500 });
      const error = (await client({ maxRetries: 2 })
        .getJson(SCHEDULE, nhlSchedule)
        .catch((e: unknown) => e)) as SourceError;
      expect(error).toBeInstanceOf(SourceError);
      expect(error).toMatchObject({ source: "nhl", kind: "http", status: 500, attempts: 3 });
      expect(error.url).toBe(`${upstream.url}${SCHEDULE}`);
      expect(error.message).toMatch(new RegExp(`^nhl: GET ${upstream.url}${SCHEDULE}: HTTP 500`));
      expect(requestsTo(SCHEDULE)).toHaveLength(3);
    });

    it("waits as long as Retry-After says on a 429", async () => {
      upstream.injectFault(SCHEDULE, { kind: "rate_limit", retryAfterSeconds: 0.2, times: 1 });
      const started = Date.now();
      await client().getJson(SCHEDULE, nhlSchedule);
      expect(sleeps).toEqual([200]);
      expect(Date.now() - started).toBeGreaterThanOrEqual(190);
      expect(requestsTo(SCHEDULE).map((r) => r.status)).toEqual([429, 200]);
    });

    it("times out a response slower than the timeout, retries, and fails as 'timeout'", async () => {
      upstream.injectFault(SCHEDULE, { kind: "delay", ms: 400 });
      const error = (await client({ timeoutMs: 100, maxRetries: 1 })
        .getJson(SCHEDULE, nhlSchedule)
        .catch((e: unknown) => e)) as SourceError;
      expect(error).toMatchObject({ kind: "timeout", attempts: 2 });
      expect(error.message).toBe(`nhl: GET ${upstream.url}${SCHEDULE}: timed out after 100 ms`);
    });

    it("recovers when only the first response is slow", async () => {
      upstream.injectFault(SCHEDULE, { kind: "delay", ms: 400, times: 1 });
      const { data } = await client({ timeoutMs: 100 }).getJson(SCHEDULE, nhlSchedule);
      expect(data.gameWeek[0]?.date).toBe("2023-11-11");
    });

    it("reports truncated JSON as invalid_json without retrying", async () => {
      upstream.injectFault(SCHEDULE, { kind: "truncate" });
      const error = (await client()
        .getJson(SCHEDULE, nhlSchedule)
        .catch((e: unknown) => e)) as SourceError;
      expect(error).toMatchObject({ kind: "invalid_json", status: 200, attempts: 1 });
      expect(error.message).toMatch(new RegExp(`^nhl: GET ${upstream.url}${SCHEDULE}: invalid JSON`));
      expect(requestsTo(SCHEDULE)).toHaveLength(1);
    });

    it("reports a renamed field as a schema error naming the JSON path", async () => {
      upstream.injectFault(SCHEDULE, { kind: "rename_field", from: "startTimeUTC", to: "startTimeUtc" });
      const error = (await client()
        .getJson(SCHEDULE, nhlSchedule)
        .catch((e: unknown) => e)) as SourceError;
      expect(error).toMatchObject({ kind: "schema", jsonPath: "gameWeek[0].games[0].startTimeUTC" });
      expect(error.message).toBe(
        `nhl: GET ${upstream.url}${SCHEDULE}: gameWeek[0].games[0].startTimeUTC: expected string, received undefined (+11 more issues)`,
      );
    });

    it("accepts faults through the control endpoint", async () => {
      const res = await fetch(`${upstream.url}/__fake/faults`, {
        method: "POST",
        body: JSON.stringify({ route: SCHEDULE, fault: { kind: "status", status: 503, times: 1 } }),
      });
      expect(res.status).toBe(200);
      await client().getJson(SCHEDULE, nhlSchedule);
      // A slow response abandoned by an earlier test may still be logged late: it is not this test's.
      const mine = requestsTo(SCHEDULE).filter((r) => r.fault !== "delay");
      expect(mine.map((r) => r.status)).toEqual([503, 200]);
    });
  },
);
