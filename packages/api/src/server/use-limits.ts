// Static limits on every document, checked at parse/validation time so a hostile query costs no
// SQL: depth, aliases, tokens, cost (graphql-armor), and no "did you mean" field suggestions.
import { blockFieldSuggestionsPlugin } from "@escape.tech/graphql-armor-block-field-suggestions";
import { costLimitPlugin } from "@escape.tech/graphql-armor-cost-limit";
import { maxAliasesPlugin } from "@escape.tech/graphql-armor-max-aliases";
import { maxDepthPlugin } from "@escape.tech/graphql-armor-max-depth";
import { maxTokensPlugin } from "@escape.tech/graphql-armor-max-tokens";
import type { Plugin } from "graphql-yoga";
import type { QueryLimits } from "./config.ts";

export function useLimits(limits: QueryLimits): Plugin[] {
  return [
    // Depth ignores only a real `__schema` field (GraphiQL's introspection is deeper than any data
    // query); 2.4.x matches the field, not an operation or fragment *named* __schema.
    maxDepthPlugin({ n: limits.maxDepth, ignoreIntrospection: true }),
    maxAliasesPlugin({ n: limits.maxAliases }),
    maxTokensPlugin({ n: limits.maxTokens }),
    costLimitPlugin({ maxCost: limits.maxCost, ignoreIntrospection: true }),
    blockFieldSuggestionsPlugin(),
  ] as Plugin[];
}
