// The per-key rate limit: a key past its operations per minute gets 429 with Retry-After; another
// key is not affected.
import { afterAll, beforeAll, expect, it } from "vitest";
import { type Harness, startHarness } from "./graphql-harness.ts";

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ config: { rateLimitPerMinute: 3 } });
});
afterAll(() => h?.close());

it("answers 429 with Retry-After past the limit, per key", async () => {
  const statuses: number[] = [];
  for (let i = 0; i < 4; i++) statuses.push((await h.gql("{ sports { code } }", {}, { key: "read" })).status);
  expect(statuses).toEqual([200, 200, 200, 429]);
  const refused = await h.gql("{ sports { code } }", {}, { key: "read" });
  expect(refused.status).toBe(429);
  expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
  expect(refused.body.errors?.[0]?.extensions?.code).toBe("RATE_LIMITED");
  // The write key has its own bucket.
  expect((await h.gql("{ sports { code } }", {}, { key: "write" })).status).toBe(200);
});
