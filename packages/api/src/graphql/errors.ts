// Errors clients are meant to read. Anything else thrown in a resolver is masked by yoga
// ("Unexpected error.") so that SQL, stack traces and internals never reach a client.
import { GraphQLError } from "graphql";

/** A bad argument value: names the argument (a dotted path for input fields) in message and extensions. */
export function invalidArgument(argument: string, message: string): GraphQLError {
  return new GraphQLError(`Invalid argument "${argument}": ${message}`, {
    extensions: { code: "BAD_USER_INPUT", argument },
  });
}

/** A lookup by id found nothing the caller may act on. */
export function notFound(what: string, id: string): GraphQLError {
  return new GraphQLError(`${what} ${id} not found`, { extensions: { code: "NOT_FOUND" } });
}

/** The request is valid but the current state does not allow it. */
export function conflict(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: "CONFLICT" } });
}
