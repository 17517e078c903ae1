// API-key authentication and authorisation. A request may carry `Authorization: Bearer <key>`;
// an unknown, revoked or malformed key is refused with 401 whatever the operation. Mutations need
// a write key (401 without a key, 403 with a read key); queries and subscriptions need a key when
// the configuration says so. The key never appears in a message or a log line.
import {
  type DocumentNode,
  GraphQLError,
  getOperationAST,
  Kind,
  type OperationDefinitionNode,
} from "graphql";
import type { Plugin } from "graphql-yoga";
import { bearerToken } from "../auth/api-key.ts";
import { allows, type Scope } from "../auth/scopes.ts";
import type { Authentication } from "../graphql/context.ts";

const challenge = { "WWW-Authenticate": 'Bearer realm="edgeline"' };

function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: "UNAUTHENTICATED", http: { status: 401, headers: challenge } },
  });
}

function forbidden(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: "FORBIDDEN", http: { status: 403 } } });
}

/** Only `__schema`, `__type` and `__typename` at the top: the schema, which GraphiQL needs unauthenticated. */
function introspectionOnly(op: OperationDefinitionNode): boolean {
  return op.selectionSet.selections.every((s) => s.kind === Kind.FIELD && s.name.value.startsWith("__"));
}

function requiredScope(
  document: DocumentNode,
  operationName: string | null | undefined,
  readRequiresKey: boolean,
) {
  const op = getOperationAST(document, operationName);
  if (!op) return null; // graphql-js reports the missing operation itself
  if (op.operation === "mutation") return "write" as Scope;
  return readRequiresKey && !introspectionOnly(op) ? ("read" as Scope) : null;
}

function authorize(auth: Authentication | null, needs: Scope | null): void {
  if (!needs) return;
  if (!auth) {
    throw unauthenticated(
      needs === "write"
        ? "A write API key is required: send Authorization: Bearer <key>"
        : "An API key is required: send Authorization: Bearer <key>",
    );
  }
  if (!allows(auth.scope, needs))
    throw forbidden(`This operation needs a ${needs} key; this key is ${auth.scope}`);
}

/**
 * The caller of a request: null without an Authorization header; a 401 error for a header that is
 * not `Bearer <key>` or a key that is unknown or revoked.
 */
export async function authenticate(
  request: Request,
  verify: (key: string) => Promise<Authentication | null>,
): Promise<Authentication | null> {
  const header = request.headers.get("authorization");
  if (header === null) return null;
  const token = bearerToken(header);
  if (!token) throw unauthenticated("Authorization must be: Bearer <key>");
  const auth = await verify(token);
  if (!auth) throw unauthenticated("Invalid or revoked API key");
  return auth;
}

/** Refuses, before execution, operations the caller's key (or lack of one) does not allow. */
export function useApiKeyAuth(options: {
  readRequiresKey: boolean;
}): Plugin<{ auth: Authentication | null }> {
  return {
    onExecute({ args }) {
      authorize(
        args.contextValue.auth,
        requiredScope(args.document, args.operationName, options.readRequiresKey),
      );
    },
    onSubscribe({ args }) {
      authorize(
        args.contextValue.auth,
        requiredScope(args.document, args.operationName, options.readRequiresKey),
      );
    },
  };
}
