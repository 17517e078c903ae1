// A per-key rate limit: each API key (requests without one: each client address) has a token
// bucket of `perMinute` operations that refills continuously; an operation with none left is
// refused with 429 and Retry-After, before it runs. In memory, per API process.
import type { IncomingMessage } from "node:http";
import { GraphQLError } from "graphql";
import type { Plugin } from "graphql-yoga";
import type { Authentication } from "../graphql/context.ts";

interface Bucket {
  tokens: number;
  at: number;
}

export interface RateLimiter {
  readonly perMinute: number;
  /** 0 when allowed (a token is taken), else the seconds until the next token. */
  take(key: string, now?: number): number;
}

/** Buckets are forgotten once full again, so idle keys cost nothing. */
export function createRateLimiter(perMinute: number): RateLimiter {
  const buckets = new Map<string, Bucket>();
  const perMs = perMinute / 60_000;
  const refill = (b: Bucket, now: number) => {
    b.tokens = Math.min(perMinute, b.tokens + (now - b.at) * perMs);
    b.at = now;
  };
  return {
    perMinute,
    take(key, now = Date.now()) {
      if (buckets.size > 10_000) {
        for (const [k, b] of buckets) {
          refill(b, now);
          if (b.tokens >= perMinute) buckets.delete(k);
        }
      }
      const bucket = buckets.get(key) ?? { tokens: perMinute, at: now };
      refill(bucket, now);
      buckets.set(key, bucket);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return 0;
      }
      return Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000));
    },
  };
}

/** Whose bucket a request draws on: its key's, or without one its client address's. */
export function rateLimitClient(auth: Authentication | null, req: IncomingMessage | undefined): string {
  if (auth) return `key:${auth.keyId}`;
  return `address:${req?.socket?.remoteAddress ?? "unknown"}`;
}

/** The limit on operations; `limiter` is shared with the compiled lane (server/compiled-lane.ts). */
export function useRateLimit(limiter: RateLimiter | undefined): Plugin<{ auth: Authentication | null }> {
  if (!limiter) return {};
  const { perMinute } = limiter;
  const check = (auth: Authentication | null, serverContext: unknown) => {
    const req = (serverContext as { req?: IncomingMessage } | undefined)?.req;
    const wait = limiter.take(rateLimitClient(auth, req));
    if (wait === 0) return;
    throw new GraphQLError(`Rate limit of ${perMinute} operations per minute reached; retry in ${wait} s`, {
      extensions: { code: "RATE_LIMITED", http: { status: 429, headers: { "retry-after": String(wait) } } },
    });
  };
  return {
    onExecute({ args }) {
      check(args.contextValue.auth, args.contextValue);
    },
    onSubscribe({ args }) {
      check(args.contextValue.auth, args.contextValue);
    },
  };
}
