// Static limits on every document, checked at parse/validation time so a hostile query costs no
// SQL: depth, aliases, tokens, cost (graphql-armor), and no "did you mean" field suggestions.
import { blockFieldSuggestionsPlugin } from "@escape.tech/graphql-armor-block-field-suggestions";
import { costLimitPlugin } from "@escape.tech/graphql-armor-cost-limit";
import { maxAliasesPlugin } from "@escape.tech/graphql-armor-max-aliases";
import { maxDepthPlugin } from "@escape.tech/graphql-armor-max-depth";
import { maxTokensPlugin } from "@escape.tech/graphql-armor-max-tokens";
import type { GraphQLError, ValidationContext } from "graphql";
import type { Plugin } from "graphql-yoga";
import type { QueryLimits } from "./config.ts";

/**
 * Rejections are reported as validation errors (not thrown), so that yoga answers them as it
 * answers any invalid document: 400 with application/graphql-response+json.
 */
const asValidationError = {
  propagateOnRejection: false,
  onReject: [(context: ValidationContext | null, error: GraphQLError) => context?.reportError(error)],
};

export function useLimits(limits: QueryLimits): Plugin[] {
  return [
    // Depth ignores only a real `__schema` field (GraphiQL's introspection is deeper than any data
    // query); 2.4.x matches the field, not an operation or fragment *named* __schema.
    maxDepthPlugin({ n: limits.maxDepth, ignoreIntrospection: true, ...asValidationError }),
    maxAliasesPlugin({ n: limits.maxAliases, ...asValidationError }),
    maxTokensPlugin({ n: limits.maxTokens }),
    costLimitPlugin({ maxCost: limits.maxCost, ignoreIntrospection: true, ...asValidationError }),
    blockFieldSuggestionsPlugin(),
  ] as Plugin[];
}
