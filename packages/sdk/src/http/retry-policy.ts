/** Options for {@link backoffDelayMs}. */
export interface BackoffOptions {
  /** Delay before the first retry, before jitter. @defaultValue 250 */
  baseMs: number;
  /** Upper bound of a single delay. @defaultValue 10_000 */
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 250, maxMs: 10_000 };

/**
 * Exponential backoff with "equal jitter": half the exponential delay is fixed, half random,
 * so concurrent clients spread out but never retry immediately. `attempt` is 1 for the first retry.
 */
export function backoffDelayMs(attempt: number, options: BackoffOptions, random: () => number): number {
  const exp = Math.min(options.maxMs, options.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exp / 2 + random() * (exp / 2));
}

/**
 * Parses a `Retry-After` header: delta seconds ("120") or an HTTP date. Returns milliseconds,
 * or undefined when absent or unparseable (the caller then falls back to backoff).
 */
export function parseRetryAfterMs(value: string | null, now: number = Date.now()): number | undefined {
  if (value === null || value.trim() === "") return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

/** Statuses worth retrying: rate limiting and server-side failures. Other 4xx are our fault. */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || status >= 500;
}
