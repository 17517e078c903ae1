// What a client sees of an error a resolver did not mean to show. The database being unreachable
// is the client's to retry (503 with Retry-After), not a bug; a value PostgreSQL refused (out of
// range, malformed) is a bad input the validation before it missed: 400 BAD_USER_INPUT, still
// without the SQL. Everything else is yoga's "Unexpected error." (INTERNAL_SERVER_ERROR).
import { GraphQLError } from "graphql";
import { maskError as yogaMaskError } from "graphql-yoga";

/** Seconds a client should wait before retrying while the database is unavailable. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

/** SQLSTATE classes and driver codes that mean "no database right now". */
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
]);
const UNAVAILABLE_MESSAGES =
  /Connection terminated|connection timeout|timeout exceeded when trying to connect|Can't reach database|DatabaseNotReachable|ConnectionClosed|the database system is (starting up|shutting down)/i;

/** Every error in the cause chain (originalError, cause, Prisma's driver-adapter cause). */
function chain(error: unknown): unknown[] {
  const seen: unknown[] = [];
  let e: unknown = error;
  while (e && typeof e === "object" && !seen.includes(e) && seen.length < 8) {
    seen.push(e);
    const o = e as { originalError?: unknown; cause?: unknown };
    e = o.originalError ?? o.cause;
  }
  return seen;
}

type DriverCause = { originalCode?: unknown; kind?: unknown };

function codesOf(error: unknown): string[] {
  return chain(error).flatMap((e) => {
    const o = e as {
      code?: unknown;
      cause?: DriverCause;
      meta?: { driverAdapterError?: { cause?: DriverCause } };
    };
    const driver = o.meta?.driverAdapterError?.cause;
    return [o.code, o.cause?.originalCode, o.cause?.kind, driver?.originalCode, driver?.kind].filter(
      (c): c is string => typeof c === "string",
    );
  });
}

export function isDatabaseUnavailable(error: unknown): boolean {
  const codes = codesOf(error);
  if (codes.some((c) => UNAVAILABLE_CODES.has(c))) return true;
  return chain(error).some((e) => e instanceof Error && UNAVAILABLE_MESSAGES.test(e.message));
}

/**
 * A value PostgreSQL could not take (SQLSTATE class 22, data exception), or one Prisma refused
 * for its column's type before sending any SQL (a cursor of another connection's key type).
 */
function isRefusedValue(error: unknown): boolean {
  if (chain(error).some((e) => (e as Error).name === "PrismaClientValidationError")) return true;
  return codesOf(error).some((c) => /^22[0-9A-Z]{3}$/.test(c));
}

export const maskError: typeof yogaMaskError = (error, message, isDev) => {
  // Errors meant for the client (GraphQLErrors of our own or graphql-js's) pass as they are.
  const thrown = error instanceof GraphQLError ? error.originalError : error;
  if (thrown === undefined || thrown === null || thrown instanceof GraphQLError) {
    return yogaMaskError(error, message, isDev);
  }
  if (isDatabaseUnavailable(error)) {
    return new GraphQLError("The database is unavailable; try again shortly.", {
      extensions: {
        code: "SERVICE_UNAVAILABLE",
        http: { status: 503, headers: { "retry-after": String(DATABASE_RETRY_AFTER_SECONDS) } },
      },
    });
  }
  if (isRefusedValue(error)) {
    return new GraphQLError("Invalid input: a value is out of range or malformed.", {
      extensions: { code: "BAD_USER_INPUT", http: { status: 400 } },
    });
  }
  return yogaMaskError(error, message, isDev);
};
