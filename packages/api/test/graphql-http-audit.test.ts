// The GraphQL-over-HTTP server audit (graphql-http), over real HTTP with a read key, as yoga runs
// it on itself: every audit, MUST and SHOULD alike, must pass with auth and limits in place.
import { serverAudits } from "graphql-http";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type Harness, startHarness } from "./graphql-harness.ts";

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

describe("graphql-http server audit", () => {
  const audits = serverAudits({
    url: () => h.url,
    fetchFn: (input: RequestInfo | URL, init?: RequestInit) => {
      const headers = new Headers(init?.headers);
      headers.set("authorization", `Bearer ${h.keys.read}`);
      return fetch(input, { ...init, headers });
    },
  });

  test("has audits to run", () => {
    expect(audits.length).toBeGreaterThan(30);
  });

  for (const audit of audits) {
    test(audit.name, async () => {
      const result = await audit.fn();
      expect(result.status, "response" in result ? `${result.reason}` : "").toBe("ok");
    });
  }
});
