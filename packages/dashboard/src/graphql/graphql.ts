// gql.tada over the API's committed printed schema (packages/api/schema.graphql): every document
// in the dashboard is typed from it, so a schema change that breaks a query breaks `typecheck`.
// The introspection types are generated (`pnpm --filter @edgeline/dashboard generate`, also run
// by typecheck and build) into src/generated/, which git ignores.
import { initGraphQLTada } from "gql.tada";
import type { introspection } from "../generated/graphql-env.d.ts";

export const graphql = initGraphQLTada<{
  introspection: introspection;
  scalars: {
    /** YYYY-MM-DD */
    Date: string;
    /** ISO 8601 instant in UTC */
    DateTime: string;
    /** An exact decimal as a string ("12.50"): read with decimal.js, never parseFloat for money. */
    Decimal: string;
  };
}>();

export type { FragmentOf, ResultOf, VariablesOf } from "gql.tada";
