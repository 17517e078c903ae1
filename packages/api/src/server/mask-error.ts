// What a client sees of an error a resolver did not mean to show. The database being unreachable
// is the client's to retry (503 with Retry-After), not a bug; a value PostgreSQL refused (out of
// range, malformed) is a bad input the validation before it missed: 400 BAD_USER_INPUT, still
// without the SQL. Everything else is yoga's "Unexpected error." (INTERNAL_SERVER_ERROR).
import { errorChain, errorCodes, isDatabaseUnavailable } from "@edgeline/core";
import { GraphQLError } from "graphql";
import { maskError as yogaMaskError } from "graphql-yoga";

/** Seconds a client should wait before retrying while the database is unavailable. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

/**
 * A value PostgreSQL could not take (SQLSTATE class 22, data exception), or one Prisma refused
 * for its column's type before sending any SQL (a cursor of another connection's key type).
 */
function isRefusedValue(error: unknown): boolean {
  if (errorChain(error).some((e) => (e as Error).name === "PrismaClientValidationError")) return true;
  return errorCodes(error).some((c) => /^22[0-9A-Z]{3}$/.test(c));
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
