import type { PayloadStore } from "./payload-store.ts";

export interface FakeRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  /** Capture groups of the route pattern. */
  params: string[];
  /** Request headers, lower-case names. */
  headers: Readonly<Record<string, string | undefined>>;
  /** The request body as text ("" for none). */
  body: string;
}

export interface FakeResponse {
  status?: number;
  body: unknown;
  headers?: Record<string, string>;
}

export interface FakeContext {
  store: PayloadStore;
  /** The server's notion of today (`YYYY-MM-DD`), for endpoints without a date ("todaysScoreboard"). */
  today: string;
  /** Per-server mutable counters (e.g. The Odds API credits used). */
  counters: Map<string, number>;
}

/**
 * One endpoint of an upstream API in its real URL shape, served by the fake upstream (tests, the
 * demo). Plugins bring the routes of their own upstream. Undefined from handle = 404.
 */
export interface FakeRoute {
  name: string;
  /** Matched against the path; methods other than GET must be listed. @defaultValue ["GET"] */
  methods?: readonly string[];
  pattern: RegExp;
  handle(request: FakeRequest, context: FakeContext): Promise<FakeResponse | undefined>;
}

export const json = (body: unknown, headers?: Record<string, string>): FakeResponse =>
  headers ? { body, headers } : { body };
