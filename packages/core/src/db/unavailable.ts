// "The database is not there right now" (a restart, a network cut) as opposed to a query's own
// error: recognised in one place, so that the API answers 503 for it and the worker's queue
// connections wait it out instead of failing.
import type pg from "pg";

/** Driver codes and SQLSTATEs that mean "no database right now". */
const UNAVAILABLE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENOTFOUND",
  "EPIPE",
  "57P01", // admin_shutdown
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now
  "08000",
  "08001",
  "08003",
  "08004",
  "08006",
  "53300", // too_many_connections
  "P1001", // Prisma: can't reach database server
  "P1002",
  "P1017", // Prisma: server closed the connection
  "DatabaseNotReachable", // Prisma driver adapter error kinds
  "ConnectionClosed",
]);
const UNAVAILABLE_MESSAGES =
  /Connection terminated|connection timeout|timeout exceeded when trying to connect|Can't reach database|the database system is (starting up|shutting down)/i;

/** Every error in the cause chain (originalError, cause, errors of an AggregateError). */
export function errorChain(error: unknown): unknown[] {
  const seen: unknown[] = [];
  const queue: unknown[] = [error];
  while (queue.length > 0 && seen.length < 16) {
    const e = queue.shift();
    if (!e || typeof e !== "object" || seen.includes(e)) continue;
    seen.push(e);
    const o = e as { originalError?: unknown; cause?: unknown; errors?: unknown[] };
    queue.push(o.originalError, o.cause, ...(Array.isArray(o.errors) ? o.errors : []));
  }
  return seen;
}

type DriverCause = { originalCode?: unknown; kind?: unknown };

/** Every code in the chain: pg's `code`, Prisma's, and its driver adapter's original SQLSTATE. */
export function errorCodes(error: unknown): string[] {
  return errorChain(error).flatMap((e) => {
    const o = e as { code?: unknown; meta?: { driverAdapterError?: { cause?: DriverCause } } } & DriverCause;
    const driver = o.meta?.driverAdapterError?.cause;
    return [o.code, o.originalCode, o.kind, driver?.originalCode, driver?.kind].filter(
      (c): c is string => typeof c === "string",
    );
  });
}

export function isDatabaseUnavailable(error: unknown): boolean {
  if (errorCodes(error).some((c) => UNAVAILABLE_CODES.has(c))) return true;
  return errorChain(error).some((e) => e instanceof Error && UNAVAILABLE_MESSAGES.test(e.message));
}

export interface WaitOptions {
  /** Give up (the connect fails as it would have) once this is aborted, e.g. on shutdown. */
  signal?: AbortSignal;
  /** @defaultValue 300000 */
  maxWaitMs?: number;
  onWait?: (error: unknown) => void;
}

/**
 * Makes `pool.connect` (and so `pool.query`) wait while the database is unavailable, retrying with
 * a backoff up to 2 s, instead of failing at once. For graphile-worker's pool: it treats a failed
 * "record this job's outcome" as fatal and stops its worker pool, so its connections must outlast
 * a database restart. Both the promise and the callback forms are kept.
 */
export function waitForDatabaseOnConnect(pool: pg.Pool, opts: WaitOptions = {}): pg.Pool {
  const connect = pool.connect.bind(pool) as () => Promise<pg.PoolClient>;
  const maxWaitMs = opts.maxWaitMs ?? 300_000;
  const waiting = async (): Promise<pg.PoolClient> => {
    const deadline = Date.now() + maxWaitMs;
    for (let delay = 100; ; delay = Math.min(delay * 2, 2000)) {
      try {
        return await connect();
      } catch (error) {
        const ending = (pool as { ending?: boolean }).ending === true;
        if (!isDatabaseUnavailable(error) || ending || opts.signal?.aborted || Date.now() + delay > deadline)
          throw error;
        opts.onWait?.(error);
        await new Promise((r) => setTimeout(r, delay));
      }
    }
  };
  type Callback = (
    error: Error | undefined,
    client?: pg.PoolClient,
    done?: (release?: unknown) => void,
  ) => void;
  (pool as { connect: unknown }).connect = (callback?: Callback) => {
    if (!callback) return waiting();
    waiting().then(
      (client) => callback(undefined, client, (release?: unknown) => client.release(release as boolean)),
      (error: Error) => callback(error, undefined, () => {}),
    );
    return undefined;
  };
  return pool;
}
