import type { z } from "zod";
import { type PluginLogger, silentLogger } from "../contract/plugin-logger.ts";
import { describeZodError } from "./json-path.ts";
import { reserveSlot } from "./rate-limiter.ts";
import { backoffDelayMs, DEFAULT_BACKOFF, isRetryableStatus, parseRetryAfterMs } from "./retry-policy.ts";
import { SourceError } from "./source-error.ts";

/** How to reach one upstream source. Base URLs come from config so tests can point at a fake. */
export interface HttpSourceConfig {
  /** Short name used in logs and errors: "nhl", "kalshi", "the-odds-api". */
  source: string;
  /** Scheme, host and optional path prefix, e.g. `https://api.elections.kalshi.com/trade-api/v2`. */
  baseUrl: string;
  /** Per-attempt timeout covering headers and body. @defaultValue 10_000 */
  timeoutMs?: number;
  /** Retries after the first attempt, on network errors, timeouts, 5xx and 429. @defaultValue 3 */
  maxRetries?: number;
  /** Minimum spacing between requests to the same host, shared process-wide. @defaultValue 0 */
  minIntervalMs?: number;
  /** Extra request headers (User-Agent, Accept...). */
  headers?: Record<string, string>;
  /** Base of the jittered exponential backoff. @defaultValue 250 */
  retryBaseMs?: number;
  /** Cap of a single backoff delay and of an honoured Retry-After. @defaultValue 10_000 / 60_000 */
  retryMaxMs?: number;
  maxRetryAfterMs?: number;
  /** Query parameters whose values are masked in logs, errors and the returned url. @defaultValue ["apiKey"] */
  secretParams?: string[];
}

/** One finished request attempt, for metrics: the host passes an observer, the SDK stays free of them. */
export interface HttpAttemptObservation {
  source: string;
  /** The HTTP status, or "timeout" / "network" when no response came. */
  status: number | "timeout" | "network";
  durationMs: number;
}

export interface HttpClientDeps {
  /** Told of every request attempt (each retry too). @defaultValue none */
  observe?: (observation: HttpAttemptObservation) => void;
  /** @defaultValue silentLogger (the host passes its own) */
  logger?: PluginLogger;
  sleep?: (ms: number) => Promise<void>;
  fetch?: typeof fetch;
  /** Jitter source, in [0, 1). */
  random?: () => number;
}

export type QueryValue = string | number | boolean | undefined;

/** The methods {@link HttpClient.requestJson} sends. */
export type HttpMethod = "GET" | "POST" | "PUT" | "DELETE";

/** What an `authorize` hook sees of the request about to go out. */
export interface OutgoingRequest {
  method: HttpMethod;
  url: URL;
}

export interface RequestOptions {
  query?: Record<string, QueryValue>;
  /** Sent as JSON (content-type application/json). */
  body?: unknown;
  /**
   * Headers computed before every attempt, retries included: a signature over a timestamp
   * (Kalshi's) must be fresh each time, or a retry after a Retry-After wait is refused as stale.
   */
  authorize?: (request: OutgoingRequest) => Record<string, string>;
}

export interface GetJsonResult<T> {
  data: T;
  headers: Headers;
  /** The requested URL with secret query values masked. */
  url: string;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

type Attempt<T> = { ok: true; value: T } | { ok: false; error: SourceError; retry: boolean; waitMs?: number };

/**
 * The one HTTP layer every source uses: JSON + zod (GET, and POST/DELETE for venues that take
 * orders, with per-attempt signed headers), with timeouts, retries
 * (jittered exponential backoff on network errors, timeouts, 5xx and 429, honouring
 * Retry-After), and a per-host rate limit. Never retries other 4xx, invalid JSON or
 * schema failures: repeating those gives the same answer.
 */
export class HttpClient {
  readonly config: Readonly<HttpSourceConfig>;
  readonly logger: PluginLogger;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly fetchFn: typeof fetch;
  private readonly random: () => number;
  private readonly observe: ((observation: HttpAttemptObservation) => void) | undefined;

  constructor(config: HttpSourceConfig, deps: HttpClientDeps = {}) {
    this.config = { ...config, baseUrl: config.baseUrl.replace(/\/+$/, "") };
    this.logger = (deps.logger ?? silentLogger).child({ source: config.source });
    this.sleep = deps.sleep ?? defaultSleep;
    this.fetchFn = deps.fetch ?? globalThis.fetch;
    this.random = deps.random ?? Math.random;
    this.observe = deps.observe;
  }

