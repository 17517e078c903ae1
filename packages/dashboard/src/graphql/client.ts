// The dashboard's GraphQL client: one POST per operation to the API's /graphql, same origin, as
// GraphQL over HTTP (application/graphql-response+json). Small on purpose: the dashboard needs
// typed requests, the key header and the status code (401/403 mean "ask for a key"), not a cache.
import { print } from "@0no-co/graphql.web";
import type { TadaDocumentNode } from "gql.tada";
import { apiKey } from "../auth/api-key.ts";

export const GRAPHQL_ENDPOINT = "/graphql";

interface GraphQLErrorBody {
  message: string;
  extensions?: { code?: string; argument?: string };
}

/** The API refused the request for want of a key (401) or of a key with enough scope (403). */
export class AuthRequiredError extends Error {
  constructor(
    readonly status: 401 | 403,
    message: string,
  ) {
    super(message);
    this.name = "AuthRequiredError";
  }
}

/** The API answered with GraphQL errors (a bad argument names it in `argument`). */
export class GraphQLRequestError extends Error {
  constructor(readonly errors: GraphQLErrorBody[]) {
    super(
      errors
        .map((e) => (e.extensions?.argument ? `${e.extensions.argument}: ${e.message}` : e.message))
        .join("; "),
    );
    this.name = "GraphQLRequestError";
  }
}

export async function request<Result, Variables>(
  document: TadaDocumentNode<Result, Variables>,
  variables: Variables,
  signal?: AbortSignal,
): Promise<Result> {
  const key = apiKey();
  const response = await fetch(GRAPHQL_ENDPOINT, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      accept: "application/graphql-response+json, application/json",
      ...(key ? { authorization: `Bearer ${key}` } : {}),
    },
    body: JSON.stringify({ query: print(document), variables }),
    signal,
  });
  const body = (await response.json().catch(() => ({}))) as {
    data?: Result | null;
    errors?: GraphQLErrorBody[];
  };
  if (response.status === 401 || response.status === 403) {
    throw new AuthRequiredError(response.status, body.errors?.[0]?.message ?? response.statusText);
  }
  if (body.errors?.length) throw new GraphQLRequestError(body.errors);
  if (!response.ok || body.data == null) {
    throw new Error(`The API answered ${response.status} ${response.statusText}`);
  }
  return body.data;
}

interface Connection<Node> {
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: ReadonlyArray<{ node: Node }>;
}

/**
 * Every node of a connection, page after page (the API serves at most 100 a page), up to
 * `maxPages`; `truncated` says whether more were left.
 */
export async function allPages<Node>(
  fetchPage: (after: string | null) => Promise<Connection<Node>>,
  maxPages = 10,
): Promise<{ nodes: Node[]; truncated: boolean }> {
  const nodes: Node[] = [];
  let after: string | null = null;
  for (let page = 0; page < maxPages; page++) {
    const connection: Connection<Node> = await fetchPage(after);
    nodes.push(...connection.edges.map((e) => e.node));
    if (!connection.pageInfo.hasNextPage) return { nodes, truncated: false };
    after = connection.pageInfo.endCursor;
  }
  return { nodes, truncated: true };
}
