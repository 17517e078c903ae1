// A client's mistake is answered as one, with a 4xx, before anything reaches the database:
// - a NUL byte in any string (PostgreSQL text cannot hold one) is a validation error;
// - a GET whose `variables` or `extensions` is not JSON is 400 (yoga would throw: 500);
// - a forged cursor is an argument error before execution (graphql/cursor-check.ts);
// - a request that failed only on client errors (parse, validation, variables, arguments) is 400
//   under the default Accept, as the README says, not only under
//   application/graphql-response+json;
// - no error carries `originalError` (yoga attaches the JSON parser's to "invalid JSON").
import { type ExecutionResult, GraphQLError, type ValidationRule } from "graphql";
import type { Plugin } from "graphql-yoga";
import { forgedCursor } from "../graphql/cursor-check.ts";

const NUL = "\u0000";
const CLIENT_CODES = new Set([
  "BAD_USER_INPUT",
  "BAD_REQUEST",
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
]);

export function badInput(message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code: "BAD_USER_INPUT", ...extensions } });
}

function containsNul(value: unknown, depth = 0): boolean {
  if (typeof value === "string") return value.includes(NUL);
  if (depth > 32 || value === null || typeof value !== "object") return false;
  if (Array.isArray(value)) return value.some((v) => containsNul(v, depth + 1));
  return Object.entries(value).some(([k, v]) => k.includes(NUL) || containsNul(v, depth + 1));
}

const NUL_MESSAGE = "Invalid input: text may not contain NUL (\\u0000) characters";

/** String literals of the document with a NUL byte. */
const noNulLiterals: ValidationRule = (context) => ({
  StringValue(node) {
    if (node.value.includes(NUL))
      context.reportError(
        new GraphQLError(NUL_MESSAGE, { nodes: node, extensions: { code: "BAD_USER_INPUT" } }),
      );
  },
});

function isClientError(error: GraphQLError): boolean {
  const code = error.extensions?.code;
  if (typeof code === "string") return CLIENT_CODES.has(code);
  const http = error.extensions?.http as { status?: number } | undefined;
  return http?.status === 400;
}

/** graphql-js's variable coercion errors and Pothos' cursor errors, which carry no code. */
function withCode(error: GraphQLError): GraphQLError {
  const { originalError: _dropped, ...extensions } = (error.extensions ?? {}) as Record<string, unknown>;
  const unnamed = extensions.code === undefined;
  const client =
    unnamed &&
    (/^Variable "\$/.test(error.message) ||
      error.originalError?.name === "PothosValidationError" ||
      /^Invalid cursor/.test(error.message));
  if (!client && !("originalError" in (error.extensions ?? {}))) return error;
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    extensions: client
      ? { ...extensions, code: "BAD_USER_INPUT" }
      : // A body that is not JSON is 400 under every Accept (the spec's SHOULD), as before.
        extensions.code === "BAD_REQUEST"
        ? { ...extensions, http: { status: 400 } }
        : extensions,
  });
}

/** Whether nothing was answered: no data, or only nulls at the root. */
function nothingAnswered(result: ExecutionResult): boolean {
  if (result.data === undefined || result.data === null) return true;
  return Object.values(result.data).every((v) => v === null);
}

/**
 * A client that asks for application/json by name (and not graphql-response+json) gets the
 * GraphQL-over-HTTP spec's 200 for request errors; the default Accept (none, or * / *) gets 400.
 */
function wantsLegacyJson(request: Request): boolean {
  const accept = request.headers.get("accept") ?? "";
  return accept.includes("application/json") && !accept.includes("application/graphql-response+json");
}

function processed(result: ExecutionResult, legacyJson: boolean): ExecutionResult {
  if (!result.errors?.length) return result;
  const errors = result.errors.map(withCode);
  if (legacyJson || !nothingAnswered(result) || !errors.every(isClientError)) return { ...result, errors };
  // yoga marks spec-mandated 400s `spec: true` and drops them under application/json: restate.
  return {
    ...result,
    errors: errors.map(
      (e) =>
        new GraphQLError(e.message, {
          nodes: e.nodes,
          source: e.source,
          positions: e.positions,
          path: e.path,
          extensions: { ...e.extensions, http: { status: 400 } },
        }),
    ),
  };
}

function badGetParameters(request: Request): string | undefined {
  if (request.method !== "GET") return undefined;
  const params = new URL(request.url).searchParams;
  for (const name of ["variables", "extensions"]) {
    const text = params.get(name);
    if (!text) continue;
    try {
      JSON.parse(text);
    } catch {
      return name;
    }
  }
  return undefined;
}

export function useClientErrors(): Plugin {
  return {
    onRequest({ request, endResponse, fetchAPI }) {
      const name = badGetParameters(request);
      if (!name) return;
      const error = { message: `Invalid "${name}": not JSON`, extensions: { code: "BAD_USER_INPUT" } };
      endResponse(
        new fetchAPI.Response(JSON.stringify({ errors: [error] }), {
          status: 400,
          headers: { "content-type": "application/json; charset=utf-8" },
        }),
      );
    },
    onParams({ params, setResult }) {
      if (
        containsNul(params.variables) ||
        containsNul(params.operationName) ||
        containsNul(params.extensions)
      ) {
        setResult({ errors: [badInput(NUL_MESSAGE, { http: { status: 400 } })] });
      }
    },
    onValidate({ addValidationRule }) {
      addValidationRule(noNulLiterals);
    },
    onExecute({ args, setResultAndStopExecution }) {
      const error = forgedCursor(args.schema, args.document, args.variableValues ?? undefined);
      if (error) setResultAndStopExecution({ errors: [error] });
    },
    onResultProcess({ request, result, setResult }) {
      const legacy = wantsLegacyJson(request);
      if (Array.isArray(result)) setResult(result.map((r) => processed(r as ExecutionResult, legacy)));
      else if (!(Symbol.asyncIterator in (result as object)))
        setResult(processed(result as ExecutionResult, legacy));
    },
  };
}