  /** Full URL for `path` (relative to the base URL, leading slash optional) and query. */
  buildUrl(path: string, query: Record<string, QueryValue> = {}): URL {
    const url = new URL(this.config.baseUrl + "/" + path.replace(/^\/+/, ""));
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined) url.searchParams.set(key, String(value));
    }
    return url;
  }

  async getJson<T>(
    path: string,
    schema: z.ZodType<T>,
    opts: { query?: Record<string, QueryValue> } = {},
  ): Promise<GetJsonResult<T>> {
    return this.requestJson("GET", path, schema, opts);
  }

  /**
   * Any method, JSON in and out, with the same retries as GET. A POST is retried on 429, 5xx and
   * network errors too: only send one the upstream can recognise as a repeat (Kalshi refuses a
   * reused client_order_id with 409, which is not retried).
   */
  async requestJson<T>(
    method: HttpMethod,
    path: string,
    schema: z.ZodType<T>,
    opts: RequestOptions = {},
  ): Promise<GetJsonResult<T>> {
    const url = this.buildUrl(path, opts.query);
    const shownUrl = this.redact(url);
    const maxRetries = this.config.maxRetries ?? 3;
    for (let attempt = 1; ; attempt++) {
      const result = await this.attempt({ method, url, opts }, shownUrl, schema, attempt);
      if (result.ok) return { ...result.value, url: shownUrl };
      if (!result.retry || attempt > maxRetries) throw result.error;
      const waitMs =
        result.waitMs ??
        backoffDelayMs(
          attempt,
          {
            baseMs: this.config.retryBaseMs ?? DEFAULT_BACKOFF.baseMs,
            maxMs: this.config.retryMaxMs ?? DEFAULT_BACKOFF.maxMs,
          },
          this.random,
        );
      this.logger.warn(
        { url: shownUrl, attempt, kind: result.error.kind, status: result.error.status, waitMs },
        "retrying upstream request",
      );
      await this.sleep(waitMs);
    }
  }

  private async attempt<T>(
    { method, url, opts }: { method: HttpMethod; url: URL; opts: RequestOptions },
    shownUrl: string,
    schema: z.ZodType<T>,
    attempt: number,
  ): Promise<Attempt<{ data: T; headers: Headers }>> {
    const fail = (init: Omit<ConstructorParameters<typeof SourceError>[0], "source" | "url" | "attempts">) =>
      new SourceError({
        ...init,
        source: this.config.source,
        url: shownUrl,
        attempts: attempt,
        ...(method === "GET" ? {} : { operation: method }),
      });

    const wait = reserveSlot(url.host, this.config.minIntervalMs ?? 0);
    if (wait > 0) await this.sleep(wait);

    const timeoutMs = this.config.timeoutMs ?? 10_000;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    const started = performance.now();
    const observed = (status: HttpAttemptObservation["status"]) =>
      this.observe?.({ source: this.config.source, status, durationMs: performance.now() - started });
    let response: Response;
    let body: string;
    try {
      const hasBody = opts.body !== undefined;
      response = await this.fetchFn(url, {
        method,
        headers: {
          accept: "application/json",
          ...(hasBody ? { "content-type": "application/json" } : {}),
          ...this.config.headers,
          ...opts.authorize?.({ method, url }),
        },
        ...(hasBody ? { body: JSON.stringify(opts.body) } : {}),
        signal: controller.signal,
      });
      // The timeout covers the body too: a server that stalls mid-body is as dead as one that never answers.
      body = await response.text();
    } catch (cause) {
      const timedOut = controller.signal.aborted;
      observed(timedOut ? "timeout" : "network");
      const detail = timedOut ? `timed out after ${timeoutMs} ms` : `network error: ${errorText(cause)}`;
      return {
        ok: false,
        retry: true,
        error: fail({ kind: timedOut ? "timeout" : "network", detail, cause }),
      };
    } finally {
      clearTimeout(timer);
    }
    observed(response.status);

    if (!response.ok) {
      const error = fail({
        kind: "http",
        status: response.status,
        detail: `HTTP ${response.status} ${response.statusText}: ${body.slice(0, 200)}`.trim(),
      });
      if (!isRetryableStatus(response.status)) return { ok: false, retry: false, error };
      const retryAfter = parseRetryAfterMs(response.headers.get("retry-after"));
      const waitMs =
        retryAfter === undefined ? undefined : Math.min(retryAfter, this.config.maxRetryAfterMs ?? 60_000);
      return { ok: false, retry: true, error, ...(waitMs === undefined ? {} : { waitMs }) };
    }

    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch (cause) {
      const detail = `invalid JSON (${errorText(cause)}; ${body.length} bytes)`;
      return {
        ok: false,
        retry: false,
        error: fail({ kind: "invalid_json", status: response.status, detail, cause }),
      };
    }

    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      const { jsonPath, message } = describeZodError(parsed.error);
      const error = fail({
        kind: "schema",
        status: response.status,
        jsonPath,
        detail: `${jsonPath}: ${message}`,
        cause: parsed.error,
      });
      return { ok: false, retry: false, error };
    }
    this.logger.debug({ url: shownUrl, status: response.status, bytes: body.length }, "fetched");
    return { ok: true, value: { data: parsed.data, headers: response.headers } };
  }

  private redact(url: URL): string {
    const secrets = this.config.secretParams ?? ["apiKey"];
    const copy = new URL(url);
    for (const name of secrets) if (copy.searchParams.has(name)) copy.searchParams.set(name, "***");
    return copy.toString().replaceAll("%2A%2A%2A", "***");
  }
}

function errorText(error: unknown): string {
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? ` (${error.cause.message})` : "";
    return error.message + cause;
  }
  return String(error);
}
